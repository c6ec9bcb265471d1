from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from security.models import AuditEvent, AuditKind
from tests.factories import UserFactory, sign_in_form
from tests.security.factories import through_proxy

pytestmark = pytest.mark.django_db


def test_sign_ins_and_failures_are_recorded_with_the_client_address(behind_one_proxy):
    UserFactory(username="ann")
    client = Client()
    client.post(reverse("login"), sign_in_form("ann", "wrong"), **through_proxy("203.0.113.5"))
    client.post(reverse("login"), sign_in_form("nobody-by-that-name", "x"), **through_proxy("203.0.113.5"))
    assert client.post(reverse("login"), sign_in_form("ann"), **through_proxy("198.51.100.7")).status_code == 302
    events = list(AuditEvent.objects.order_by("id").values_list("kind", "username", "address"))
    assert events == [
        (AuditKind.SIGN_IN_FAILED, "ann", "203.0.113.5"),
        (AuditKind.SIGN_IN_FAILED, "nobody-by-that-name", "203.0.113.5"),
        (AuditKind.SIGN_IN, "ann", "198.51.100.7"),
    ]


def test_a_very_long_username_tried_at_sign_in_is_recorded_cut_to_size(production):
    response = Client().post(reverse("login"), sign_in_form("x" * 5000, "y"))
    assert response.status_code == HTTPStatus.OK
    assert AuditEvent.objects.get().username == "x" * 150


def test_tokens_issued_and_replaced_from_the_command_line_are_audited(production):
    UserFactory(username="data-desk")
    call_command("issue_token", "data-desk")
    call_command("issue_token", "data-desk", "--reset")
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds == [AuditKind.TOKEN_CREATED, AuditKind.TOKEN_REVOKED, AuditKind.TOKEN_CREATED]
