"""Band keys of engine SIGNATURE_VERSION 19. A claim's words change: "Kalimantan" is Borneo. MinHash keys of such
claims change, and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0020_signature_keys_v18"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
