"""Web pages in: the article found in invented pages, decoded as a browser would, with the page's metadata."""

from pathlib import Path

import pytest

from claims.extraction import extract_claims
from claims.extraction.html import NoArticleError, decode_html, looks_like_html, page_from_html

PAGE = (Path(__file__).parent / "data" / "pages" / "harbour.html").read_bytes()

LATIN_PAGE = (
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'><title>Quay</title></head>"
    "<body><article><p>The harbour master said the quay\u2019s caf\u00e9 would reopen on Friday after the storm "
    "damage was repaired by the council's engineers.</p><p>\u201cWe are nearly there,\u201d she told the paper on "
    "Thursday, adding that the last repairs would be finished within days.</p></article></body></html>"
)


def test_page_from_html_keeps_the_article_and_drops_menus_related_links_and_comments():
    page = page_from_html(PAGE)
    assert "forty-metre gap in the old stone" in page.body
    assert "Every day the boats sit idle costs families money" in page.body
    for furniture in (
        "Download the Coastal Herald app",
        "Mayor says ferry fares",
        "seaview88",
        "Weather",
        "nothing happened, so I don't believe",
    ):
        assert furniture not in page.body


def test_page_from_html_takes_title_publisher_date_and_canonical_url_from_the_metadata():
    page = page_from_html(PAGE)
    assert page.title == "Harbour wall to be rebuilt after storm, council says"
    assert page.publisher == "The Coastal Herald"
    assert page.published_at == "2024-03-12"
    assert page.url == "https://herald.example/news/harbour-wall-rebuilt"


def test_claims_of_a_page_come_from_its_article_only():
    claims = extract_claims(page_from_html(PAGE).body)
    sources = {c.source for c in claims}
    assert {"Ruth Abernethy", "Tom Ferris"} <= sources
    assert not any("ferry fares" in c.text or "walker" in c.text or "coastal fund" in c.text for c in claims)


def test_a_page_declaring_latin_1_is_read_as_windows_1252_like_a_browser():
    raw = LATIN_PAGE.encode("cp1252")  # the curly quotes are bytes 0x91-0x94, which latin-1 would garble
    page = page_from_html(raw)
    assert "quay\u2019s caf\u00e9" in page.body
    assert "\u201cWe are nearly there,\u201d" in page.body


def test_an_http_content_type_header_wins_over_the_pages_own_declaration():
    raw = LATIN_PAGE.replace("iso-8859-1", "utf-8").encode("cp1252")
    assert "caf\u00e9" in decode_html(raw, content_type="text/html; charset=windows-1252")


def test_an_undeclared_page_is_utf8_when_it_decodes_as_such_else_windows_1252():
    body = "<html><body><p>caf\u00e9 \u2019</p></body></html>"
    assert decode_html(body.encode("utf-8")) == body
    assert decode_html(body.encode("cp1252")) == body
    assert decode_html(b"\xef\xbb\xbf" + body.encode("utf-8")) == body  # a byte-order mark says UTF-8


def test_a_page_without_article_text_is_refused():
    with pytest.raises(NoArticleError):
        page_from_html(b"<html><head><title>Log in</title></head><body><nav><a href='/'>Home</a></nav></body></html>")


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "\n  <html lang='en'><head></head><body></body></html>",
        "<!-- saved page --><!doctype HTML><title>x</title>",
        "<div class='story'><p>The mayor said so.</p><p>She was right.</p><p>It rained.</p></div>",
    ],
)
def test_looks_like_html_recognises_documents_and_markup_fragments(text):
    assert looks_like_html(text)
    assert looks_like_html(text.encode("utf-8"))


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the <b> tag was not the problem.\nShe added that the site would be fixed.",
        "Minister says talks will resume\nSee <a href='https://example.com'>the report</a>, the ministry said.",
        "",
    ],
)
def test_looks_like_html_leaves_plain_article_text_alone(text):
    assert not looks_like_html(text)


def test_line_breaks_in_the_page_source_are_spaces_and_br_is_a_line_break_as_in_a_browser():
    raw = (
        b"<html><body><article><p>The harbour master\n   said the quay would\nreopen on Friday after the storm damage"
        b" was repaired.<br>Second line of the same paragraph, with more words than enough.</p>"
        b"<p>Another paragraph follows here, and the council said it agreed with the plan.</p></article></body></html>"
    )
    assert page_from_html(raw).body.splitlines() == [
        "The harbour master said the quay would reopen on Friday after the storm damage was repaired.",
        "Second line of the same paragraph, with more words than enough.",
        "Another paragraph follows here, and the council said it agreed with the plan.",
    ]
