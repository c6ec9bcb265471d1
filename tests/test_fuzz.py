"""Fuzz every API operation from the OpenAPI schema (schemathesis): no 5xx, and responses conform to the schema."""

import json

import pytest
import schemathesis
from django.contrib.auth.models import Group
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from annotations.models import Verdict
from annotations.services import annotation_submit
from tests.claims.factories import ClaimFactory
from tests.factories import UserFactory

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@schemathesis.deserializer("application/x-ndjson")
def _json_lines(ctx, response):
    """JSON Lines: the schema documents one line (a record, or the trailer); every line must parse, and the first
    is checked against it."""
    lines = [json.loads(line) for line in response.content.decode("utf-8").splitlines()]
    if not lines:  # nothing matched and ?trailer=false: no line to check (schemathesis skips the check)
        raise NotImplementedError("an empty JSON Lines file")
    return lines[0]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Like Django's test client: requests must not close the connection that holds the test's transaction."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def auth_headers(db):
    """A reviewer's token (reviewers reach every read and write but staff-only deletes) and a little data."""
    reviewer = UserFactory(username="fuzz-reviewer")
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    annotator = UserFactory(username="fuzz-annotator")
    annotator.groups.add(Group.objects.get(name="annotator"))
    for verdict in (Verdict.VERIFIED, Verdict.DISPUTED):
        annotation_submit(claim=ClaimFactory(), annotator=annotator, verdict=verdict)
    # Exports are gzipped for a client that accepts it; schemathesis's WSGI client would not unzip them.
    return {"Authorization": f"Token {Token.objects.create(user=reviewer).key}", "Accept-Encoding": "identity"}


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    # The same examples on every run, so CI is repeatable; explore more with --hypothesis-seed=random locally.
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_answers_any_schema_generated_request_without_a_server_error(case, auth_headers):
    response = case.call(headers=auth_headers)
    # What a client reading only the schema relies on: no server error, and every answer's status, content type
    # and body as documented. (Authentication has its own permission-matrix tests; schemathesis's guesses about
    # which ids or empty values we should accept or refuse are left out.)
    case.validate_response(
        response,
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )


# Bodies no schema describes: each is a 400 in JSON, never a 500 or an HTML page.


@pytest.mark.parametrize(
    ("body", "start"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "JSON parse error - the body is nested too deeply."),  # was a RecursionError
        (b'{"claim": NaN, "verdict": "verified"}', "JSON parse error - NaN is not valid JSON"),
        (b'{"claim": 1, "verdict": "verified", "note": "\xff"}', "JSON parse error - the body is not valid utf-8"),
        (b'{"claim": 1,', "JSON parse error - "),
    ],
    ids=["deeply-nested", "nan", "not-utf8", "truncated"],
)
def test_malformed_json_bodies_are_400_json(db, body, start):
    from django.test import Client

    user = UserFactory()
    user.groups.add(Group.objects.get(name="annotator"))
    token = Token.objects.create(user=user).key
    response = Client().generic(
        "POST", "/api/annotations/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith(start)


def test_a_body_over_the_upload_limit_is_413_json_with_the_limit(db, settings):
    from django.test import Client

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    user = UserFactory()
    user.groups.add(Group.objects.get(name="annotator"))
    token = Token.objects.create(user=user).key
    body = b'{"claim": 1, "verdict": "verified", "note": "' + b"x" * 2000 + b'"}'
    response = Client().generic(
        "POST", "/api/annotations/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is larger than the limit of 1,000 bytes."}


# --- webhooks (issue 15): admin-only, so the reviewer above only ever gets 403; fuzzed again as an admin, with
# every host name resolving to a public address (no DNS lookups of generated names). ---


@pytest.fixture
def admin_headers(db, monkeypatch):
    from webhooks import addresses
    from webhooks.models import WebhookDelivery
    from webhooks.services import webhook_create

    monkeypatch.setattr(
        addresses.socket, "getaddrinfo", lambda *args, **kwargs: [(2, 1, 6, "", ("93.184.215.14", 443))]
    )
    admin = UserFactory(username="fuzz-admin", is_staff=True, is_superuser=True)
    hook = webhook_create(user=admin, url="https://hooks.example.org/in", events=["claim.created"])
    WebhookDelivery.objects.create(webhook=hook, event="claim.created", body="{}")
    return {"Authorization": f"Token {Token.objects.create(user=admin).key}"}


@schema.include(path_regex="^/api/webhooks/").parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_webhook_operations_answer_an_admin_without_a_server_error(case, admin_headers):
    response = case.call(headers=admin_headers)
    case.validate_response(
        response,
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
