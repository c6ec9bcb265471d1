import hashlib
import hmac
import json

import pytest

from tests.jobs.conftest import worker  # noqa: F401  (a real Celery worker: Redis when it answers, and the default)
from tests.webhooks.factories import WebhookFactory
from webhooks.models import WebhookDelivery


@pytest.fixture
def hook(db, httpserver, settings):
    """An active webhook for every event, pointing at a local receiver (allowed because DEBUG is on)."""
    settings.DEBUG = True
    return WebhookFactory(url=httpserver.url_for("/hook"))


def verify(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does (README "Webhooks"): recompute the HMAC of the raw body and compare in constant time."""
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header)


def sent(webhook) -> list[tuple[str, int]]:
    """(event, claim id) of every delivery queued for the webhook, oldest first."""
    deliveries = WebhookDelivery.objects.filter(webhook=webhook).order_by("id")
    return [(delivery.event, json.loads(delivery.body)["claim"]["id"]) for delivery in deliveries]
