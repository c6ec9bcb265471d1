"""The review page's match box (decide a match, reuse its verdict) and the reviewers' clusters page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from annotations.models import Annotation, Verdict
from annotations.services import claim_adjudicate
from matching.models import ClaimMatch, MatchRelation, MatchStatus
from tests.claims.factories import ClaimFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.mark.parametrize(("status", "message"), [("confirmed", "Confirmed"), ("rejected", "Rejected")])
def test_deciding_a_match_with_htmx_keeps_the_claim_on_screen(annotator_client, annotator, status, message):
    match = ClaimMatchFactory()
    response = annotator_client.post(
        reverse("match_decide", args=[match.pk]), {"claim": match.claim_id, "status": status}, **HTMX
    )
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert f'<input type="hidden" name="claim" value="{match.claim_id}">' in page
    assert message in page
    assert response["HX-Replace-Url"] == f"{reverse('review')}?claim={match.claim_id}"
    match.refresh_from_db()
    assert (match.status, match.decided_by) == (status, annotator)


def test_deciding_a_match_without_javascript_redirects_back_to_the_claim(annotator_client):
    match = ClaimMatchFactory()
    response = annotator_client.post(
        reverse("match_decide", args=[match.pk]), {"claim": match.other_id, "status": "rejected"}
    )
    assert response["Location"] == f"{reverse('review')}?claim={match.other_id}"
    page = annotator_client.get(response["Location"]).content.decode()
    assert "Possibly the same claim" not in page  # a rejected match is no longer suggested


def test_a_match_cannot_be_decided_from_an_unrelated_claim(annotator_client):
    match, stranger = ClaimMatchFactory(), ClaimFactory()
    response = annotator_client.post(reverse("match_decide", args=[match.pk]), {"claim": stranger.pk, "status": "x"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert ClaimMatch.objects.get().status == MatchStatus.SUGGESTED


def test_a_bad_decision_is_shown_in_place(annotator_client):
    match = ClaimMatchFactory()
    response = annotator_client.post(
        reverse("match_decide", args=[match.pk]), {"claim": match.claim_id, "status": "maybe"}, **HTMX
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "Say whether the claims are the same" in response.content.decode()


def test_same_verdict_labels_the_claim_with_the_matched_claims_final_verdict(annotator_client, annotator, reviewer):
    match = ClaimMatchFactory(status=MatchStatus.CONFIRMED)
    claim_adjudicate(claim=match.other, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="r")
    response = annotator_client.post(reverse("match_apply_verdict", args=[match.pk]), {"claim": match.claim_id}, **HTMX)
    assert response.status_code == HTTPStatus.OK
    assert "Saved: Disputed (same as the matched claim)" in response.content.decode()
    label = Annotation.objects.get(claim=match.claim, annotator=annotator)
    assert label.verdict == Verdict.DISPUTED
    assert f"claim {match.other_id}" in label.note


def test_same_verdict_without_a_final_verdict_says_why(annotator_client):
    match = ClaimMatchFactory(status=MatchStatus.CONFIRMED)
    response = annotator_client.post(reverse("match_apply_verdict", args=[match.pk]), {"claim": match.claim_id})
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "has no agreed verdict yet" in response.content.decode()
    assert not Annotation.objects.exists()


def test_clusters_are_for_reviewers(annotator_client):
    assert annotator_client.get(reverse("cluster_list")).status_code == HTTPStatus.FORBIDDEN


def test_clusters_list_confirmed_matches_and_warn_about_inconsistent_verdicts(reviewer_client, reviewer):
    consistent = ClaimMatchFactory(status=MatchStatus.CONFIRMED)
    clash = ClaimMatchFactory(status=MatchStatus.CONFIRMED)
    ClaimMatchFactory(status=MatchStatus.SUGGESTED)
    claim_adjudicate(claim=clash.claim, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="r")
    claim_adjudicate(claim=clash.other, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="r")
    page = reviewer_client.get(reverse("cluster_list")).content.decode()
    assert "2 clusters of confirmed matches" in page
    assert "1 with conflicting verdicts" in page
    assert page.count("<strong>Inconsistent:</strong>") == 1
    assert f"Cluster {consistent.claim_id} · 2 claims" in page
    assert reverse("claim_detail", args=[clash.other_id]) in page


def test_clusters_page_with_none_says_so(reviewer_client):
    assert "No confirmed matches yet" in reviewer_client.get(reverse("cluster_list")).content.decode()


def test_the_review_page_gives_each_suggestion_its_reason_and_offers_no_confirm_for_a_contradiction(
    annotator_client,
):
    claim = ClaimFactory()
    same = ClaimMatchFactory(claim=claim, similarity=0.83, guards={"held": ["numbers", "negation"], "differs": []})
    ClaimMatchFactory(
        claim=claim, relation=MatchRelation.CONTRADICTS, similarity=0.9, guards={"held": [], "differs": ["numbers"]}
    )
    page = annotator_client.get(f"{reverse('review')}?claim={claim.pk}").content.decode()
    assert "meaning similarity 0.83" in page
    assert "held: numbers, negation" in page
    assert "<strong>Related, contradicts</strong> · what differs: numbers" in page
    assert page.count('value="confirmed"') == 1
    assert reverse("match_decide", args=[same.pk]) in page


def test_the_review_page_shows_the_pair_models_reading_and_meaning_when_it_read_a_contradiction(annotator_client):
    claim = ClaimFactory()
    ClaimMatchFactory(claim=claim, similarity=0.8, guards={"held": ["negation"], "differs": [], "read_as_same": 0.934})
    ClaimMatchFactory(
        claim=claim,
        relation=MatchRelation.CONTRADICTS,
        similarity=0.9,
        guards={"held": ["numbers"], "differs": ["meaning"], "read_as_same": 0.041},
    )
    page = annotator_client.get(f"{reverse('review')}?claim={claim.pk}").content.decode()
    assert "read together as the same claim: 0.93" in page
    assert "<strong>Related, contradicts</strong> · what differs: meaning" in page
    assert "read together as the same claim: 0.04" in page
    assert "overruling" not in page


def test_the_review_page_names_the_guard_the_pair_models_reading_overruled(annotator_client):
    claim = ClaimFactory()
    ClaimMatchFactory(
        claim=claim,
        similarity=0.89,
        guards={"held": ["negation", "time"], "differs": [], "read_as_same": 0.951, "overruled": ["names"]},
    )
    page = annotator_client.get(f"{reverse('review')}?claim={claim.pk}").content.decode()
    assert "read together as the same claim: 0.95 (overruling: names)" in page
    assert page.count('value="confirmed"') == 1
    assert page.count('value="confirmed"') == 1


def test_confirming_a_contradicting_match_is_refused_on_the_page_not_a_500(client, annotator):
    from matching.models import MatchRelation

    match = ClaimMatchFactory(relation=MatchRelation.CONTRADICTS)
    client.force_login(annotator)
    response = client.post(reverse("match_decide", args=[match.pk]), {"claim": match.claim_id, "status": "confirmed"})
    assert response.status_code == 422
    match.refresh_from_db()
    assert match.status == "suggested"
