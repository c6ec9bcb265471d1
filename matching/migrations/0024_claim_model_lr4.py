"""The claim model fine-tuned again, at learning rate 4e-5 (SimHash version 6): every stored vector and SimHash key
of migration 0023's model would meet no new one. All keys and vectors are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Suggested matches are decided again;
confirmed and rejected ones are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0023_claim_model_finetuned"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
        migrations.RunSQL("DELETE FROM matching_claimvector", migrations.RunSQL.noop),
    ]
