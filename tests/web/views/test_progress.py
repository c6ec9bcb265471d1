from http import HTTPStatus

import pytest
from django.urls import reverse

from annotations.models import Verdict
from annotations.services import annotation_submit, claim_adjudicate
from claims.services import claim_flag
from tests.claims.factories import claims_in_one_article

pytestmark = pytest.mark.django_db


def test_dashboard_with_no_claims_says_so_instead_of_a_share(reviewer_client):
    response = reviewer_client.get(reverse("dashboard"))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "No claims yet" in page
    assert "100%" not in page


def test_dashboard_counts_claims_by_status_and_annotator_throughput(
    reviewer_client, reviewer, annotator, second_annotator
):
    claims = claims_in_one_article(6)
    annotation_submit(claim=claims[0], annotator=annotator, verdict=Verdict.VERIFIED)  # in progress
    for claim, verdict in ((claims[1], Verdict.VERIFIED), (claims[2], Verdict.DISPUTED)):
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
        annotation_submit(claim=claim, annotator=second_annotator, verdict=verdict)  # agreed, conflicting
    claim_adjudicate(claim=claims[3], reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="r")
    claim_flag(claim=claims[4], user=reviewer)
    response = reviewer_client.get(reverse("dashboard"))
    assert response.status_code == HTTPStatus.OK
    rows = {r["key"]: (r["count"], r["share"]) for r in response.context["progress_rows"]}
    assert rows == {
        "unlabelled": (1, "17%"),
        "in_progress": (1, "17%"),
        "agreed": (1, "17%"),
        "conflicting": (1, "17%"),
        "adjudicated": (1, "17%"),
        "flagged": (1, "17%"),
    }
    assert response.context["progress_done"] == "40%"  # 2 of the 5 that are claims
    throughput = {t.username: (t.today, t.last_7_days, t.total) for t in response.context["throughput"]}
    assert throughput == {"ann": (3, 3, 3), "ann2": (2, 2, 2)}
    page = response.content.decode()
    assert f'href="{reverse("claim_browser")}?status=conflicting&amp;flagged=false">Conflicting</a>' in page
