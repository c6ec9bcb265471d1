"""Lockout per username and client address behind the production reverse proxy, and the page that says so."""

from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from security.models import AuditEvent, AuditKind
from tests.factories import sign_in_form
from tests.security.factories import TOTPDeviceFactory, current_code, through_proxy

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.5"
ADMIN_ELSEWHERE = "198.51.100.7"


def _guess_five_times(client: Client, username: str, address: str, sent: str = "") -> list[int]:
    return [
        client.post(reverse("login"), sign_in_form(username, "guess"), **through_proxy(address, sent)).status_code
        for _ in range(5)
    ]


def test_five_wrong_passwords_lock_that_address_and_the_admin_still_signs_in_from_another(behind_one_proxy, staff):
    device = TOTPDeviceFactory(user=staff)
    attacker = Client()
    assert _guess_five_times(attacker, "admin", ATTACKER) == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS]
    # Even the right password is refused from the attacker's address now...
    locked = attacker.post(reverse("login"), sign_in_form("admin"), **through_proxy(ATTACKER))
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in attacker.session
    # ...while the admin, from elsewhere behind the same proxy, signs in: password, then the authenticator's code.
    admin = Client()
    step = admin.post(reverse("login"), sign_in_form("admin"), **through_proxy(ADMIN_ELSEWHERE))
    assert step.status_code == HTTPStatus.OK
    assert 'name="token-otp_token"' in step.content.decode()
    signed_in = admin.post(
        reverse("login"),
        {"login_view-current_step": "token", "token-otp_token": current_code(device)},
        **through_proxy(ADMIN_ELSEWHERE),
    )
    assert signed_in.status_code == HTTPStatus.FOUND
    assert admin.get(reverse("admin:index"), **through_proxy(ADMIN_ELSEWHERE)).status_code == HTTPStatus.OK


def test_a_forged_forwarded_header_does_not_get_round_the_lockout(behind_one_proxy, staff):
    attacker = Client()
    _guess_five_times(attacker, "admin", ATTACKER)
    forged = attacker.post(reverse("login"), sign_in_form("admin"), **through_proxy(ATTACKER, sent=ADMIN_ELSEWHERE))
    assert forged.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_guesses_sent_with_forged_addresses_still_count_against_the_real_one(behind_one_proxy, staff):
    attacker = Client()
    codes = [
        attacker.post(
            reverse("login"), sign_in_form("admin", "guess"), **through_proxy(ATTACKER, sent=f"192.0.2.{n}")
        ).status_code
        for n in range(5)
    ]
    assert codes[-1] == HTTPStatus.TOO_MANY_REQUESTS


def test_without_a_trusted_proxy_the_socket_address_decides_and_the_header_is_ignored(production, staff):
    attacker = Client()
    for n in range(5):
        attacker.post(
            reverse("login"), sign_in_form("admin", "guess"), REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}"
        )
    locked = attacker.post(reverse("login"), sign_in_form("admin"), REMOTE_ADDR=ATTACKER)
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_the_lockout_page_says_when_to_try_again(behind_one_proxy, staff):
    attacker = Client()
    _guess_five_times(attacker, "admin", ATTACKER)
    page = attacker.post(reverse("login"), sign_in_form("admin"), **through_proxy(ATTACKER))
    text = page.content.decode().replace("\xa0", " ")
    assert page.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "You can try again after" in text
    assert "in 59 minutes" in text or "in 1 hour" in text
    assert 3500 <= int(page["Retry-After"]) <= 3600
    assert "Other addresses are not affected" in text


def test_a_lockout_is_in_the_audit_trail_with_the_client_address(behind_one_proxy, staff):
    _guess_five_times(Client(), "admin", ATTACKER)
    failures = AuditEvent.objects.filter(kind=AuditKind.SIGN_IN_FAILED, username="admin", address=ATTACKER)
    assert failures.count() == 5
    assert AuditEvent.objects.filter(kind=AuditKind.LOCKOUT, username="admin", address=ATTACKER).exists()


def test_an_unknown_username_gets_the_same_answers_as_a_real_one(behind_one_proxy, staff):
    real = _guess_five_times(Client(), "admin", ATTACKER)
    unknown = _guess_five_times(Client(), "no-such-user", ATTACKER)
    assert real == unknown
