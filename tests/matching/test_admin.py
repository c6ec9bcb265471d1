from http import HTTPStatus

import pytest
from django.urls import reverse

from matching.models import MatchRelation, MatchStatus
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db


def test_claim_match_admin_lists_searches_and_shows_a_match(client, admin_user):
    match = ClaimMatchFactory()
    client.force_login(admin_user)
    changelist = reverse("admin:matching_claimmatch_changelist")
    assert client.get(changelist).status_code == HTTPStatus.OK
    assert client.get(changelist, {"q": "drones", "status__exact": "suggested"}).status_code == HTTPStatus.OK
    change = reverse("admin:matching_claimmatch_change", args=[match.pk])
    assert client.get(change).status_code == HTTPStatus.OK


def test_claim_match_admin_confirm_action_goes_through_the_service(client, admin_user):
    match = ClaimMatchFactory()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:matching_claimmatch_changelist"), {"action": "confirm", "_selected_action": [match.pk]}
    )
    assert response.status_code == HTTPStatus.FOUND
    match.refresh_from_db()
    assert (match.status, match.decided_by) == (MatchStatus.CONFIRMED, admin_user)


def test_claim_match_admin_confirm_action_refuses_a_contradiction_and_says_why(client, admin_user):
    match = ClaimMatchFactory(relation=MatchRelation.CONTRADICTS, guards={"held": [], "differs": ["numbers"]})
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:matching_claimmatch_changelist"),
        {"action": "confirm", "_selected_action": [match.pk]},
        follow=True,
    )
    assert response.status_code == HTTPStatus.OK
    assert "numbers differ" in response.content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.SUGGESTED
