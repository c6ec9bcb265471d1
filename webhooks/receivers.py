"""Changes committed in the layers below, turned into webhook deliveries (connected in WebhooksConfig.ready)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from annotations.signals import adjudication_changed, label_changed
from claims.signals import claims_changed, claims_deleted
from webhooks.models import Webhook
from webhooks.services import webhook_event_dispatch, webhook_events_forget


@receiver(claims_changed, dispatch_uid="webhooks.claims_changed")
def on_claims_changed(sender, *, action: str, claim_ids: list[int], **kwargs) -> None:
    webhook_event_dispatch(event=f"claim.{action}", claim_ids=claim_ids)


@receiver(claims_deleted, dispatch_uid="webhooks.claims_deleted")
def on_claims_deleted(sender, *, claims: list[dict], **kwargs) -> None:
    webhook_event_dispatch(event="claim.deleted", records=claims)


@receiver(label_changed, dispatch_uid="webhooks.label_changed")
def on_label_changed(sender, *, action: str, label_id: int, claim_id: int, **kwargs) -> None:
    webhook_event_dispatch(event=f"label.{action}", claim_ids=[claim_id], extra={"label_id": label_id})


@receiver(adjudication_changed, dispatch_uid="webhooks.adjudication_changed")
def on_adjudication_changed(sender, *, action: str, claim_id: int, **kwargs) -> None:
    webhook_event_dispatch(event=f"adjudication.{action}", claim_ids=[claim_id])


@receiver(post_save, sender=Webhook, dispatch_uid="webhooks.saved")
@receiver(post_delete, sender=Webhook, dispatch_uid="webhooks.deleted")
def on_webhook_saved_or_deleted(sender, **kwargs) -> None:
    # At once for this transaction, and again once it commits: a read in between may have cached the old list.
    webhook_events_forget()
    transaction.on_commit(webhook_events_forget)
