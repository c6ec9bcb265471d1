from http import HTTPStatus

import pytest
from django.urls import reverse
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from tests.factories import UserFactory, sign_in_form

pytestmark = pytest.mark.django_db


def test_login_locks_out_after_repeated_wrong_passwords_even_with_the_right_one(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    UserFactory(username="victim")
    url = reverse("login")
    for _ in range(3):
        client.post(url, sign_in_form("victim", "guess"))
    response = client.post(url, sign_in_form("victim"))
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_shows_the_form_error_and_a_right_one_signs_in(client):
    UserFactory(username="someone")
    url = reverse("login")
    wrong = client.post(url, sign_in_form("someone", "nope"))
    assert wrong.status_code == HTTPStatus.OK
    assert "didn&#x27;t match" in wrong.content.decode() or "didn't match" in wrong.content.decode()
    right = client.post(url, sign_in_form("someone"))
    assert right.status_code == HTTPStatus.FOUND


def test_api_throttles_a_client_that_sends_too_many_requests(annotator, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "3/minute"})
    client = APIClient()
    client.force_authenticate(annotator)
    responses = [client.get(reverse("api:claim-list")) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert "Retry-After" in responses[-1]
    assert "throttled" in responses[-1].json()["detail"]


def test_a_staff_admin_without_superuser_may_add_articles_in_the_ui_and_the_api(client):
    staff = UserFactory(username="staffer", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("article_new")).status_code == HTTPStatus.OK
    api = APIClient()
    api.force_authenticate(staff)
    response = api.post(reverse("api:article-list"), {"title": "T", "body": "Headline\nThe mayor said so."})
    assert response.status_code == HTTPStatus.CREATED
