"""Staff need a second factor under the production settings: a password alone never reaches the admin."""

from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory, sign_in_form
from tests.security.factories import TOTPDeviceFactory, backup_codes, current_code

pytestmark = pytest.mark.django_db


def _password_only(client: Client, username: str):
    return client.post(reverse("login"), sign_in_form(username))


def test_staff_without_a_second_factor_are_sent_to_enrol_and_never_reach_the_admin(production, staff):
    client = Client()
    _password_only(client, "admin")
    for url in (reverse("admin:index"), reverse("admin:auth_user_changelist"), reverse("home")):
        response = client.get(url)
        assert response.status_code == HTTPStatus.FOUND, url
        assert response["Location"].startswith(reverse("two_factor:setup")), url
    api = client.get(reverse("api:claim-list"))
    assert api.status_code == HTTPStatus.FORBIDDEN
    assert api.json() == {"detail": "Staff accounts must sign in with a second factor first."}


def test_staff_with_an_authenticator_are_not_signed_in_by_the_password_alone(production, staff):
    TOTPDeviceFactory(user=staff)
    client = Client()
    step = _password_only(client, "admin")
    assert step.status_code == HTTPStatus.OK
    assert "Verify" in step.content.decode()
    assert "_auth_user_id" not in client.session
    admin = client.get(reverse("admin:index"))
    assert admin.status_code == HTTPStatus.FOUND
    assert admin["Location"].startswith(reverse("admin:login"))
    # The admin's own login page hands over to the two-factor sign-in.
    assert client.get(admin["Location"])["Location"].startswith(reverse("login"))


def test_a_session_without_the_second_factor_is_signed_out_at_the_admin(production, staff):
    TOTPDeviceFactory(user=staff)
    client = Client()
    client.force_login(staff)  # e.g. a session from before the account enrolled
    response = client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('login')}?next=/admin/"
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_is_refused(production, staff):
    device = TOTPDeviceFactory(user=staff)
    wrong = str((int(current_code(device)) + 1) % 1_000_000).zfill(6)
    client = Client()
    _password_only(client, "admin")
    response = client.post(reverse("login"), {"login_view-current_step": "token", "token-otp_token": wrong})
    assert response.status_code == HTTPStatus.OK
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.FOUND


def test_staff_reach_the_admin_with_password_and_code(production, staff):
    device = TOTPDeviceFactory(user=staff)
    client = Client()
    _password_only(client, "admin")
    client.post(reverse("login"), {"login_view-current_step": "token", "token-otp_token": current_code(device)})
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK


def test_a_backup_code_signs_staff_in_once(production, staff):
    TOTPDeviceFactory(user=staff)
    backup_codes(staff, ["k3y8mz2q"])

    def sign_in_with_backup_code() -> Client:
        client = Client()
        _password_only(client, "admin")
        client.post(reverse("login"), {"login_view-current_step": "token", "wizard_goto_step": "backup"})
        client.post(reverse("login"), {"login_view-current_step": "backup", "backup-otp_token": "k3y8mz2q"})
        return client

    assert sign_in_with_backup_code().get(reverse("admin:index")).status_code == HTTPStatus.OK
    assert sign_in_with_backup_code().get(reverse("admin:index")).status_code == HTTPStatus.FOUND


def test_annotators_sign_in_with_a_password_under_production_settings(production):
    UserFactory(username="ann").groups.add(Group.objects.get(name="annotator"))
    client = Client()
    response = _password_only(client, "ann")
    assert response.status_code == HTTPStatus.FOUND
    assert client.get(reverse("review")).status_code == HTTPStatus.OK


def test_api_tokens_of_staff_keep_working(production, staff, api_client):
    token = Token.objects.create(user=staff)
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert api_client.get(reverse("api:claim-list")).status_code == HTTPStatus.OK


def test_local_settings_let_staff_in_with_a_password(settings, staff):
    settings.STAFF_REQUIRE_2FA = False
    client = Client()
    _password_only(client, "admin")
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
