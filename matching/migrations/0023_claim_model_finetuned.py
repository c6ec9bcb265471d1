"""Sentence vectors from all-MiniLM-L6-v2 fine-tuned on ClaimDesk's claim pairs (SimHash version 5). Every stored
vector and SimHash key came from the released model and would meet no new one; the MinHash keys share their table.
All keys and vectors are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again, storing its new vector. Suggested
matches are decided again; confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0022_signature_keys_v20"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
        migrations.RunSQL("DELETE FROM matching_claimvector", migrations.RunSQL.noop),
    ]
