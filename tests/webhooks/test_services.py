"""Deliveries: signed bodies a receiver can verify, tries with back-off, failures logged; URL checks at
registration and again before each try."""

import json
import socket
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from werkzeug import Response

from annotations.models import Annotation
from annotations.services import annotation_submit
from tests.claims.factories import ClaimFactory
from tests.webhooks.conftest import verify
from tests.webhooks.factories import WebhookFactory
from webhooks import addresses, services, transport
from webhooks.models import DeliveryStatus, Webhook, WebhookDelivery
from webhooks.services import deliveries_redeliver, delivery_attempt, webhook_create, webhook_update

pytestmark = pytest.mark.django_db


def _label(annotator, django_capture_on_commit_callbacks) -> WebhookDelivery:
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claim, annotator=annotator, verdict="verified", note="Two sources confirm.")
    return WebhookDelivery.objects.get()


def test_a_delivery_is_a_json_post_the_receiver_can_verify_with_the_secret(
    hook, httpserver, annotator, django_capture_on_commit_callbacks
):
    httpserver.expect_oneshot_request("/hook", method="POST").respond_with_data("ok")
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    assert delivery_attempt(delivery_id=delivery.pk) is None

    request, _ = httpserver.log[0]
    body = request.get_data()
    assert verify(hook.secret, body, request.headers["X-ClaimDesk-Signature"])
    assert not verify("another secret", body, request.headers["X-ClaimDesk-Signature"])
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-ClaimDesk-Event"] == "label.created"
    assert request.headers["X-ClaimDesk-Delivery"] == str(delivery.uuid)
    payload = json.loads(body)
    assert list(payload) == ["event", "delivery", "occurred_at", "label_id", "claim"]
    assert (payload["event"], payload["delivery"]) == ("label.created", str(delivery.uuid))
    [label] = payload["claim"]["annotations"]
    assert (label["id"], label["annotator"], label["note"]) == (payload["label_id"], "ann", "Two sources confirm.")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 1, 200)
    assert delivery.delivered_at is not None


def test_a_500_is_tried_again_with_growing_waits_until_it_is_taken(
    hook, httpserver, annotator, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    for code in (500, 503):
        httpserver.expect_ordered_request("/hook").respond_with_data("busy", status=code)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    waits = [delivery_attempt(delivery_id=delivery.pk) for _ in range(3)]

    assert waits == [30, 60, None]
    httpserver.check_assertions()
    bodies = {request.get_data() for request, _ in httpserver.log}
    assert len(bodies) == 1  # every try sends the same signed bytes
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 3, 200)
    assert (delivery.error, delivery.next_attempt_at) == ("", None)


def test_after_the_last_try_the_delivery_is_failed_with_the_reason(
    hook, httpserver, annotator, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    httpserver.expect_request("/hook").respond_with_data("down for maintenance", status=503)
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    first = delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.next_attempt_at - delivery.last_attempt_at == pytest.approx(
        timedelta(seconds=first), abs=timedelta(seconds=1)
    )
    assert delivery_attempt(delivery_id=delivery.pk) is not None
    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.FAILED, 3, 503)
    assert delivery.error == "Gave up after 3 tries. HTTP 503: down for maintenance"
    assert delivery_attempt(delivery_id=delivery.pk) is None  # a repeated message changes nothing
    assert len(httpserver.log) == 3


@pytest.mark.parametrize(
    ("answer", "retried", "reason"),
    [
        (Response("slow down", status=429), True, "HTTP 429: slow down"),
        (Response("no such hook", status=404), False, "HTTP 404: no such hook"),
        (Response("", status=302, headers={"Location": "http://10.0.0.1/"}), False, "redirects are not followed"),
    ],
)
def test_429_is_tried_again_but_other_4xx_and_redirects_fail_at_once(
    answer, retried, reason, hook, httpserver, annotator, django_capture_on_commit_callbacks
):
    httpserver.expect_request("/hook").respond_with_response(answer)
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    wait = delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert (wait is not None) == retried
    assert delivery.status == (DeliveryStatus.PENDING if retried else DeliveryStatus.FAILED)
    assert reason in delivery.error
    assert len(httpserver.log) == 1


def test_no_answer_at_all_is_tried_again(annotator, settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    WebhookFactory(url=f"http://127.0.0.1:{port}/hook")  # nothing listens there
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    assert delivery_attempt(delivery_id=delivery.pk) is not None

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.PENDING, 1, None)
    assert "ConnectionError" in delivery.error


def test_with_debug_off_a_loopback_receiver_is_refused_before_any_request(
    hook, httpserver, annotator, settings, django_capture_on_commit_callbacks
):
    delivery = _label(annotator, django_capture_on_commit_callbacks)
    settings.DEBUG = False

    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert "loopback" in delivery.error
    assert httpserver.log == []


