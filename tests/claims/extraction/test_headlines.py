"""Headlines are claims only when they attribute a statement (task rule, see ``attribution._HEADLINE_CLAUSE``)."""

import pytest

from claims.extraction import extract_claims


@pytest.mark.parametrize(
    ("headline", "content", "source"),
    [
        (
            "Pro-Russian separatists claim control of a town near Bakhmut",
            "control of a town near Bakhmut",
            "Pro-Russian separatists",
        ),
        ("Kremlin says talks stalled", "talks stalled", "Kremlin"),
        ("Kremlin says talks stalled, Kyiv vows to fight on", "talks stalled", "Kremlin"),
        ("Mayor says harbour wall will be rebuilt by spring", "harbour wall will be rebuilt by spring", "Mayor"),
        (
            "Ben Wallace assures Ukraine UK is 'full square behind them'",
            "UK is 'full square behind them",
            "Ben Wallace",
        ),
        ("Allies pledge that air defence will arrive within weeks", "air defence will arrive within weeks", "Allies"),
    ],
)
def test_attributing_headlines_are_claims(headline, content, source):
    claims = extract_claims(headline + "\n")
    assert any(c.text == content and c.source_mention == source for c in claims), claims


@pytest.mark.parametrize(
    "headline",
    [
        "Ukraine allies pledge air defence, Russia inches towards Bakhmut",  # NP-object pledge: an action report
        "Government vows tougher penalties for fly-tipping",
        "Man charged after gas station robbery in Millbrook",
        "Storm knocks out power to thousands in coastal county",
    ],
)
def test_action_headlines_are_not_claims(headline):
    assert extract_claims(headline + "\n") == []


def test_headline_statement_stops_at_the_next_headline_clause():
    (c,) = extract_claims("Kremlin says talks stalled, Russia inches towards Bakhmut\n")
    assert c.text == "talks stalled"
