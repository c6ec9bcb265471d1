from django.apps import AppConfig


class MatchingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "matching"
    verbose_name = "Claim matching"

    def ready(self) -> None:
        from claims.services import claims_created_subscribe
        from matching.services import claim_matches_find_for

        # Every ingest (admin, API, UI, commands, seeds) suggests matches with the same claims in other articles;
        # a failure is logged and never loses the import.
        claims_created_subscribe(claim_matches_find_for)
