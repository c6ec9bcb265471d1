from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Signed JSON POSTs to admin-registered URLs when labels, adjudications and claims change."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from webhooks import receivers  # noqa: F401  (connects to claims.signals and annotations.signals)
