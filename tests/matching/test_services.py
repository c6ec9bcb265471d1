import logging
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from annotations.models import Annotation, Verdict
from claims.models import Claim
from claims.services import article_ingest
from matching import embedding, services
from matching.models import ClaimMatch, ClaimSignature, ClaimVector, MatchRelation, MatchStatus
from matching.services import (
    claim_match_apply_verdict,
    claim_match_decide,
    claim_matches_backfill,
    claim_matches_find_for,
)
from seeds.services import seeds_load
from tests.claims.factories import ArticleFactory
from tests.factories import UserFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db
REWRITTEN = Path(__file__).resolve().parent / "data" / "rewritten_seed_001.txt"


def _article_with(*sentences: str):
    body = "Headline\n" + "\n".join(sentences)
    return article_ingest(body=body, title="Test").article


def test_importing_a_rewritten_seed_article_links_its_claims_to_the_originals():
    originals = {r.article.pk for r in seeds_load()}
    rewritten = article_ingest(body=REWRITTEN.read_text(encoding="utf-8"), title="Rewritten").article

    matched = {}
    for match in ClaimMatch.objects.select_related("claim", "other"):
        new, old = (match.other, match.claim) if match.other.article_id == rewritten.pk else (match.claim, match.other)
        assert new.article_id == rewritten.pk
        assert old.article_id in originals
        matched.setdefault(new.text, set()).add(old.text)
    assert len(matched) >= 5
    assert any("Leopard 2" in text for text in matched)
    assert any("Shevchenkove" in text for text in matched)
    assert all(match.status == MatchStatus.SUGGESTED for match in ClaimMatch.objects.all())


def test_the_seed_articles_suggest_no_nonsense_matches_among_themselves():
    seeds_load()
    assert ClaimMatch.objects.count() <= 3
    assert ClaimSignature.objects.exists()


def test_claims_of_the_same_article_are_never_matched():
    article = _article_with(
        "The ministry said that 40 drones were shot down over Crimea overnight.",
        "Officials said that 40 drones had been shot down above Crimea during the night.",
    )
    assert Claim.objects.filter(article=article).count() == 2
    assert not ClaimMatch.objects.exists()


def test_a_repeated_claim_in_another_article_is_suggested_with_its_score():
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    match = ClaimMatch.objects.get()
    assert match.claim_id < match.other_id
    assert 0.55 <= match.score <= 1
    assert match.history.count() == 1


def test_different_numbers_are_stored_as_related_contradicting_never_as_the_same_claim():
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("The ministry said that 12 drones were shot down over Crimea overnight.")
    match = ClaimMatch.objects.get()
    assert match.relation == MatchRelation.CONTRADICTS
    assert match.guards["differs"] == ["numbers"]
    assert "negation" in match.guards["held"]


def test_a_paraphrase_sharing_few_words_is_suggested_as_the_same_claim_with_its_reason():
    _article_with("The government said that Berlin had no plans to send Leopard 2 tanks to Kyiv.")
    _article_with("A spokesman said that Germany does not plan to deliver Leopard 2 tanks to Ukraine.")
    # The spokesman's claim (the extractor also reads Germany's plan, nested in it, as a claim of its own).
    match = ClaimMatch.objects.get(other__text__startswith="Germany does not plan")
    assert match.relation == MatchRelation.SAME
    assert 0.5 < match.similarity <= 1
    # "Leopard 2" names a tank: no number to compare.
    assert {"negation", "names"} <= set(match.guards["held"])
    assert match.guards["differs"] == []


def test_a_pushed_back_front_line_is_related_to_an_advance_but_contradicts_it():
    _article_with("The general staff said that Ukrainian forces had been pushed back near Bakhmut.")
    _article_with("The general staff said that Ukrainian forces continue to make gradual advances near Bakhmut.")
    match = ClaimMatch.objects.get()
    assert match.relation == MatchRelation.CONTRADICTS
    assert match.guards["differs"] == ["polarity"]


