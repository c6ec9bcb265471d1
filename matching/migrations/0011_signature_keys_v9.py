"""Band keys of engine SIGNATURE_VERSION 9. A claim's words change: "a 20-billion-dollar plant" is 20 billion dollars,
"three-quarters" is 75 percent, a low "not seen since 1985" negates nothing, and defaulting on a debt is failing to pay
it. MinHash keys of such claims change, and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0010_signature_keys_v8"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
