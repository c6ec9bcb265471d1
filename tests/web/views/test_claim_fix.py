from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Annotation, ClaimFixProposal, Verdict
from annotations.services import annotation_submit
from claims.models import Claim, ClaimStatus
from tests.claims.factories import SourceFactory, claims_in_one_article

pytestmark = pytest.mark.django_db
UNPROCESSABLE = 422


def _fix(claim, **changes) -> dict:
    data = {
        "start": claim.start,
        "end": claim.end,
        "source_kind": "unknown",
        "cue": claim.cue,
        "source_mention": claim.source_mention,
    }
    data.update(changes)
    return data


def test_claim_fix_page_shows_the_span_in_its_article_and_the_sources_with_aliases(reviewer_client):
    claim = claims_in_one_article(2)[1]
    claim.source.aliases = ["the official"]
    claim.source.save()
    response = reviewer_client.get(reverse("claim_fix", args=[claim.pk]))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert '<mark class="claim-focus fix-span" id="fix-span">Claim number 1</mark>' in page
    assert f"{claim.source.name} (also: the official)" in page
    assert 'id="fix-article-body" type="application/json"' in page
    assert "<script>" not in page  # CSP: no inline script, the JS is static/js/claim_fix.js


def test_claim_fix_moves_span_and_source_and_goes_to_the_claim_page(reviewer_client, reviewer):
    claim = claims_in_one_article(2)[0]
    response = reviewer_client.post(
        reverse("claim_fix", args=[claim.pk]),
        _fix(claim, end=claim.end + len(", the official said"), new_source_name="The official", cue="said"),
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("claim_detail", args=[claim.pk])
    claim.refresh_from_db()
    assert claim.text == "Claim number 0, the official said"
    assert claim.source.name == "The official"
    page = reviewer_client.get(response["Location"]).content.decode()
    assert "Claim fixed: end, text, source." in page
    assert "Claim number 0, the official said" in page  # and in the history


def test_claim_fix_preview_shows_the_text_without_saving(reviewer_client):
    claim = claims_in_one_article(1)[0]
    response = reviewer_client.post(
        reverse("claim_fix", args=[claim.pk]), {**_fix(claim, end=claim.end - 2), "preview": "1"}
    )
    assert response.status_code == HTTPStatus.OK
    assert '<span id="fix-text">Claim number</span>' in response.content.decode()
    claim.refresh_from_db()
    assert claim.text == "Claim number 0"


def test_claim_fix_bad_offsets_are_a_form_error_and_change_nothing(reviewer_client):
    claim = claims_in_one_article(1)[0]
    length = len(claim.article.body)
    response = reviewer_client.post(reverse("claim_fix", args=[claim.pk]), _fix(claim, end=length + 5))
    assert response.status_code == UNPROCESSABLE
    assert f"does not lie inside the article text (0–{length})" in response.content.decode()
    claim.refresh_from_db()
    assert claim.text == "Claim number 0"


def test_claim_fix_of_a_labelled_claims_words_requeues_it(reviewer_client, annotator, second_annotator):
    claim = claims_in_one_article(1)[0]
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    response = reviewer_client.post(reverse("claim_fix", args=[claim.pk]), _fix(claim, start=claim.start + 6))
    assert response.status_code == HTTPStatus.FOUND
    claim.refresh_from_db()
    assert (claim.text, claim.status) == ("number 0", ClaimStatus.UNLABELLED)
    assert not Annotation.objects.exists()
    page = reviewer_client.get(response["Location"]).content.decode()
    assert "back in the review queue" in page
    assert "given to the old text" in page  # the history says why the labels went


def test_claim_fix_existing_source_pick(reviewer_client):
    first, second = claims_in_one_article(2)
    second.source = SourceFactory(name="Port authority")
    second.save()
    response = reviewer_client.post(reverse("claim_fix", args=[first.pk]), _fix(first, source=second.source_id))
    assert response.status_code == HTTPStatus.FOUND
    assert Claim.objects.get(pk=first.pk).source.name == "Port authority"


def test_annotator_proposes_a_fix_that_a_reviewer_accepts_on_the_claim_page(annotator_client, reviewer):
    claim = claims_in_one_article(1)[0]
    response = annotator_client.post(
        reverse("claim_fix", args=[claim.pk]), {**_fix(claim, start=claim.start + 6), "note": "Only the number"}
    )
    assert response.status_code == HTTPStatus.FOUND
    claim.refresh_from_db()
    assert claim.text == "Claim number 0"  # nothing changes yet
    reviewing = Client()
    reviewing.force_login(reviewer)
    page = reviewing.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    assert "proposes the span “number 0”" in page
    assert "Only the number" in page
    proposal = ClaimFixProposal.objects.get()
    response = reviewing.post(reverse("proposal_decide", args=[proposal.pk]), {"decision": "accept"})
    assert response.status_code == HTTPStatus.FOUND
    claim.refresh_from_db()
    assert claim.text == "number 0"
    assert "Proposed fixes" not in reviewing.get(reverse("claim_detail", args=[claim.pk])).content.decode()


def test_annotator_proposal_with_bad_offsets_is_a_form_error(annotator_client):
    claim = claims_in_one_article(1)[0]
    response = annotator_client.post(reverse("claim_fix", args=[claim.pk]), _fix(claim, start=claim.end))
    assert response.status_code == UNPROCESSABLE
    assert "does not lie inside the article text" in response.content.decode()
    assert not ClaimFixProposal.objects.exists()