def test_a_fact_and_the_same_act_as_a_possibility_are_stored_as_contradicting_with_modality_as_the_reason():
    _article_with("The minister said that the city has banned diesel cars from its centre.")
    _article_with("The minister said that the city is considering banning diesel cars from its centre.")
    match = ClaimMatch.objects.get()
    assert (match.relation, match.guards["differs"]) == (MatchRelation.CONTRADICTS, ["modality"])


def test_a_contradicting_match_cannot_be_confirmed_but_can_be_rejected(annotator):
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("The ministry said that 12 drones were shot down over Crimea overnight.")
    match = ClaimMatch.objects.get()
    with pytest.raises(ValidationError, match="numbers"):
        claim_match_decide(match=match, user=annotator, status=MatchStatus.CONFIRMED)
    match.refresh_from_db()
    assert match.status == MatchStatus.SUGGESTED
    assert claim_match_decide(match=match, user=annotator, status=MatchStatus.REJECTED).status == MatchStatus.REJECTED


def test_the_database_refuses_a_confirmed_contradiction():
    match = ClaimMatchFactory(relation=MatchRelation.CONTRADICTS)
    match.status = MatchStatus.CONFIRMED
    with pytest.raises(IntegrityError), transaction.atomic():
        match.save()


def test_flagged_claims_are_neither_indexed_nor_matched():
    first = _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    Claim.objects.filter(article=first).update(is_flagged_not_claim=True)
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    assert not ClaimMatch.objects.exists()
    claim = Claim.objects.filter(article=first).get()
    assert claim_matches_find_for(claims=[claim], raise_errors=True) == []


def test_a_matching_failure_keeps_the_import_and_is_logged(monkeypatch, caplog):
    def broken(claims):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(services, "_find_for", broken)
    with caplog.at_level(logging.ERROR, logger="matching.services"):
        article = _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    assert Claim.objects.filter(article=article).count() == 1
    assert "Claim matching failed" in caplog.text
    with pytest.raises(RuntimeError):
        claim_matches_find_for(claims=list(article.claims.all()), raise_errors=True)


def test_backfill_indexes_claims_imported_before_matching_and_finds_their_matches():
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    ClaimSignature.objects.all().delete()
    ClaimMatch.objects.all().delete()
    assert claim_matches_backfill() == 2
    assert ClaimMatch.objects.count() == 1
    assert claim_matches_backfill() == 0
    assert claim_matches_backfill(rebuild=True) == 2
    assert ClaimMatch.objects.count() == 1


def test_candidates_are_compared_by_their_stored_vectors_without_running_the_model_again(monkeypatch):
    first = _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    assert ClaimVector.objects.filter(claim__article=first).count() == 1
    embedded = []
    embed_claims = embedding.embed_claims
    monkeypatch.setattr(embedding, "embed_claims", lambda texts: embedded.extend(texts) or embed_claims(texts))
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    match = ClaimMatch.objects.get()
    assert match.relation == MatchRelation.SAME
    assert embedded == ["40 drones had been shot down above Crimea during the night"]


def test_a_claim_indexed_before_vectors_were_stored_is_embedded_when_it_is_a_candidate():
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    ClaimVector.objects.all().delete()
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    assert ClaimMatch.objects.get().relation == MatchRelation.SAME


def test_a_rebuild_stores_each_claims_keys_once():
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("Officials said that 40 drones had been shot down above Crimea during the night.")
    stored = sorted(ClaimSignature.objects.values_list("claim_id", "key"))
    vectors = sorted((pk, bytes(vector)) for pk, vector in ClaimVector.objects.values_list("claim_id", "vector"))
    assert len(vectors) == 2
    assert claim_matches_backfill(rebuild=True) == 2
    assert sorted(ClaimSignature.objects.values_list("claim_id", "key")) == stored
    assert sorted((pk, bytes(v)) for pk, v in ClaimVector.objects.values_list("claim_id", "vector")) == vectors


