"""Band keys of engine SIGNATURE_VERSION 20. A claim's words change: New Year's Day, New Year's Eve, Christmas Day and
Christmas Eve are their dates, "a decade and a half" is 15 years (and "half a century" 50), and "a third stint" is the
third one, no share. MinHash keys of such claims change, and they share the table with the SimHash keys, so all are
dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0021_signature_keys_v19"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
