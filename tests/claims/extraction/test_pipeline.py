from claims.extraction import ExtractedClaim, RuleAttributor, extract_claims

from .helpers import claims_of


def test_empty_and_furniture_only_articles():
    assert extract_claims("") == []
    assert extract_claims("Source link\nFollow us on Twitter\n") == []


def test_claim_dataclass_is_frozen_with_positions():
    claims = claims_of("The ministry said that the road would reopen soon.\nPolice said two men were arrested.")
    assert [c.position for c in claims] == [0, 1]
    assert isinstance(claims[0], ExtractedClaim)
    try:
        claims[0].text = "x"
    except AttributeError:
        pass
    else:
        raise AssertionError("ExtractedClaim must be frozen")


def test_custom_attributor_is_used():
    class Nothing:
        def attribute_line(self, text, sentences, line_index, headline):
            return []

    assert extract_claims("Police said two men were arrested.", attributor=Nothing()) == []
    assert extract_claims("Police said two men were arrested.", attributor=RuleAttributor())


def test_standalone_quote_after_attributed_quote_in_same_paragraph():
    text = "\u201cWe will rebuild,\u201d the mayor, Ana Costa, said. \u201cNothing will stop us.\u201d"
    claims = claims_of(text)
    assert [c.text for c in claims] == ["We will rebuild", "Nothing will stop us"]
    assert {c.source for c in claims} == {"Ana Costa"}


def test_quote_paragraph_without_open_quote_does_not_inherit():
    text = "\u201cWe will rebuild,\u201d the mayor said.\nThe storm destroyed 300 homes."
    assert [c.text for c in claims_of(text)] == ["We will rebuild"]
