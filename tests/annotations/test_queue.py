"""The one rule for which claims take labels, in its two forms (a filter and a test of one claim), against what the
review queue hands out."""

import pytest

from annotations.queue import claim_takes_labels, takes_labels
from annotations.selectors import annotator_progress
from annotations.services import review_next_claim
from claims.models import Claim, ClaimStatus
from tests.claims.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims(settings):
    settings.LABELS_PER_CLAIM = 2
    return {
        "open": ClaimFactory(),
        "one label": ClaimFactory(label_count=1, status=ClaimStatus.IN_PROGRESS),
        "full": ClaimFactory(label_count=2, status=ClaimStatus.AGREED, consensus_verdict="verified"),
        "flagged": ClaimFactory(is_flagged_not_claim=True),
        "adjudicated": ClaimFactory(label_count=1, status=ClaimStatus.ADJUDICATED, consensus_verdict="disputed"),
    }


def test_the_filter_and_the_one_claim_test_agree(claims):
    filtered = set(Claim.objects.filter(takes_labels()).values_list("pk", flat=True))
    tested = {claim.pk for claim in Claim.objects.all() if claim_takes_labels(claim)}
    assert filtered == tested == {claims["open"].pk, claims["one label"].pk}


def test_progress_counts_the_claims_the_queue_hands_out(claims, annotator):
    remaining = annotator_progress(user=annotator).remaining
    handed_out = []
    while (claim := review_next_claim(annotator=annotator)) is not None:
        handed_out.append(claim.pk)
        Claim.objects.filter(pk=claim.pk).update(is_flagged_not_claim=True)  # out of the way: the next one comes
    assert remaining == len(handed_out) == 2
