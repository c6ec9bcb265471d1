import pytest

from annotations.models import Verdict
from claims.models import Claim
from matching.models import MatchStatus
from matching.selectors import (
    claim_cluster_id,
    claim_cluster_ids,
    claim_match_suggestions,
    claim_matches,
    claim_matches_for,
    claims_in_cluster,
    cluster_list,
)
from tests.claims.factories import ClaimFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db


def test_claim_matches_shows_the_other_claim_with_its_verdict_and_article_from_either_side():
    match = ClaimMatchFactory(score=0.93)
    Claim.objects.filter(pk=match.other_id).update(status="agreed", consensus_verdict=Verdict.VERIFIED)
    [view] = claim_matches(claim=match.claim)
    assert (view.claim_id, view.score, view.status) == (match.other_id, 0.93, "suggested")
    assert view.consensus_verdict == Verdict.VERIFIED
    assert view.article_title == match.other.article.title
    [back] = claim_matches(claim=match.other)
    assert back.claim_id == match.claim_id


def test_claim_matches_for_many_claims_takes_one_query(django_assert_num_queries):
    matches = [ClaimMatchFactory() for _ in range(3)]
    with django_assert_num_queries(1):
        result = claim_matches_for(claim_ids=[m.claim_id for m in matches] + [m.other_id for m in matches])
    assert all(len(views) == 1 for views in result.values())


def test_suggestions_hide_rejected_matches_and_put_confirmed_first():
    claim = ClaimFactory()
    ClaimMatchFactory(claim=claim, score=0.9, status=MatchStatus.REJECTED)
    suggested = ClaimMatchFactory(claim=claim, score=0.95)
    confirmed = ClaimMatchFactory(claim=claim, score=0.6, status=MatchStatus.CONFIRMED)
    assert [v.match_id for v in claim_match_suggestions(claim=claim)] == [confirmed.pk, suggested.pk]
    assert len(claim_matches(claim=claim)) == 3


def _chain():
    """a - b - c confirmed, c - d rejected, e - f confirmed."""
    a, b, c, d, e, f = (ClaimFactory() for _ in range(6))
    ClaimMatchFactory(claim=a, other=b, status=MatchStatus.CONFIRMED)
    ClaimMatchFactory(claim=b, other=c, status=MatchStatus.CONFIRMED)
    ClaimMatchFactory(claim=c, other=d, status=MatchStatus.REJECTED)
    ClaimMatchFactory(claim=e, other=f, status=MatchStatus.CONFIRMED)
    return a, b, c, d, e, f


def test_clusters_are_connected_components_of_confirmed_matches_named_by_their_smallest_claim():
    a, b, c, d, e, f = _chain()
    assert claim_cluster_id(claim=c) == a.pk
    assert claim_cluster_id(claim=d) is None
    assert claim_cluster_ids() == {a.pk: a.pk, b.pk: a.pk, c.pk: a.pk, e.pk: e.pk, f.pk: e.pk}
    assert claim_cluster_ids(claim_ids=[c.pk, d.pk]) == {c.pk: a.pk}
    assert list(claims_in_cluster(cluster_id=a.pk)) == [a, b, c]
    assert list(claims_in_cluster(cluster_id=b.pk)) == []
    assert list(claims_in_cluster(cluster_id=d.pk)) == []


def test_cluster_list_flags_clusters_whose_claims_carry_different_verdicts():
    a, b, c, _, e, f = _chain()
    Claim.objects.filter(pk=a.pk).update(status="agreed", consensus_verdict=Verdict.VERIFIED)
    Claim.objects.filter(pk=c.pk).update(status="agreed", consensus_verdict=Verdict.DISPUTED)
    first, second = cluster_list()
    assert (first.cluster_id, [x.pk for x in first.claims]) == (a.pk, [a.pk, b.pk, c.pk])
    assert not first.is_consistent
    assert second.cluster_id == e.pk
    assert second.is_consistent
