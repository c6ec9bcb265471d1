import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from tests.factories import UserFactory


def _user_in(role: str, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def annotator(db):
    return _user_in("annotator", username="ann")


@pytest.fixture
def second_annotator(db):
    return _user_in("annotator", username="ann2")


@pytest.fixture
def reviewer(db):
    return _user_in("reviewer", username="rev")


@pytest.fixture
def admin_user(db):
    return UserFactory(username="boss", is_staff=True, is_superuser=True)


@pytest.fixture
def annotator_client(client, annotator):
    client.force_login(annotator)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def api_client():
    return APIClient()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache, and each process remembers which events have webhooks; each test starts
    with neither."""
    from django.core.cache import cache

    from webhooks.services import webhook_events_forget

    cache.clear()
    webhook_events_forget()
    yield
    cache.clear()
    webhook_events_forget()
