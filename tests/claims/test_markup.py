"""The marked-up text builder: pure rendering, so these run without a database."""

from types import SimpleNamespace

from claims.markup import Span, claim_paragraph, marked_text
from tests.html import article_body_text


def test_marked_text_keeps_every_character_of_the_body_as_text():
    body = "Title\r\nHe said <b>“fine” & well</b> 🙂.\n\n  Indented\rline"
    spans = [Span(8, 20, "claim", href="/r/?claim=1", badge="1 · needs labels"), Span(12, 30, "claim")]
    assert article_body_text(f'<div id="article-body">{marked_text(body, spans)}</div>') == body


def test_marked_text_escapes_text_and_attributes():
    html = marked_text('<img src=x onerror="a">', [Span(0, 4, "claim", label='"><script>', href="/x?a=1&b=2")])
    assert "<img" not in html
    assert "<script>" not in html
    assert 'href="/x?a=1&amp;b=2"' in html


def test_marked_text_nests_overlapping_spans_and_links_once():
    html = marked_text("abcdef", [Span(0, 4, "outer", href="/o"), Span(2, 6, "inner", href="/i", depth=1)])
    assert html.count("<a ") == 3
    assert all(chunk.count("<a ") <= 1 for chunk in html.split("</a>"))  # never a link inside a link


def _claim(body, text, pk=1, mention="", cue=""):
    start = body.index(text)
    article = SimpleNamespace(body=body)
    return SimpleNamespace(
        pk=pk, article=article, start=start, end=start + len(text), source_mention=mention, cue=cue, text=text
    )


def test_claim_paragraph_marks_the_claim_its_source_and_cue_and_faintly_the_others():
    body = "Title\nThe mayor said the bridge fell and the dam held.\nNext line."
    claim = _claim(body, "the bridge fell", mention="The mayor", cue="said")
    other = _claim(body, "the dam held", pk=2)
    html = claim_paragraph(claim, [claim, other])
    assert '<span class="claim-focus" id="focus-claim">the bridge fell</span>' in html
    assert '<span class="mention" title="source as named">The mayor</span>' in html
    assert '<span class="cue" title="cue">said</span>' in html
    assert '<span class="claim-other">the dam held</span>' in html
    assert "Title" not in html
    assert "Next line" not in html


def test_claim_paragraph_escapes_hostile_text():
    body = 'T\n<script>alert(1)</script> said "><img src=x onerror=alert(1)>.'
    claim = _claim(body, "<script>alert(1)</script>", mention='"><img src=x onerror=alert(1)>')
    html = claim_paragraph(claim, [claim])
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
