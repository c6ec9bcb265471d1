"""Band keys of engine SIGNATURE_VERSION 5. A claim's words change: "higher" is "rise" (as "lower" is "fall"),
"blocked" is "rejected" and "accepted" is "approved"; "two hundred" is the number 200 (it was 2 and 100); "Saudi" and
"the Saudis" name Saudi Arabia. So MinHash keys of claims with those words change, and claims naming the Saudis are
embedded in other words, so their SimHash keys change too. One table holds both, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Matches already suggested, confirmed
or rejected are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0005_signature_keys_v4"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
