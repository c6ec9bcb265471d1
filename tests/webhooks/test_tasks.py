"""A delivery through a real worker and broker (tests/jobs/conftest.py): queued after the commit, tried again
after a 500 on Celery's schedule, delivered."""

import time

import pytest
from django.db import OperationalError

import webhooks.tasks  # noqa: F401  (registers the task with the test app)
from annotations.services import claim_adjudicate
from tests.claims.factories import ClaimFactory
from tests.webhooks.conftest import verify
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.services import webhook_create

# Transactional, not serialised, like tests/jobs/test_tasks.py: the worker thread reads committed rows only.
pytestmark = pytest.mark.django_db(transaction=True)


def _finished(timeout: float = 30) -> WebhookDelivery:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            delivery = WebhookDelivery.objects.select_related("webhook").first()
        except OperationalError:  # SQLite's shared in-memory test database: the worker thread is writing
            delivery = None
        if delivery is not None and delivery.status != DeliveryStatus.PENDING:
            return delivery
        time.sleep(0.2)
    raise AssertionError(f"no finished delivery after {timeout}s: {list(WebhookDelivery.objects.values())}")


def test_an_adjudication_is_delivered_by_the_worker_after_a_500(worker, httpserver, admin_user, settings):
    settings.DEBUG = True  # the receiver is on this machine
    settings.WEBHOOK_RETRY_BASE_SECONDS = 1
    httpserver.expect_ordered_request("/hook", method="POST").respond_with_data("busy", status=500)
    httpserver.expect_ordered_request("/hook", method="POST").respond_with_data("ok")
    hook = webhook_create(user=admin_user, url=httpserver.url_for("/hook"), events=["adjudication.created"])
    claim = ClaimFactory()

    claim_adjudicate(claim=claim, reviewer=admin_user, verdict="verified", rationale="Two sources confirm.")

    delivery = _finished()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 2, 200)
    httpserver.check_assertions()
    (first, _), (second, _) = httpserver.log
    assert first.get_data() == second.get_data()
    assert verify(hook.secret, second.get_data(), second.headers["X-ClaimDesk-Signature"])
    assert second.headers["X-ClaimDesk-Event"] == "adjudication.created"
