"""Band keys of engine SIGNATURE_VERSION 11. A claim's words change: a score ("7-4", "seven sets to four") is one word,
"turned down" and "voted down" reject, "unvaccinated" is "not vaccinated", "the upper house" is the Senate, "No. 3"
numbers a thing, and "Anglo-", "Franco-", "Sino-" and "Russo-" name their countries. MinHash keys of such claims change,
and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0012_signature_keys_v10"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
