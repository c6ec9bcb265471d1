"""Band keys of engine SIGNATURE_VERSION 14. A claim's words change: a bill signed "into law" is approved, a referendum
"carried" is approved and one that "went down to defeat" rejected, "pressed on with" continues, "added 200,000" grew,
"Formula One" is F1, "or face" is "unless", "defeated the team" beats it; alive, prevailed, validated and abandoned
have canonical words; "Hague" names the Netherlands. MinHash keys of such claims change, and they share the table
with the SimHash keys, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0015_signature_keys_v13"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
