"""Band keys of engine SIGNATURE_VERSION 10. A claim's words change: failing to pay or service a debt, or missing a
payment on it, is defaulting on it; "defeating Dallas" beats Dallas; "no longer holds a majority" has lost it; "a year
and a half" is 1.5 years. MinHash keys of such claims change, and they share the table with the SimHash keys, so all
are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0011_signature_keys_v9"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
