"""Writes for webhooks: registering them, turning committed changes into deliveries, and trying each delivery.

Events come up from the layers below through Django signals (claims.signals, annotations.signals, connected in
webhooks.receivers), sent only after the change committed. Each event becomes one WebhookDelivery per active
webhook that asked for it, holding the exact body; webhooks.tasks.webhook_deliver POSTs it and tries again later
on a connection error, a timeout, a 429 or a 5xx.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import time
import uuid
from collections.abc import Iterable
from datetime import timedelta

import requests
from celery import current_app
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from annotations.exports import jsonl_bytes
from annotations.selectors import claim_export_batches
from claims.models import Claim
from core.roles import is_admin
from matching.selectors import claim_cluster_ids
from webhooks import transport
from webhooks.addresses import host_problem, url_problem
from webhooks.models import DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent

logger = logging.getLogger(__name__)
DELIVER_TASK = "webhooks.tasks.webhook_deliver"
MAX_RETRY_WAIT = 600  # seconds; below Redis's visibility timeout, which would deliver a longer-waiting task twice
MAX_DESCRIPTION = 200
ERROR_EXCERPT = 500
SIGNATURE_HEADER = "X-ClaimDesk-Signature"


def signature(*, secret: str, body: bytes) -> str:
    """The X-ClaimDesk-Signature value: `sha256=` and the hex HMAC-SHA256 of the raw body, keyed by the secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def webhook_url_validate(url) -> str:
    """The URL stripped, or ValidationError on `url`: only http(s), and only public hosts unless DEBUG is on.

    A name that does not resolve now is accepted: deliveries are tried again and their errors logged.
    """
    url = url.strip() if isinstance(url, str) else ""
    problem = url_problem(url) if url else "Enter the URL that receives the events."
    if problem is None and len(url) > Webhook._meta.get_field("url").max_length:
        problem = "The URL is longer than 2,000 characters."
    if problem is None and not settings.DEBUG:
        try:
            problem = host_problem(url)
        except OSError:
            problem = None
    if problem:
        raise ValidationError({"url": problem})
    return url


def webhook_events_validate(events) -> list[str]:
    """The events in WebhookEvent's order without repeats, or ValidationError on `events`."""
    known = ", ".join(WebhookEvent.values)
    if not isinstance(events, list | tuple) or not events:
        raise ValidationError({"events": f"Choose at least one event: {known}."})
    unknown = [str(event) for event in events if event not in WebhookEvent.values]
    if unknown:
        raise ValidationError({"events": f"Unknown event(s) {', '.join(unknown)}. The events are: {known}."})
    return [event for event in WebhookEvent.values if event in events]


def _description_validate(description) -> str:
    description = description.strip() if isinstance(description, str) else ""
    if len(description) > MAX_DESCRIPTION or "\x00" in description:
        raise ValidationError({"description": f"Keep the description under {MAX_DESCRIPTION} characters."})
    return description


def _check_admin(user) -> None:
    if not is_admin(user):
        raise PermissionDenied("Only admins can manage webhooks.")


@transaction.atomic
def webhook_create(*, user, url: str, events: list[str], description: str = "", is_active: bool = True) -> Webhook:
    """Register a URL for some events. Its secret is generated here; the caller shows it to the admin."""
    _check_admin(user)
    errors = {}
    values = {}
    for name, check, value in (
        ("url", webhook_url_validate, url),
        ("events", webhook_events_validate, events),
        ("description", _description_validate, description),
    ):
        try:
            values[name] = check(value)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return Webhook.objects.create(**values, is_active=bool(is_active), created_by=user)


@transaction.atomic
def webhook_update(*, webhook: Webhook, user, **changes) -> Webhook:
    """Change a webhook's url, events, description or is_active (the others keep their value)."""
    _check_admin(user)
    checks = {
        "url": webhook_url_validate,
        "events": webhook_events_validate,
        "description": _description_validate,
        "is_active": bool,
    }
    errors = {}
    for name, value in changes.items():
        try:
            changes[name] = checks[name](value)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    for name, value in changes.items():
        setattr(webhook, name, value)
    webhook.save()
    return webhook


