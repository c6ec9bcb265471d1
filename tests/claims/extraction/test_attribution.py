import pytest

from .helpers import claims_of, find

WIRE = """Bridge to reopen in May, officials say
The transport ministry said on Tuesday that the Elbe bridge would reopen to traffic in May after repairs.
"We expect the first trains to cross within weeks," ministry spokeswoman Anna Berg told reporters.
Repairs had cost more than 40 million euros, the ministry said in a statement, adding that no closures were planned.
"""


def test_wire_copy_said_on_tuesday_that():
    c = find(claims_of(WIRE), "the Elbe bridge would reopen")
    assert c.text.startswith("the Elbe bridge")
    assert c.source == "transport ministry"
    assert c.cue == "said"
    assert not c.is_direct_quote


def test_direct_quote_excludes_marks_and_comma():
    c = find(claims_of(WIRE), "We expect the first trains")
    assert c.text == "We expect the first trains to cross within weeks"
    assert c.source == "Anna Berg"
    assert c.source_kind == "person"
    assert c.is_direct_quote
    assert c.cue == "told"


def test_postposed_statement_and_adding_participle_share_the_source():
    claims = claims_of(WIRE)
    a = find(claims, "Repairs had cost")
    b = find(claims, "no closures")
    assert a.source == b.source == "transport ministry"
    assert b.cue == "adding"


def test_headline_claim():
    c = find(claims_of(WIRE), "Bridge to reopen in May")
    assert c.source in ("officials", None) or "official" in c.source_mention


def test_according_to_before_and_after():
    text = (
        "According to the World Health Organization, cases rose by 12 percent last month.\n"
        "Hospital admissions also increased sharply, according to regional health authorities.\n"
    )
    claims = claims_of(text)
    assert find(claims, "cases rose by 12 percent").source == "World Health Organization"
    assert find(claims, "Hospital admissions").source == "regional health authorities"


def test_pronoun_chain_resolves_to_named_person():
    text = (
        "Senator Maria Lopez said the bill would pass before the recess.\n"
        "She added that negotiations with the other party had been productive.\n"
        "\u201cWe have the votes,\u201d she told reporters.\n"
    )
    claims = claims_of(text)
    assert [c.source for c in claims] == ["Maria Lopez"] * 3
    assert claims[2].source_mention == "she"
    assert claims[2].confidence < claims[0].confidence + 0.2


def test_role_reference_resolves_to_person_introduced_with_role():
    text = (
        "The governor, Tom Reyes, ordered an evacuation of the coast.\n"
        "Roads will stay closed until Friday, the governor wrote on social media.\n"
    )
    c = find(claims_of(text), "Roads will stay closed")
    assert c.source == "Tom Reyes"
    assert c.source_mention == "the governor"


def test_in_a_statement_and_belief_verbs():
    text = (
        "In a statement, Acme Corp said it had fully cooperated with investigators.\n"
        "Analysts at Northbank estimated that profits would fall by a fifth this year.\n"
        "Economists believe inflation will ease slowly over the next two years.\n"
    )
    claims = claims_of(text)
    assert find(claims, "fully cooperated").source == "Acme Corp"
    est = find(claims, "profits would fall")
    assert "Analysts" in est.source_mention
    belief = find(claims, "inflation will ease")
    assert belief.source == "Economists"
    assert belief.confidence < find(claims, "fully cooperated").confidence


def test_colon_quote_running_over_paragraphs_keeps_source():
    text = (
        "The mayor, Ines Duarte, said: \u201cThe water is safe to drink.\n"
        "\u201cWe tested every district twice.\n"
        "\u201cThere is no reason for concern.\u201d\n"
        "Residents remained sceptical.\n"
    )
    claims = claims_of(text)
    assert [c.source for c in claims] == ["Ines Duarte"] * 3
    assert all(c.is_direct_quote for c in claims)
    assert not any("sceptical" in c.text for c in claims)


def test_multi_sentence_quote_each_sentence_is_a_claim():
    text = '"Prices are too high. People are angry. We will act," said Prime Minister Lena Holm.'
    claims = claims_of(text)
    assert [c.text for c in claims] == ["Prices are too high", "People are angry", "We will act"]
    assert {c.source for c in claims} == {"Lena Holm"}


@pytest.mark.parametrize(
    "text",
    [
        "He said goodbye and left the room.",
        "The said company was fined last year.",
        "Residents were told to leave their homes.",
        "She declined to say whether she would run.",
        "The claims could not be verified independently.",
    ],
)
def test_non_claims(text):
    assert claims_of(text) == []


def test_offsets_exact_with_crlf_curly_quotes_and_non_ascii():
    text = (
        "Zoë Müller sagt\r\nThe Bundesamt said on Monday that Zürich’s café owners would get aid.\r\n"
        "\u201cIt’s a relief,\u201d said café owner Zoë Müller.\r\n"
    )
    claims = claims_of(text)
    assert find(claims, "It’s a relief").source == "Zoë Müller"
    assert find(claims, "café owners would get aid").source == "Bundesamt"
