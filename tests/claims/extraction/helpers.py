from claims.extraction import extract_claims


def claims_of(text):
    claims = extract_claims(text)
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert 0.0 <= c.confidence <= 1.0
    return claims


def find(claims, fragment):
    hits = [c for c in claims if fragment in c.text]
    assert hits, f"no claim contains {fragment!r}: {[c.text for c in claims]}"
    return hits[0]
