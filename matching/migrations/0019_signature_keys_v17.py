"""Band keys of engine SIGNATURE_VERSION 17. A claim's words change: "pressed ahead with" and "went ahead with" continue,
"let its approval expire" ends it, "instead of renewing" does not renew, "renewed" continues, "could have been
prevented" is avoidable, and "a fifth" before anything but "of" is the fifth one ("cut by a fifth" stays 20 percent).
MinHash keys of such claims change, and they share the table with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0018_signature_keys_v16"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
