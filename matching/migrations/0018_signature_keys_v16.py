"""Band keys of engine SIGNATURE_VERSION 16. A claim's words change: "at the end of" says when ("after"), a green light
approves, "spared from" is "did not punish", the bodies recovered are of the dead, and "a feat no previous mission had
achieved" is a first ("only"). MinHash keys of such claims change, and they share the table with the SimHash keys, so
all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0017_signature_keys_v15"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