def test_a_name_that_resolves_to_loopback_is_refused_at_delivery(
    annotator, monkeypatch, httpserver, django_capture_on_commit_callbacks
):
    WebhookFactory(url="https://rebound.example.org/hook")
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("127.0.0.1", 443))])
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error.startswith("rebound.example.org (127.0.0.1) is a loopback address")


def test_a_deactivated_webhook_gets_nothing_more(hook, httpserver, annotator, django_capture_on_commit_callbacks):
    delivery = _label(annotator, django_capture_on_commit_callbacks)
    hook.is_active = False
    hook.save()

    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert (delivery.status, delivery.error) == (DeliveryStatus.FAILED, "The webhook was deactivated.")
    assert httpserver.log == []


def test_redelivery_sends_the_same_body_again(
    hook, httpserver, annotator, admin_user, django_capture_on_commit_callbacks
):
    httpserver.expect_ordered_request("/hook").respond_with_data("no", status=410)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    delivery = _label(annotator, django_capture_on_commit_callbacks)
    delivery_attempt(delivery_id=delivery.pk)

    with django_capture_on_commit_callbacks(execute=True):
        assert deliveries_redeliver(deliveries=[WebhookDelivery.objects.get()], user=admin_user) == 1
    delivery_attempt(delivery_id=delivery.pk)

    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 1)
    first, second = (request for request, _ in httpserver.log)
    assert first.get_data() == second.get_data()
    assert first.headers["X-ClaimDesk-Delivery"] == second.headers["X-ClaimDesk-Delivery"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://api.localhost/hook",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://[fd00::1]/hook",
        "http://100.64.0.1/hook",
    ],
)
def test_registration_refuses_non_public_addresses_with_debug_off(url, admin_user):
    with pytest.raises(ValidationError) as error:
        webhook_create(user=admin_user, url=url, events=["claim.created"])
    assert "public addresses" in error.value.message_dict["url"][0]


def test_registration_refuses_a_name_that_resolves_to_a_private_address(admin_user, monkeypatch):
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("10.0.0.7", 443))])
    with pytest.raises(ValidationError) as error:
        webhook_create(user=admin_user, url="https://intranet.example.org/hook", events=["claim.created"])
    assert error.value.message_dict["url"] == [
        "intranet.example.org (10.0.0.7) is a private address: webhooks go only to public addresses (unless DEBUG "
        "is on)."
    ]


def test_registration_takes_loopback_with_debug_on_and_public_names(admin_user, settings, monkeypatch):
    settings.DEBUG = True
    local = webhook_create(user=admin_user, url=" http://127.0.0.1:9000/hook ", events=["label.created"])
    assert local.url == "http://127.0.0.1:9000/hook"
    settings.DEBUG = False
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("93.184.215.14", 443))])
    public = webhook_create(
        user=admin_user, url="https://hooks.example.org/x", events=["label.deleted", "claim.created", "claim.created"]
    )
    assert public.events == ["claim.created", "label.deleted"]  # in the list's order, without repeats
    assert len(public.secret) >= 40


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"url": "ftp://hooks.example.org/x", "events": ["claim.created"]}, "url"),
        ({"url": "hooks.example.org/x", "events": ["claim.created"]}, "url"),
        ({"url": "https://hooks.example.org:99999/x", "events": ["claim.created"]}, "url"),
        ({"url": "https://hooks.example.org/x", "events": []}, "events"),
        ({"url": "https://hooks.example.org/x", "events": ["claim.archived"]}, "events"),
    ],
)
def test_registration_refuses_bad_input_by_field(fields, field, admin_user, monkeypatch):
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("93.184.215.14", 443))])
    with pytest.raises(ValidationError) as error:
        webhook_create(user=admin_user, **fields)
    assert list(error.value.message_dict) == [field]


def test_only_admins_manage_webhooks(reviewer, admin_user):
    with pytest.raises(PermissionDenied):
        webhook_create(user=reviewer, url="https://93.184.215.14/x", events=["claim.created"])
    hook = WebhookFactory()
    with pytest.raises(PermissionDenied):
        webhook_update(webhook=hook, user=reviewer, is_active=False)


