"""The delivery task: a thin wrapper over webhooks.services.delivery_attempt, retried with exponential back-off."""

from celery import shared_task
from django.db import OperationalError

from webhooks import services


@shared_task(
    name=services.DELIVER_TASK,
    bind=True,
    ignore_result=True,
    max_retries=None,
    # The database busy or gone for a moment (a lock, a restart): try again shortly rather than leave the delivery
    # pending for good. These tries are Celery's own and do not count as delivery attempts.
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 6},
)
def webhook_deliver(self, delivery_id: int) -> None:
    # The service counts the tries (WEBHOOK_MAX_ATTEMPTS) and says how long to wait, so the delivery log shows
    # when the next try is due; Celery only schedules it.
    wait = services.delivery_attempt(delivery_id=delivery_id)
    if wait is not None:
        raise self.retry(countdown=wait)
