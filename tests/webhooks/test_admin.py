from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.webhooks.factories import WebhookFactory
from webhooks import addresses
from webhooks.models import DeliveryStatus, Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_an_admin_registers_a_webhook_and_sees_its_secret(admin_client, monkeypatch):
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("93.184.215.14", 443))])
    response = admin_client.post(
        reverse("admin:webhooks_webhook_add"),
        {"url": "https://hooks.example.org/in", "events": ["claim.created", "label.created"], "is_active": "on"},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    hook = Webhook.objects.get()
    assert (hook.url, hook.events, hook.created_by.username) == (
        "https://hooks.example.org/in",
        ["claim.created", "label.created"],
        "boss",
    )
    assert f"Its signing secret: {hook.secret}" in response.content.decode()
    page = admin_client.get(reverse("admin:webhooks_webhook_change", args=[hook.pk]))
    assert page.status_code == HTTPStatus.OK
    assert hook.secret in page.content.decode()


def test_the_admin_form_refuses_a_loopback_url(admin_client):
    response = admin_client.post(
        reverse("admin:webhooks_webhook_add"), {"url": "http://127.0.0.1/hook", "events": ["claim.created"]}
    )
    assert response.status_code == HTTPStatus.OK  # the form again, with the error
    assert response.context["adminform"].form.errors["url"] == [
        "127.0.0.1 is a loopback address: webhooks go only to public addresses (unless DEBUG is on)."
    ]
    assert not Webhook.objects.exists()


def test_the_delivery_log_lists_filters_and_shows_the_body(admin_client):
    hook = WebhookFactory(description="Data team")
    failed = WebhookDelivery.objects.create(
        webhook=hook,
        event="label.created",
        body='{"event":"label.created","claim":{"id":7}}\n',
        status=DeliveryStatus.FAILED,
        attempts=8,
        response_status=503,
        error="Gave up after 8 tries. HTTP 503: maintenance",
    )
    WebhookDelivery.objects.create(webhook=hook, event="claim.created", body="{}", status=DeliveryStatus.DELIVERED)

    listing = admin_client.get(reverse("admin:webhooks_webhookdelivery_changelist"), {"status__exact": "failed"})
    assert listing.status_code == HTTPStatus.OK
    assert list(listing.context["cl"].result_list) == [failed]
    assert "Gave up after 8 tries" in listing.content.decode()

    page = admin_client.get(reverse("admin:webhooks_webhookdelivery_change", args=[failed.pk]))
    assert page.status_code == HTTPStatus.OK
    assert "&quot;label.created&quot;" in page.content.decode()
    assert admin_client.get(reverse("admin:webhooks_webhookdelivery_add")).status_code == HTTPStatus.FORBIDDEN
    change = admin_client.post(reverse("admin:webhooks_webhookdelivery_change", args=[failed.pk]), {"attempts": 0})
    assert change.status_code == HTTPStatus.FORBIDDEN


def test_redeliver_action_queues_failed_deliveries_again(admin_client, django_capture_on_commit_callbacks):
    failed = WebhookDelivery.objects.create(
        webhook=WebhookFactory(), event="claim.created", body="{}", status=DeliveryStatus.FAILED, attempts=8
    )
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = admin_client.post(
            reverse("admin:webhooks_webhookdelivery_changelist"),
            {"action": "redeliver", "_selected_action": [failed.pk]},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert len(queued) == 1
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (DeliveryStatus.PENDING, 0)


def test_an_admin_changes_a_webhooks_events_and_turns_it_off(admin_client):
    hook = WebhookFactory(events=["claim.created"], url="https://93.184.215.14/in")
    url = reverse("admin:webhooks_webhook_change", args=[hook.pk])
    page = admin_client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert page.context["adminform"].form.initial["events"] == ["claim.created"]

    response = admin_client.post(url, {"url": hook.url, "events": ["label.deleted", "label.created"]})

    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    hook.refresh_from_db()
    assert (hook.events, hook.is_active) == (["label.created", "label.deleted"], False)
