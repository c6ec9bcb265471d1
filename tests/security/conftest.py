import importlib
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory, sign_in_form
from tests.security.factories import TOTPDeviceFactory, current_code

# What config.settings.production decides about security; the rest (database, hashers) stays as in tests.
PRODUCTION_SECURITY_SETTINGS = [
    "STAFF_REQUIRE_2FA",
    "CONTENT_SECURITY_POLICY",
    "CONTENT_SECURITY_POLICY_REPORT_ONLY",
    "TRUSTED_PROXY_COUNT",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_TIME",
    "AXES_LOCKOUT_PARAMETERS",
    "AXES_RESET_ON_SUCCESS",
    "AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT",
    "AXES_CLIENT_IP_CALLABLE",
    "AXES_USERNAME_CALLABLE",
    "AXES_LOCKOUT_CALLABLE",
    "AUDIT_RETENTION_DAYS",
]


@pytest.fixture
def production(settings, monkeypatch):
    """The production settings' security values, read from config.settings.production itself."""
    monkeypatch.setenv("SECRET_KEY", "production-test-" + "x" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    module = importlib.reload(importlib.import_module("config.settings.production"))
    for name in PRODUCTION_SECURITY_SETTINGS:
        setattr(settings, name, getattr(module, name))
    return settings


@pytest.fixture
def behind_one_proxy(production):
    """Production behind one reverse proxy (10.0.0.1) that appends the client's address to X-Forwarded-For."""
    production.TRUSTED_PROXY_COUNT = 1
    return production


@pytest.fixture
def staff(db):
    user = UserFactory(username="admin", is_staff=True, is_superuser=True)
    user.groups.add(Group.objects.get(name="reviewer"))
    return user


@pytest.fixture
def verified_admin(production, staff):
    """A client signed in as the superuser `admin` with password and authenticator code, as production asks."""
    device = TOTPDeviceFactory(user=staff)
    client = Client()
    client.post(reverse("login"), sign_in_form("admin"))
    client.post(reverse("login"), {"login_view-current_step": "token", "token-otp_token": current_code(device)})
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK
    return client
