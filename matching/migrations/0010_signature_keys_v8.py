"""Band keys of engine SIGNATURE_VERSION 8. A claim's words change: "voted against" is "rejected" and "voted for"
"approved", a dismissed case is cleared, "no longer" is "ended", "lost its majority" is "failed to win" it, and a
superlative said by denying any rival ("no year has been warmer than 2024") negates nothing, and "six and a half" is
6.5, "Covid-19" is "Covid", "exceeded" is a bound ("more than"), "permitted" is "allowed" and "barred" "banned", and
a figure after a name followed by "billion" or "euros" is an amount, not a model number, "southern" is "south", and
"struck down" is "overturned", "turned down" "rejected", a deal or drug "cleared" is "approved", "revoked" is "ended",
"finished behind" is "lost", "a quarter of a percentage point" is 0.25 of them, a decimal comma is a decimal point,
a range gives its scale to both ends, "unconstitutional" overturns and "still" continues.
MinHash keys of such
claims change, and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0009_signature_keys_v7"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