@transaction.atomic
def webhook_delete(*, webhook: Webhook, user) -> None:
    """Remove a webhook and its delivery log; deliveries still queued find it gone and stop."""
    _check_admin(user)
    webhook.delete()


# The events some active webhook asked for, in this process: (time.monotonic() when read, the events).
_subscribed: tuple[float, frozenset[str]] | None = None


def webhook_events_subscribed() -> frozenset[str]:
    """The events at least one active webhook asked for, so that a change no webhook wants costs no query.

    Read again at most every WEBHOOK_EVENTS_CACHE_SECONDS, and at once after a webhook is saved or deleted in this
    process (webhooks.receivers); another process (a worker) sees a new webhook within those seconds.
    """
    global _subscribed
    now = time.monotonic()
    if _subscribed is None or now - _subscribed[0] >= settings.WEBHOOK_EVENTS_CACHE_SECONDS:
        lists = Webhook.objects.filter(is_active=True).values_list("events", flat=True)
        _subscribed = (now, frozenset(event for events in lists for event in events))
    return _subscribed[1]


def webhook_events_forget() -> None:
    """Read the subscribed events again next time (a webhook was saved or deleted)."""
    global _subscribed
    _subscribed = None


def webhook_event_dispatch(
    *, event: str, claim_ids: Iterable[int] = (), records: list[dict] | None = None, extra: dict | None = None
) -> int:
    """One delivery per claim and active webhook asking for `event`; returns how many. Called after the change
    committed, so `claim` is the claim's export record as it stands right after the change, or `records` as given
    (a deleted claim's claims.services.claim_deleted_record: it is gone)."""
    if event not in webhook_events_subscribed():
        return 0
    hooks = [hook for hook in Webhook.objects.filter(is_active=True) if event in hook.events]
    if not hooks:
        return 0
    occurred_at = timezone.now()
    deliveries = []
    if records is None:
        claims = Claim.objects.filter(pk__in=list(claim_ids))
        batches = claim_export_batches(claims=claims, clusters=claim_cluster_ids(), batch_size=500)
    else:
        batches = [records]
    for batch in batches:
        for record in batch:
            for hook in hooks:
                delivery = uuid.uuid4()
                payload = {"event": event, "delivery": str(delivery), "occurred_at": occurred_at}
                payload.update(extra or {})
                payload["claim"] = record
                body = jsonl_bytes([payload]).decode()
                deliveries.append(WebhookDelivery(webhook=hook, uuid=delivery, event=event, body=body))
    with transaction.atomic():
        WebhookDelivery.objects.bulk_create(deliveries, batch_size=500)
        for delivery in deliveries:
            transaction.on_commit(lambda pk=delivery.pk: _enqueue(pk))
    return len(deliveries)


def _enqueue(delivery_id: int) -> None:
    try:
        current_app.send_task(DELIVER_TASK, args=[delivery_id])
    except Exception as error:  # the queue is down: failed with the reason, so an admin can send it again
        logger.exception("Could not queue webhook delivery %s", delivery_id)
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            status=DeliveryStatus.FAILED, error=f"Could not queue it: {error}"[:ERROR_EXCERPT]
        )


@transaction.atomic
def deliveries_redeliver(*, deliveries: Iterable[WebhookDelivery], user) -> int:
    """Send finished deliveries again (same body and delivery id, so a receiver can tell it is a repeat)."""
    _check_admin(user)
    ids = [delivery.pk for delivery in deliveries if delivery.status != DeliveryStatus.PENDING]
    WebhookDelivery.objects.filter(pk__in=ids).update(
        status=DeliveryStatus.PENDING,
        attempts=0,
        error="",
        response_status=None,
        next_attempt_at=None,
        delivered_at=None,
    )
    for pk in ids:
        transaction.on_commit(lambda pk=pk: _enqueue(pk))
    return len(ids)


class Retryable(Exception):
    """The receiver could not take it now (no connection, a timeout, a 429 or a 5xx): try again later."""


class Refused(Exception):
    """Trying again would not help (a 4xx, a redirect, a non-public address)."""


