"""The admin under production settings: a read-only audit trail; unlocking, tokens and roles leave a trace."""

from http import HTTPStatus

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from security.models import AuditEvent, AuditKind
from tests.factories import UserFactory, sign_in_form
from tests.security.factories import AuditEventFactory, through_proxy

pytestmark = pytest.mark.django_db


def _change_form_data(client: Client, url: str) -> dict:
    """What the browser would post back unchanged from an admin change form."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or field.disabled:
            continue
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple) or hasattr(value, "all"):
            data[name] = [getattr(item, "pk", item) for item in (value.all() if hasattr(value, "all") else value)]
        elif hasattr(value, "strftime"):
            data[f"{name}_0"], data[f"{name}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
        else:
            data[name] = value
    return data


def test_the_audit_trail_is_listed_but_cannot_be_added_changed_or_deleted(verified_admin):
    event = AuditEventFactory(kind=AuditKind.SIGN_IN_FAILED, username="mallory", address="203.0.113.9")
    listing = verified_admin.get(reverse("admin:security_auditevent_changelist"))
    assert listing.status_code == HTTPStatus.OK
    assert "mallory" in listing.content.decode()
    assert "203.0.113.9" in listing.content.decode()
    assert verified_admin.get(reverse("admin:security_auditevent_add")).status_code == HTTPStatus.FORBIDDEN
    change = reverse("admin:security_auditevent_change", args=[event.pk])
    assert verified_admin.post(change, {"username": "someone-else"}).status_code == HTTPStatus.FORBIDDEN
    delete = reverse("admin:security_auditevent_delete", args=[event.pk])
    assert verified_admin.post(delete, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    event.refresh_from_db()
    assert event.username == "mallory"


def test_an_admin_unlocks_a_locked_address_and_the_unlock_is_audited(verified_admin, behind_one_proxy):
    UserFactory(username="ann")
    locked = Client()
    for _ in range(5):
        locked.post(reverse("login"), sign_in_form("ann", "guess"), **through_proxy("203.0.113.5"))
    assert locked.post(reverse("login"), sign_in_form("ann"), **through_proxy("203.0.113.5")).status_code == 429

    attempts = AccessAttempt.objects.filter(username="ann")
    response = verified_admin.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": list(attempts.values_list("pk", flat=True))},
        **through_proxy("198.51.100.7"),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert not AccessAttempt.objects.filter(username="ann").exists()
    event = AuditEvent.objects.get(kind=AuditKind.UNLOCK)
    assert (event.username, event.actor, event.address) == ("ann", "admin", "198.51.100.7")
    assert "203.0.113.5" in event.detail
    signed_in = locked.post(reverse("login"), sign_in_form("ann"), **through_proxy("203.0.113.5"))
    assert signed_in.status_code == HTTPStatus.FOUND


def test_an_admin_creates_and_revokes_an_api_token_and_both_are_audited(verified_admin, api_client):
    user = UserFactory(username="data-desk")
    user.groups.add(Group.objects.get(name="reviewer"))
    created = verified_admin.post(reverse("admin:authtoken_tokenproxy_add"), {"user": user.pk})
    assert created.status_code == HTTPStatus.FOUND
    token = Token.objects.get(user=user)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.get(reverse("api:claim-list")).status_code == HTTPStatus.OK

    delete = reverse("admin:authtoken_tokenproxy_delete", args=[user.pk])
    assert verified_admin.post(delete, {"post": "yes"}).status_code == HTTPStatus.FOUND
    assert api_client.get(reverse("api:claim-list")).status_code == HTTPStatus.UNAUTHORIZED
    kinds = list(AuditEvent.objects.filter(username="data-desk").order_by("id").values_list("kind", "actor"))
    assert kinds == [(AuditKind.TOKEN_CREATED, "admin"), (AuditKind.TOKEN_REVOKED, "admin")]


def test_role_and_staff_changes_in_the_admin_are_audited(verified_admin):
    user = UserFactory(username="ann")
    user.groups.add(Group.objects.get(name="annotator"))
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = _change_form_data(verified_admin, url)
    data["groups"] = [Group.objects.get(name="reviewer").pk]
    data["is_staff"] = "on"
    response = verified_admin.post(url, data)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    events = {e.kind: e for e in AuditEvent.objects.filter(username="ann", actor="admin")}
    assert events[AuditKind.ROLE_CHANGED].detail == "added reviewer; removed annotator"
    assert events[AuditKind.STAFF_CHANGED].detail == "staff: no -> yes"


def test_saving_a_user_without_changing_roles_records_nothing(verified_admin):
    user = UserFactory(username="ann")
    url = reverse("admin:auth_user_change", args=[user.pk])
    data = _change_form_data(verified_admin, url)
    data["first_name"] = "Ann"
    assert verified_admin.post(url, data).status_code == HTTPStatus.FOUND
    assert not AuditEvent.objects.filter(username="ann").exclude(kind=AuditKind.SIGN_IN).exists()
