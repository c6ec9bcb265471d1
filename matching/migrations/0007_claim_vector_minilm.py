"""Sentence embeddings from all-MiniLM-L6-v2 instead of WordLlama (SimHash version 3), and each claim's vector stored
once (`ClaimVector`) so that candidates are not run through the model again. Every stored SimHash key was computed
from the old model's vectors and would meet no new one, and the MinHash keys share their table, so all keys are
dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again, storing its vector; suggested matches
are decided again, confirmed and rejected ones are kept.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0006_claim_label_count_index"),
        ("matching", "0006_signature_keys_v5"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimVector",
            fields=[
                (
                    "claim",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="match_vector",
                        serialize=False,
                        to="claims.claim",
                    ),
                ),
                ("vector", models.BinaryField()),
            ],
        ),
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
