"""Band keys of engine SIGNATURE_VERSION 2 and embedding SIMHASH_VERSION 2: claims are embedded as
`embedding.prepare` words them and a few more words have a canonical form, so stored keys no longer meet new ones.

The stale keys are dropped here; `manage.py match_claims` (or a matching rebuild job) indexes every claim again.
Matches already suggested, confirmed or rejected are kept.
"""

from django.db import migrations


def drop_stale_keys(apps, schema_editor):
    apps.get_model("matching", "ClaimSignature").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_match_relation_similarity_guards"),
    ]

    operations = [
        migrations.RunPython(drop_stale_keys, migrations.RunPython.noop),
    ]