def test_a_band_key_shared_by_a_crowd_of_newer_claims_does_not_hide_the_same_claim(monkeypatch):
    original = Claim.objects.get(
        article=_article_with("The central bank said that it raised interest rates to 5.25 per cent in July.")
    )
    crowd = _article_with(*[f"Farmers said that wheat field number {n} flooded in the valley." for n in range(6)])
    assert Claim.objects.filter(article=crowd).count() == 6
    crowded_key = ClaimSignature.objects.filter(claim=original).values_list("key", flat=True).first()
    ClaimSignature.objects.bulk_create(
        [ClaimSignature(claim=claim, key=crowded_key) for claim in Claim.objects.filter(article=crowd)]
    )
    monkeypatch.setattr(services, "MAX_PER_KEY", 2)
    services._candidates_sql.cache_clear()
    try:
        _article_with("Rates were raised to 5.25 per cent in July by the central bank, it said.")
    finally:
        services._candidates_sql.cache_clear()
    match = ClaimMatch.objects.get()
    assert match.claim_id == original.pk
    assert match.relation == MatchRelation.SAME


def test_claim_match_decide_records_who_and_when(annotator):
    match = ClaimMatchFactory()
    match = claim_match_decide(match=match, user=annotator, status=MatchStatus.CONFIRMED)
    assert (match.status, match.decided_by) == (MatchStatus.CONFIRMED, annotator)
    assert match.decided_at is not None
    assert match.history.first().history_user == annotator
    match = claim_match_decide(match=match, user=annotator, status=MatchStatus.SUGGESTED)
    assert (match.decided_by, match.decided_at) == (None, None)


def test_claim_match_decide_rejects_outsiders_and_unknown_statuses(annotator):
    match = ClaimMatchFactory()
    with pytest.raises(PermissionDenied):
        claim_match_decide(match=match, user=UserFactory(), status=MatchStatus.CONFIRMED)
    with pytest.raises(ValidationError):
        claim_match_decide(match=match, user=annotator, status="maybe")


def test_claim_match_apply_verdict_labels_the_claim_with_the_matched_verdict(annotator):
    match = ClaimMatchFactory(status=MatchStatus.CONFIRMED)
    Claim.objects.filter(pk=match.claim_id).update(status="agreed", consensus_verdict=Verdict.DISPUTED)
    result = claim_match_apply_verdict(match=match, claim=match.other, annotator=annotator)
    assert result.annotation.verdict == Verdict.DISPUTED
    assert f"claim {match.claim_id}" in result.annotation.note
    assert Annotation.objects.get(claim=match.other).annotator == annotator


def test_claim_match_apply_verdict_needs_a_confirmed_match_with_a_verdict(annotator):
    match = ClaimMatchFactory()
    with pytest.raises(ValidationError, match="Confirm"):
        claim_match_apply_verdict(match=match, claim=match.other, annotator=annotator)
    match = claim_match_decide(match=match, user=annotator, status=MatchStatus.CONFIRMED)
    with pytest.raises(ValidationError, match="no agreed verdict"):
        claim_match_apply_verdict(match=match, claim=match.other, annotator=annotator)
    stranger = ArticleFactory().pk
    with pytest.raises(ValidationError, match="not about this claim"):
        claim_match_apply_verdict(match=match, claim=Claim(pk=10**9, article_id=stranger), annotator=annotator)


def test_a_rebuild_decides_stored_suggestions_again_and_leaves_peoples_decisions_alone(annotator):
    _article_with("The ministry said that 40 drones were shot down over Crimea overnight.")
    _article_with("The ministry said that 12 drones were shot down over Crimea overnight.")
    _article_with("The ministry said that 90 drones were shot down over Crimea overnight.")
    suggested, rejected = ClaimMatch.objects.order_by("claim_id", "other_id")[:2]
    # As an older engine stored them: the same claim, no guard differing.
    ClaimMatch.objects.filter(pk__in=[suggested.pk, rejected.pk]).update(
        relation=MatchRelation.SAME, guards={"held": [], "differs": []}
    )
    ClaimMatch.objects.filter(pk=rejected.pk).update(status=MatchStatus.REJECTED)
    claim_matches_backfill(rebuild=True)
    suggested.refresh_from_db()
    rejected.refresh_from_db()
    assert suggested.relation == MatchRelation.CONTRADICTS
    assert suggested.guards["differs"] == ["numbers"]
    assert suggested.history.first().relation == MatchRelation.CONTRADICTS
    assert (rejected.status, rejected.relation) == (MatchStatus.REJECTED, MatchRelation.SAME)
