from http import HTTPStatus

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_token_is_shown_once_and_then_works_on_the_api(annotator_client, annotator, api_client):
    response = annotator_client.post(reverse("account_token_create"))
    assert response.status_code == HTTPStatus.OK
    key = Token.objects.get(user=annotator).key
    assert f'value="{key}"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert key not in annotator_client.get(reverse("account_token")).content.decode()
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api_client.get(reverse("api:claim-list")).status_code == HTTPStatus.OK


def test_revoked_token_no_longer_works(annotator_client, annotator, api_client):
    annotator_client.post(reverse("account_token_create"))
    key = Token.objects.get(user=annotator).key
    response = annotator_client.post(reverse("account_token_revoke"))
    assert response.status_code == HTTPStatus.FOUND
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api_client.get(reverse("api:claim-list")).status_code == HTTPStatus.UNAUTHORIZED
    assert "You have no token" in annotator_client.get(reverse("account_token")).content.decode()


def test_creating_and_revoking_my_token_is_in_the_audit_trail(annotator_client, annotator):
    from security.models import AuditEvent, AuditKind

    annotator_client.post(reverse("account_token_create"))
    annotator_client.post(reverse("account_token_create"))  # replaces the first
    annotator_client.post(reverse("account_token_revoke"))
    events = AuditEvent.objects.filter(username=annotator.username, kind__startswith="token").order_by("pk")
    kinds = list(events.values_list("kind", flat=True))
    assert kinds == [AuditKind.TOKEN_CREATED, AuditKind.TOKEN_REVOKED, AuditKind.TOKEN_CREATED, AuditKind.TOKEN_REVOKED]
