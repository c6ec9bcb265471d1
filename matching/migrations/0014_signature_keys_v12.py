"""Band keys of engine SIGNATURE_VERSION 12. A claim's words change: a day of a month is a time ("~april6"), not a
number; a time of day is one word ("8:59 p.m." and "20:59" are "clock2059"); "Jan." and "Oct" are the months; new
synonyms (slid, weakened, annulled, nullified, surrendered, began); "dismissed the charges" clears and "dismissed the
lawsuit" rejects; "stood still" halts; "sixteen and a half" is 16.5; "UN-backed" names the UN only. MinHash keys of
such claims change, and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0013_signature_keys_v11"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
