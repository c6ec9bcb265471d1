"""The pure matching engine: no database."""

import json
from pathlib import Path

import pytest

from matching import engine
from matching.engine import claim_features, is_candidate, lsh_keys, match_score, text_score

PAIRS = Path(__file__).resolve().parents[2] / "bench" / "data" / "matching_pairs.jsonl"


def test_claim_features_canonicalise_synonyms_numbers_and_countries():
    features = claim_features("Pro-Russian separatists seized two villages, Moscow said, killing 4,000 people")
    assert {"capture", "russia", "rebel", "#2", "#4000", "kill"} <= features.words
    assert features.numbers == {"2", "4000"}
    assert not features.negated


def test_claim_features_number_words_with_scales_equal_digits():
    assert claim_features("four million people fled").numbers == claim_features("4m people fled").numbers == {"4000000"}


def test_claim_features_mark_names_but_not_the_first_word():
    features = claim_features("Fighting near Bakhmut continued on Tuesday")
    assert features.names == {"bakhmut", "tuesday"}


def test_claim_features_see_negation_in_contractions_and_verbs():
    assert claim_features("the talks didn't bring a breakthrough").negated
    assert claim_features("rich nations failed to meet the pledge").negated
    assert not claim_features("the government survived a no-confidence vote").negated


def test_lsh_keys_are_stable_signed_64_bit_and_skip_short_claims():
    keys = lsh_keys(claim_features("Russian forces shot down 23 Ukrainian drones over Crimea"))
    assert len(keys) == engine.BANDS
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert keys == lsh_keys(claim_features("Russian forces shot down 23 Ukrainian drones over Crimea"))
    assert lsh_keys(claim_features("Not at all")) == []


def test_paraphrases_are_candidates_and_score_above_the_threshold():
    a = claim_features("600 Ukrainian servicemen were killed in a strike on barracks in Kramatorsk")
    b = claim_features("a Russian strike on barracks in Kramatorsk killed 600 Ukrainian soldiers")
    assert is_candidate(lsh_keys(a), lsh_keys(b))
    assert match_score(a, b).score >= engine.THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("they captured two villages near Bakhmut", "they captured four villages near Bakhmut", "numbers"),
        ("wildfires in Canada burned 18 million hectares", "wildfires in Greece burned 18 million hectares", "names"),
        ("the plant lost power on Thursday", "the plant lost power on Monday", "names"),
        ("covid vaccines do not alter human DNA", "covid vaccines alter human DNA", "negation"),
        ("unemployment rose to 4.3 per cent in July", "unemployment fell to 4.3 per cent in July", "direction"),
    ],
)
def test_hard_negatives_score_below_the_threshold(a, b, conflict):
    result = text_score(a, b)
    assert conflict in result.conflicts
    assert result.score < engine.THRESHOLD


def test_fuzzy_spelling_matches_transliterations():
    assert text_score("fighting near Bakhmut", "fighting near Bakhmout").overlap == 1.0


def test_score_is_symmetric_and_bounded():
    a, b = "the Fed held rates steady", "the Federal Reserve left interest rates unchanged for a second meeting"
    assert text_score(a, b) == text_score(b, a)
    assert 0.0 <= text_score(a, b).score <= 1.0
    assert text_score("", "anything at all").score == 0.0


def test_minhash_estimates_jaccard_similarity():
    a = {f"w{i}" for i in range(100)}
    b = {f"w{i}" for i in range(50, 150)}  # Jaccard 1/3
    sig_a, sig_b = engine.minhash(a), engine.minhash(b)
    agreement = sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / len(sig_a)
    assert 0.1 < agreement < 0.6


def test_test_set_meets_the_quality_target():
    """The figures bench/matching.py prints, kept from regressing: precision >= 0.9 at recall >= 0.7."""
    rows = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 150
    tp = fp = fn = 0
    for row in rows:
        a, b = claim_features(row["a"]), claim_features(row["b"])
        predicted = is_candidate(lsh_keys(a), lsh_keys(b)) and match_score(a, b).score >= engine.THRESHOLD
        tp += predicted and row["same"]
        fp += predicted and not row["same"]
        fn += not predicted and row["same"]
    assert tp / (tp + fp) >= 0.9
    assert tp / (tp + fn) >= 0.7
