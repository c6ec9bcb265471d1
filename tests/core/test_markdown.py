from html.parser import HTMLParser

import pytest

from core.markdown import render_markdown


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)


def _parsed(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_render_markdown_makes_headings_lists_emphasis_and_links():
    html = render_markdown("# Verdicts\n\n- **Verified**: confirmed\n\n[source](https://example.org/a)")
    assert "<h1>Verdicts</h1>" in html
    assert "<li><strong>Verified</strong>: confirmed</li>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer nofollow">source</a>' in html


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        '<svg onload="alert(1)">',
    ],
)
def test_render_markdown_never_lets_markup_or_script_urls_through(text):
    parsed = _parsed(render_markdown(text))
    assert parsed.tags <= {"p", "a"}, parsed.tags  # what was typed shows as text
    assert all(not name.startswith("on") for name, _ in parsed.attrs)
    assert all(not (value or "").lower().startswith("javascript") for _, value in parsed.attrs)


def test_render_markdown_of_nothing_is_empty():
    assert render_markdown("") == ""
