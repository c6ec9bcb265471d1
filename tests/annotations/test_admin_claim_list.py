"""The admin's claim list: narrow columns, and filters by status, final verdict and article (issue 14)."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from annotations.models import Verdict
from annotations.services import claim_adjudicate
from tests.claims.factories import claims_in_one_article

pytestmark = pytest.mark.django_db


def test_claim_list_filters_by_status_verdict_and_article(client, admin_user):
    first, _ = claims_in_one_article(2, title="Harbour story")
    other = claims_in_one_article(1, title="Bridge story")[0]
    claim_adjudicate(claim=first, reviewer=admin_user, verdict=Verdict.DISPUTED, rationale="Checked.")
    client.force_login(admin_user)
    url = reverse("admin:claims_claim_changelist")
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    for title in ("By status", "By consensus verdict", "By article", "Harbour story", "Bridge story"):
        assert title in page
    cases = [
        ({"status__exact": "adjudicated"}, [first.pk]),
        ({"consensus_verdict__exact": "disputed"}, [first.pk]),
        ({"article": str(other.article_id)}, [other.pk]),
    ]
    for query, expected in cases:
        response = client.get(url, query)
        assert response.status_code == HTTPStatus.OK
        assert [c.pk for c in response.context["cl"].result_list] == expected, query