def test_a_name_that_does_not_resolve_now_is_tried_again(annotator, monkeypatch, django_capture_on_commit_callbacks):
    WebhookFactory(url="https://gone.example.org/hook")

    def no_such_name(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", no_such_name)
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    assert delivery_attempt(delivery_id=delivery.pk) is not None

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.error == "Could not resolve the host: [Errno -2] Name or service not known"


def test_a_host_name_that_cannot_be_encoded_is_a_field_error(admin_user):
    with pytest.raises(ValidationError) as error:
        webhook_create(user=admin_user, url=f"https://{'a' * 70}.example.org/", events=["claim.created"])
    assert error.value.message_dict == {"url": ["The host name is not valid."]}


def test_a_webhook_deleted_while_its_delivery_is_on_the_way_loses_nothing_else(
    hook, annotator, monkeypatch, django_capture_on_commit_callbacks
):
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    def deleted_meanwhile(delivery):
        hook.delete()
        return 200

    monkeypatch.setattr(services, "_post", deleted_meanwhile)

    assert delivery_attempt(delivery_id=delivery.pk) is None
    assert not WebhookDelivery.objects.exists()


def test_when_the_queue_is_down_the_delivery_is_failed_with_the_reason(
    hook, annotator, monkeypatch, django_capture_on_commit_callbacks
):
    def queue_down(*args, **kwargs):
        raise ConnectionRefusedError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(services.current_app, "send_task", queue_down)
    delivery = _label(annotator, django_capture_on_commit_callbacks)

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error == "Could not queue it: Error 111 connecting to 127.0.0.1:6379"


def test_the_address_actually_connected_to_is_checked_too(
    hook, httpserver, annotator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """DNS rebinding: the name looked public when checked, but the client's own lookup gives 127.0.0.1."""
    httpserver.expect_request("/hook").respond_with_data("ok")
    delivery = _label(annotator, django_capture_on_commit_callbacks)
    settings.DEBUG = False
    monkeypatch.setattr(services, "host_problem", lambda url: None)

    assert delivery_attempt(delivery_id=delivery.pk) is None

    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.error.startswith("localhost (")  # 127.0.0.1 or ::1, as the system resolves it
    assert "is a loopback address" in delivery.error
    assert httpserver.log == []

    # The same connection, its peer taken for public, goes through: the check is all that stopped it.
    monkeypatch.setattr(transport, "address_kind", lambda address: None)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.PENDING)
    delivery_attempt(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert len(httpserver.log) == 1


def _webhook_reads(queries) -> int:
    return sum('"webhooks_webhook"' in query["sql"] for query in queries.captured_queries)


def test_with_no_webhook_a_label_reads_the_webhook_list_at_most_once(annotator, django_capture_on_commit_callbacks):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=annotator).key}")
    claims = ClaimFactory.create_batch(3)
    services.webhook_events_forget()  # as a process that just started
    with CaptureQueriesContext(connection) as queries:
        for claim in claims:
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                response = client.post(reverse("api:annotation-list"), {"claim": claim.pk, "verdict": "verified"})
            assert response.status_code == HTTPStatus.CREATED
            assert callbacks  # the label was announced
    assert Annotation.objects.count() == 3
    assert _webhook_reads(queries) == 1  # the first label; the next two cost no query
    assert not WebhookDelivery.objects.exists()


def test_a_webhook_registered_here_gets_the_very_next_change(
    annotator, admin_user, settings, django_capture_on_commit_callbacks
):
    settings.DEBUG = True
    claims = ClaimFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claims[0], annotator=annotator, verdict="verified")  # no webhook yet: remembered
    hook = webhook_create(user=admin_user, url="https://hooks.example.org/in", events=["label.created"])
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claims[1], annotator=annotator, verdict="verified")
    assert [(d.webhook, d.event) for d in WebhookDelivery.objects.all()] == [(hook, "label.created")]


def test_a_webhook_saved_by_another_process_is_seen_within_the_cache_seconds(
    annotator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_EVENTS_CACHE_SECONDS = 5
    now = [1000.0]
    monkeypatch.setattr(services.time, "monotonic", lambda: now[0])
    hook = WebhookFactory(is_active=False)
    claims = ClaimFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claims[0], annotator=annotator, verdict="verified")  # no active webhook: remembered
    Webhook.objects.filter(pk=hook.pk).update(is_active=True)  # another process: no signal reaches this one
    now[0] += 5
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claims[1], annotator=annotator, verdict="verified")
    assert [(d.webhook, d.event) for d in WebhookDelivery.objects.all()] == [(hook, "label.created")]


def test_a_database_error_in_a_delivery_is_tried_again_not_left_pending(monkeypatch, settings):
    """SQLite's 'database table is locked', or PostgreSQL restarting, while a worker delivers: the task runs again."""
    from django.db import OperationalError

    from webhooks.tasks import webhook_deliver

    settings.CELERY_TASK_ALWAYS_EAGER = True
    calls = []

    def attempt(*, delivery_id):
        calls.append(delivery_id)
        if len(calls) == 1:
            raise OperationalError("database table is locked: webhooks_webhookdelivery")
        return None

    monkeypatch.setattr(services, "delivery_attempt", attempt)
    result = webhook_deliver.apply(args=[7])
    assert result.successful()
    assert calls == [7, 7]
