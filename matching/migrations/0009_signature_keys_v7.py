"""Band keys of engine SIGNATURE_VERSION 7: a hyphenated place name at the start of a claim ("Port-au-Prince's
airport") is now its place, where it was dropped. MinHash keys of such claims change, and they share the table with
the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0008_signature_keys_v6"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
