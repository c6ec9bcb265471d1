"""Changes committed in the layers below, turned into webhook deliveries (connected in WebhooksConfig.ready)."""

from django.dispatch import receiver

from annotations.signals import adjudication_changed, label_changed
from claims.signals import claims_changed
from webhooks.services import webhook_event_dispatch


@receiver(claims_changed, dispatch_uid="webhooks.claims_changed")
def on_claims_changed(sender, *, action: str, claim_ids: list[int], **kwargs) -> None:
    webhook_event_dispatch(event=f"claim.{action}", claim_ids=claim_ids)


@receiver(label_changed, dispatch_uid="webhooks.label_changed")
def on_label_changed(sender, *, action: str, label_id: int, claim_id: int, **kwargs) -> None:
    webhook_event_dispatch(event=f"label.{action}", claim_ids=[claim_id], extra={"label_id": label_id})


@receiver(adjudication_changed, dispatch_uid="webhooks.adjudication_changed")
def on_adjudication_changed(sender, *, action: str, claim_id: int, **kwargs) -> None:
    webhook_event_dispatch(event=f"adjudication.{action}", claim_ids=[claim_id])