def _post(delivery: WebhookDelivery) -> int:
    """POST the delivery's body; the HTTP status of a 2xx answer, else Retryable or Refused."""
    hook = delivery.webhook
    if not settings.DEBUG:
        try:
            problem = host_problem(hook.url)
        except OSError as error:
            raise Retryable(f"Could not resolve the host: {error}") from error
        if problem:
            raise Refused(problem)
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "ClaimDesk-Webhooks/1",
        "X-ClaimDesk-Event": delivery.event,
        "X-ClaimDesk-Delivery": str(delivery.uuid),
        SIGNATURE_HEADER: signature(secret=hook.secret, body=body),
    }
    try:
        # Redirects are not followed: one could lead to an address refused above.
        with (
            transport.session(public_only=not settings.DEBUG) as http,
            http.post(
                hook.url,
                data=body,
                headers=headers,
                timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
                allow_redirects=False,
                stream=True,  # the answer's body is not needed: at most an excerpt of an error's is read
            ) as response,
        ):
            code = response.status_code
            excerpt = _excerpt(response) if code >= 300 else ""
    except transport.AddressRefused as error:
        raise Refused(str(error)) from error
    except (TimeoutError, requests.ConnectionError, requests.Timeout) as error:
        raise Retryable(f"{type(error).__name__}: {error}") from error
    except requests.RequestException as error:
        raise Refused(f"{type(error).__name__}: {error}") from error
    if 200 <= code < 300:
        return code
    message = f"HTTP {code}: {excerpt}".strip()
    if code == 429 or code >= 500:
        raise Retryable(message, code)
    if 300 <= code < 400:
        message = f"HTTP {code}: redirects are not followed; register the URL it points to."
    raise Refused(message, code)


def _excerpt(response: requests.Response) -> str:
    try:
        return response.raw.read(ERROR_EXCERPT, decode_content=True).decode("utf-8", "replace")
    except Exception:  # an answer cut short or badly encoded: its status code is enough
        return ""


def delivery_attempt(*, delivery_id: int) -> int | None:
    """Try one delivery once and record how it went. Returns the seconds to wait before the next try, or None
    when there is none (delivered, failed for good, out of tries, or not pending any more)."""
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().select_related("webhook").filter(pk=delivery_id).first()
        if delivery is None or delivery.status != DeliveryStatus.PENDING:
            return None  # the webhook was deleted, or a repeated message for a finished delivery
        if not delivery.webhook.is_active:
            delivery.status, delivery.error = DeliveryStatus.FAILED, "The webhook was deactivated."
            delivery.save(update_fields=["status", "error"])
            return None
        delivery.attempts += 1
        delivery.last_attempt_at = timezone.now()
        delivery.save(update_fields=["attempts", "last_attempt_at"])
    wait = None
    try:
        try:
            delivery.response_status = _post(delivery)
        except (Retryable, Refused):
            raise
        except Exception as error:  # not foreseen: logged, and tried again like a network error
            logger.exception("Webhook delivery %s failed", delivery.pk)
            raise Retryable(f"{type(error).__name__}: {error}") from error
    except Retryable as error:
        delivery.error, delivery.response_status = _reason(error)
        if delivery.attempts < settings.WEBHOOK_MAX_ATTEMPTS:
            wait = get_exponential_backoff_interval(
                factor=settings.WEBHOOK_RETRY_BASE_SECONDS, retries=delivery.attempts - 1, maximum=MAX_RETRY_WAIT
            )
            delivery.next_attempt_at = timezone.now() + timedelta(seconds=wait)
        else:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
            delivery.error = f"Gave up after {delivery.attempts} tries. {delivery.error}"[:ERROR_EXCERPT]
    except Refused as error:
        delivery.error, delivery.response_status = _reason(error)
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.status, delivery.error, delivery.next_attempt_at = DeliveryStatus.DELIVERED, "", None
        delivery.delivered_at = timezone.now()
    # update(), not save(): the webhook may have been deleted while its delivery was on the way.
    fields = ("status", "response_status", "error", "next_attempt_at", "delivered_at")
    WebhookDelivery.objects.filter(pk=delivery.pk).update(**{name: getattr(delivery, name) for name in fields})
    return wait


def _reason(error: Exception) -> tuple[str, int | None]:
    message, *rest = error.args
    return str(message)[:ERROR_EXCERPT], (rest[0] if rest else None)
