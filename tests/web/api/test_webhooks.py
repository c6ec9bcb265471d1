from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.webhooks.factories import WebhookFactory
from webhooks import addresses
from webhooks.models import DeliveryStatus, Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db
PUBLIC = [(2, 1, 6, "", ("93.184.215.14", 443))]  # what getaddrinfo answers for a public name


@pytest.fixture
def admin_api(api_client, admin_user, monkeypatch):
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *args, **kwargs: PUBLIC)
    api_client.force_authenticate(admin_user)
    return api_client


def _iso(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_an_admin_registers_a_webhook_and_gets_its_secret_once(admin_api):
    response = admin_api.post(
        reverse("api:webhook-list"),
        {"url": "https://hooks.example.org/claimdesk", "events": ["adjudication.created", "label.created"]},
        format="json",
    )
    assert response.status_code == HTTPStatus.CREATED, response.content
    hook = Webhook.objects.get()
    assert response.json() == {
        "id": hook.pk,
        "url": "https://hooks.example.org/claimdesk",
        "events": ["label.created", "adjudication.created"],
        "description": "",
        "is_active": True,
        "created_by": "boss",
        "created_at": _iso(hook.created_at),
        "updated_at": _iso(hook.updated_at),
        "secret": hook.secret,
    }
    listed = admin_api.get(reverse("api:webhook-list"))
    assert listed.status_code == HTTPStatus.OK
    assert [item["id"] for item in listed.json()["results"]] == [hook.pk]
    assert "secret" not in listed.json()["results"][0]
    detail = admin_api.get(reverse("api:webhook-detail", args=[hook.pk]))
    assert detail.status_code == HTTPStatus.OK
    assert "secret" not in detail.json()


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        (
            {"url": "http://127.0.0.1:8000/hook", "events": ["claim.created"]},
            "url",
            "127.0.0.1 is a loopback address: webhooks go only to public addresses (unless DEBUG is on).",
        ),
        ({"url": "ftp://hooks.example.org/", "events": ["claim.created"]}, "url", "Only http and https URLs"),
        ({"url": "https://hooks.example.org/", "events": ["claim.archived"]}, "events", '"claim.archived" is not'),
        ({"url": "https://hooks.example.org/", "events": []}, "events", "This list may not be empty."),
        ({"url": "https://hooks.example.org/", "events": ["claim.created"], "secret": "mine"}, "secret", "Unknown"),
        ({"url": 5, "events": ["claim.created"]}, "url", "Not a valid string."),
    ],
)
def test_bad_input_is_a_400_on_the_field(admin_api, body, field, message):
    response = admin_api.post(reverse("api:webhook-list"), body, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == [field]
    assert message in str(response.json()[field])
    assert not Webhook.objects.exists()


def test_loopback_is_accepted_with_debug_on(admin_api, settings):
    settings.DEBUG = True
    body = {"url": "http://localhost:8000/hook", "events": ["claim.created"]}
    response = admin_api.post(reverse("api:webhook-list"), body, format="json")
    assert response.status_code == HTTPStatus.CREATED, response.content


def test_patch_changes_only_the_fields_sent_and_checks_them(admin_api):
    hook = WebhookFactory(events=["claim.created"])
    url = reverse("api:webhook-detail", args=[hook.pk])
    response = admin_api.patch(url, {"is_active": False, "description": "Data team"}, format="json")
    assert response.status_code == HTTPStatus.OK, response.content
    assert (response.json()["is_active"], response.json()["description"]) == (False, "Data team")
    assert response.json()["events"] == ["claim.created"]
    refused = admin_api.patch(url, {"url": "http://10.0.0.8/hook"}, format="json")
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "private address" in refused.json()["url"][0]
    hook.refresh_from_db()
    assert (hook.url, hook.is_active) == ("https://hooks.example.org/claimdesk", False)
    assert admin_api.put(url, {"url": "https://x.example.org/"}, format="json").status_code == (
        HTTPStatus.METHOD_NOT_ALLOWED
    )


def test_delete_removes_the_webhook_and_its_log(admin_api):
    hook = WebhookFactory()
    WebhookDelivery.objects.create(webhook=hook, event="claim.created", body="{}")
    response = admin_api.delete(reverse("api:webhook-detail", args=[hook.pk]))
    assert response.status_code == HTTPStatus.NO_CONTENT
    assert not Webhook.objects.exists()
    assert not WebhookDelivery.objects.exists()


def test_the_delivery_log_lists_newest_first_and_filters_by_status(admin_api):
    hook, other = WebhookFactory(), WebhookFactory()
    failed = WebhookDelivery.objects.create(
        webhook=hook, event="label.created", body="{}", status=DeliveryStatus.FAILED, attempts=8, error="HTTP 500"
    )
    delivered = WebhookDelivery.objects.create(
        webhook=hook, event="claim.created", body="{}", status=DeliveryStatus.DELIVERED, attempts=1
    )
    WebhookDelivery.objects.create(webhook=other, event="claim.created", body="{}")
    url = reverse("api:webhook-deliveries", args=[hook.pk])

    response = admin_api.get(url)
    assert response.status_code == HTTPStatus.OK
    assert [item["id"] for item in response.json()["results"]] == [delivered.pk, failed.pk]
    assert response.json()["results"][1] == {
        "id": failed.pk,
        "delivery": str(failed.uuid),
        "event": "label.created",
        "status": "failed",
        "attempts": 8,
        "response_status": None,
        "error": "HTTP 500",
        "created_at": _iso(failed.created_at),
        "last_attempt_at": None,
        "next_attempt_at": None,
        "delivered_at": None,
    }
    only_failed = admin_api.get(url, {"status": "failed"})
    assert only_failed.status_code == HTTPStatus.OK
    assert [item["id"] for item in only_failed.json()["results"]] == [failed.pk]
    assert admin_api.get(url, {"statsu": "failed"}).status_code == HTTPStatus.BAD_REQUEST
    assert admin_api.get(url, {"status": "lost"}).status_code == HTTPStatus.BAD_REQUEST
    missing = reverse("api:webhook-deliveries", args=[other.pk + 100])
    assert admin_api.get(missing).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("role", ["annotator", "reviewer"])
def test_only_admins_reach_webhooks(api_client, role, request):
    hook = WebhookFactory()
    api_client.force_authenticate(request.getfixturevalue(role))
    body = {"url": "https://hooks.example.org/", "events": ["claim.created"]}
    answers = [
        api_client.get(reverse("api:webhook-list")),
        api_client.post(reverse("api:webhook-list"), body, format="json"),
        api_client.get(reverse("api:webhook-detail", args=[hook.pk])),
        api_client.patch(reverse("api:webhook-detail", args=[hook.pk]), {"is_active": False}, format="json"),
        api_client.delete(reverse("api:webhook-detail", args=[hook.pk])),
        api_client.get(reverse("api:webhook-deliveries", args=[hook.pk])),
    ]
    assert [answer.status_code for answer in answers] == [HTTPStatus.FORBIDDEN] * 6
    assert Webhook.objects.filter(pk=hook.pk, is_active=True).count() == 1
    api_client.force_authenticate(None)
    assert api_client.get(reverse("api:webhook-list")).status_code == HTTPStatus.UNAUTHORIZED
