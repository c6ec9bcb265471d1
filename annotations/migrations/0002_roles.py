"""Create the `annotator` and `reviewer` groups with their model permissions. Admins are staff users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "annotator": [
        ("claims", "view_article"),
        ("claims", "view_claim"),
        ("claims", "add_claim"),
        ("claims", "change_claim"),
        ("claims", "view_source"),
        ("claims", "add_source"),
        ("annotations", "add_annotation"),
        ("annotations", "change_annotation"),
    ],
    "reviewer": [
        ("claims", "view_article"),
        ("claims", "add_article"),
        ("claims", "view_claim"),
        ("claims", "add_claim"),
        ("claims", "change_claim"),
        ("claims", "view_source"),
        ("claims", "add_source"),
        ("claims", "change_source"),
        ("annotations", "view_annotation"),
        ("annotations", "add_annotation"),
        ("annotations", "change_annotation"),
        ("annotations", "view_adjudication"),
        ("annotations", "add_adjudication"),
        ("annotations", "change_adjudication"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now so the groups can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in perms:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0001_annotations_adjudication_reservation_skip"),
        ("claims", "0001_articles_sources_claims"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
