from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Roles, permissions and API helpers that every app may use; it imports none of them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
