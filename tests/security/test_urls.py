"""Enrolment in a second factor: QR code, code from the app, backup codes (django-two-factor-auth's views)."""

from base64 import b32decode
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import sign_in_form

pytestmark = pytest.mark.django_db


def test_staff_enrol_with_a_qr_code_get_backup_codes_and_then_reach_the_admin(production, staff):
    client = Client()
    client.post(reverse("login"), sign_in_form("admin"))
    welcome = client.get(reverse("two_factor:setup"))
    assert welcome.status_code == HTTPStatus.OK
    generator = client.post(reverse("two_factor:setup"), {"setup_view-current_step": "welcome"})
    page = generator.content.decode()
    assert f'src="{reverse("two_factor:qr")}"' in page
    qr = client.get(reverse("two_factor:qr"))
    assert qr.status_code == HTTPStatus.OK
    assert qr["Content-Type"].startswith("image/svg+xml")
    secret = client.session["django_two_factor-qr_secret_key"]
    assert secret in page  # typed in by hand when the camera cannot read the code
    code = str(totp(b32decode(secret))).zfill(6)
    done = client.post(reverse("two_factor:setup"), {"setup_view-current_step": "generator", "generator-token": code})
    assert done.status_code == HTTPStatus.FOUND
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).count() == 1

    codes = client.post(reverse("two_factor:backup_tokens"))
    assert codes.status_code == HTTPStatus.FOUND
    listed = client.get(reverse("two_factor:backup_tokens")).content.decode()
    tokens = StaticToken.objects.filter(device__user=staff)
    assert tokens.count() == 10
    assert all(token.token in listed for token in tokens)
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK


def test_an_unenrolled_staff_member_can_still_sign_out(production, staff):
    client = Client()
    client.post(reverse("login"), sign_in_form("admin"))
    response = client.post(reverse("logout"))
    assert response.status_code == HTTPStatus.FOUND
    assert "_auth_user_id" not in client.session
