"""The pair model (a cross-encoder reading two claims at once) and how `engine.decide` uses its reading."""

import pytest

from matching import engine, pair_model
from matching.engine import Reading, claim_features


def test_a_reading_gives_the_three_chances_and_does_not_depend_on_which_claim_comes_first():
    a = "The High Court ruled on Friday that the deployment of police officers to Haiti is lawful."
    b = "A High Court judge ruled on Friday that sending police officers to Haiti breaches the constitution."
    reading = pair_model.read(a, b)
    assert reading.same + reading.contradicts + reading.different == pytest.approx(1, abs=1e-3)
    assert pair_model.read(b, a) == reading


def test_a_reworded_denial_is_read_as_a_contradiction():
    reading = pair_model.read(
        "The union said the rail strike will go ahead on Monday after talks with the operator failed.",
        "The union said Monday's rail strike has been called off after a deal with the operator.",
    )
    assert reading.same < engine.READ_VETO
    assert reading.contradicts > reading.different


# Rewordings written for this test, not taken from a pair set. The model leans to "contradicts" where a negation word
# is reworded: one of these three is read under READ_VETO and would be kept apart.
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The airline said it would cut 2,000 jobs by the end of next year to reduce costs.",
            "Some 2,000 positions will go at the carrier by the end of next year as it seeks to lower costs, the"
            " airline said.",
        ),
        pytest.param(
            "The city council voted on Tuesday to ban diesel cars from the centre from 2027, the mayor said.",
            "From 2027 diesel cars will no longer be allowed in the city centre after Tuesday's council vote, the"
            " mayor said.",
            marks=pytest.mark.xfail(strict=True, reason="a ban said as 'will no longer be allowed' reads as a denial"),
        ),
        (
            "Police arrested three men on Sunday over the theft of paintings from the city museum, a spokesman said.",
            "Three men were detained on Sunday in connection with the stolen museum paintings, according to a police"
            " spokesman.",
        ),
    ],
)
def test_a_rewording_is_not_read_as_a_contradiction(a, b):
    assert pair_model.read(a, b).same >= engine.READ_VETO


def test_a_pair_model_file_that_is_not_the_pinned_one_is_refused(monkeypatch, tmp_path):
    other = tmp_path / "pairs-int8.onnx"
    other.write_bytes(b"not the model")
    monkeypatch.setattr(pair_model, "MODEL", other)
    pair_model.pair_model.cache_clear()
    try:
        with pytest.raises(pair_model.ModelError, match="not the pair model"):
            pair_model.read("a claim", "another claim")
    finally:
        pair_model.pair_model.cache_clear()


def _reader(same: float, contradicts: float, calls: list):
    def read() -> Reading:
        calls.append(1)
        return Reading(same, contradicts, round(1 - same - contradicts, 4))

    return read


# Two wordings the score and every guard pass as one claim: what the pair model reads decides.
SCHOOLS = (
    claim_features("The ministry said 40 schools will reopen on Monday after the floods"),
    claim_features("The ministry said 40 schools are to reopen on Monday after the floods"),
)


def test_a_reading_of_contradiction_takes_same_away_and_names_meaning_as_what_differs():
    assert engine.decide(*SCHOOLS, similarity=0.97).relation == engine.SAME
    vetoed = engine.decide(*SCHOOLS, similarity=0.97, read=_reader(0.02, 0.95, []))
    assert vetoed.relation == engine.CONTRADICTS
    assert vetoed.conflicts == ("meaning",)
    assert vetoed.reading.same == 0.02


def test_a_confident_reading_leaves_the_same_claim_the_same():
    calls = []
    decision = engine.decide(*SCHOOLS, similarity=0.97, read=_reader(engine.READ_VETO, 0.5, calls))
    assert decision.relation == engine.SAME
    assert decision.reading.same == engine.READ_VETO
    assert calls == [1]


def test_a_different_claim_reading_leaves_the_pair_unrelated():
    assert engine.decide(*SCHOOLS, similarity=0.97, read=_reader(0.02, 0.03, [])).relation is None


def test_the_pair_model_is_not_asked_about_pairs_the_engine_does_not_find_the_same():
    calls = []
    a = claim_features("The central bank raised its main interest rate to 5 per cent on Thursday")
    b = claim_features("The football club sacked its manager after five straight defeats")
    decision = engine.decide(a, b, similarity=0.2, read=_reader(0.99, 0.0, calls))
    assert decision.relation is None
    assert decision.reading is None
    contradicting = engine.decide(
        *SCHOOLS[:1],
        claim_features("The ministry said 400 schools will reopen on Monday after the floods"),
        similarity=0.95,
        read=_reader(0.99, 0.0, calls),
    )
    assert contradicting.relation == engine.CONTRADICTS
    assert calls == []


def test_a_copy_of_a_claim_is_the_same_claim_without_asking_the_pair_model():
    calls = []
    claim = claim_features("The ministry said 40 schools will reopen on Monday after the floods")
    decision = engine.decide(claim, claim, similarity=1.0, read=_reader(0.01, 0.98, calls))
    assert decision.relation == engine.SAME
    assert calls == []


# The same claim but for the city: only the names guard differs.
CITIES = (
    claim_features("The ministry said 40 schools will reopen in Lagos on Monday after the floods"),
    claim_features("The ministry said 40 schools will reopen in Abuja on Monday after the floods"),
)


def test_a_confident_reading_overrules_the_names_guard_and_says_so():
    assert engine.decide(*CITIES, similarity=0.98).conflicts == ("names",)
    decision = engine.decide(*CITIES, similarity=0.98, read=_reader(engine.READ_RESCUE, 0.05, []))
    assert decision.relation == engine.SAME
    assert decision.conflicts == ()
    assert decision.overruled == ("names",)
    assert decision.reading.same == engine.READ_RESCUE


def test_a_reading_short_of_the_rescue_leaves_the_names_contradiction_with_the_reading():
    decision = engine.decide(*CITIES, similarity=0.98, read=_reader(engine.READ_RESCUE - 0.01, 0.5, []))
    assert decision.relation == engine.CONTRADICTS
    assert decision.conflicts == ("names",)
    assert decision.overruled == ()
    assert decision.reading.same == engine.READ_RESCUE - 0.01


def test_the_pair_model_never_overrules_names_beside_another_guard():
    calls = []
    a = claim_features("The ministry said 40 schools will reopen in Lagos on Monday after the floods")
    b = claim_features("The ministry said 400 schools will reopen in Abuja on Monday after the floods")
    decision = engine.decide(a, b, similarity=0.97, read=_reader(0.99, 0.0, calls))
    assert decision.relation == engine.CONTRADICTS
    assert set(decision.conflicts) == {"numbers", "names"}
    assert calls == []
