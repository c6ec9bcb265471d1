"""Band keys of engine SIGNATURE_VERSION 4. A claim's words change: a leader's surname also gives the office and
country ("Zelensky" is "the Ukrainian president"); "laid off", "kept", "premier", "up/down 5 percent" and a few news
synonyms (conceded / admitted, lender / bank) have canonical words; "ECB" and "Euro" name the European Union and "the
Vatican" Vatican City; "a third consecutive meeting" is an ordinal; "without heating" is no negation; "the country"
after a named country is no word of its own. So MinHash keys change. Claims naming those places or a leader of
officeholders.tsv are embedded in other words ("Scholz" as "Germany chancellor Scholz"), so their SimHash keys change
too. One table holds both, so all are dropped.

`manage.py match_claims` (or a matching rebuild job) indexes every claim again. Matches already suggested, confirmed
or rejected are kept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0004_signature_keys_v3"),
    ]

    operations = [
        migrations.RunSQL("DELETE FROM matching_claimsignature", migrations.RunSQL.noop),
    ]
