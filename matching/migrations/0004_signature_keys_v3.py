"""Band keys of engine SIGNATURE_VERSION 3: more words have a canonical form ("truce" is "ceasefire", "sacked" is
"fired", "close to" is "near"), "without power" is no negation and "half a million" is a number, so a claim's MinHash
keys change. Its SimHash keys (embedding SIMHASH_VERSION 2) do not, but one table holds both and tells them apart by
nothing, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Matches already suggested, confirmed
or rejected are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0003_signature_keys_v2"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
