"""Band keys of engine SIGNATURE_VERSION 6 and SimHash version 4. A claim's words change: a number right after a name
names a thing ("Boeing 737-800", "Leopard 2") and is a word, no longer a count; shares in words ("two fifths", "four
in ten") are percentages. SimHash now has 32 bands instead of 16. One table holds both kinds of keys, so all are
dropped; the stored vectors (same model) are written again with them.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0007_claim_vector_minilm"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
