"""Stage 0 for web pages: decode an HTML page as a browser would and find the article in it.

The article's main text is found by trafilatura (measured against readability-lxml, jusText, goose3 and
newspaper4k on real news pages: ``bench/pages.py``); its title, publisher, date and canonical URL come from the
page's metadata. Bytes are decoded with w3lib's browser-compatible sniffing: byte-order mark, then the HTTP
``Content-Type``, then the page's own ``<meta charset>``, with the WHATWG label mapping (``iso-8859-1`` is read as
windows-1252, as every browser does); an undeclared page is UTF-8 when it decodes as such, else windows-1252.
Pure Python (no Django), like the rest of the extraction package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from w3lib.encoding import html_to_unicode

# a document, not prose that mentions a tag: a doctype or <html>/<head>/<body> near the start, or a page whose
# text is mostly inside paragraph/div markup
_DOCUMENT_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_BLOCK_TAG = re.compile(r"<(?:p|div|article|section|h[1-6]|br|li|table|span|a)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]{0,400}>")


class NoArticleError(ValueError):
    """The page holds no text that reads as an article (an empty page, a login wall, a list of links)."""


@dataclass(frozen=True, slots=True)
class Page:
    """The article found in a web page: its text (paragraphs on their own lines) and the page's metadata."""

    body: str
    title: str = ""
    publisher: str = ""
    published_at: str = ""  # ISO 8601 date as the page declares it, "" when it declares none
    url: str = ""


def looks_like_html(text: str | bytes) -> bool:
    """True for an HTML document (or fragment that is mostly markup); False for plain article text.

    A plain article that mentions ``<b>`` or pastes one link stays plain text: a fragment counts as HTML only
    when it has several block tags and markup makes up a real part of it."""
    if isinstance(text, bytes):
        text = text[:8192].decode("utf-8", "replace")
    head = text[:4096].lstrip("\ufeff")
    if _DOCUMENT_START.match(head):
        return True
    blocks = len(_BLOCK_TAG.findall(head))
    if blocks < 3:
        return False
    markup = sum(len(m) for m in _TAG.findall(head))
    return markup >= 0.1 * len(head)


def _utf8_else_cp1252(raw: bytes) -> str:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def decode_html(raw: bytes | str, *, content_type: str | None = None) -> str:
    """The page's text as a browser would decode it (``str`` input is returned as it is)."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    _encoding, text = html_to_unicode(content_type, raw, auto_detect_fun=_utf8_else_cp1252)
    return text


_WHITE = re.compile(r"\s+")
# trafilatura's blocks: paragraphs, headings, list items, quotations, table rows, code
_BLOCKS = frozenset({"p", "head", "item", "list", "quote", "row", "table", "code", "div"})
_WORD = re.compile(r"\w+")
# trafilatura falls back to whatever text a page has; a menu word or two is not an article
MIN_ARTICLE_WORDS = 5


def render_text(tree) -> str:
    """The text of trafilatura's article tree as a browser shows it: white space inside a block collapsed (a line
    break in the page's source is a space), each block and each ``<br>`` on a line of its own."""
    parts: list[str] = []

    def walk(el) -> None:
        block = el.tag in _BLOCKS
        if block or el.tag == "lb":
            parts.append("\n")
        elif el.tag == "cell":
            parts.append(" ")
        if el.text:
            parts.append(_WHITE.sub(" ", el.text))
        for child in el:
            walk(child)
            if child.tail:
                parts.append(_WHITE.sub(" ", child.tail))
        if block:
            parts.append("\n")

    walk(tree)
    lines = (re.sub(" +", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def page_from_html(raw: bytes | str, *, url: str = "", content_type: str | None = None) -> Page:
    """The article of one web page with its metadata; raises ``NoArticleError`` when the page has none."""
    import trafilatura  # here, not at module level: importing it costs about a second and plain text never needs it

    html = decode_html(raw, content_type=content_type)
    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        # no second opinion from trafilatura's bundled readability/jusText: 3x faster, as good on the news pages
        # measured (bench/pages.py, trafilatura vs trafilatura-fast)
        fast=True,
        # the publication date from the page's markup and URL; the page-wide text search is the slow part
        date_extraction_params={"extensive_search": False, "original_date": True},
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    body = render_text(doc.body) if doc is not None and doc.body is not None else ""
    if len(_WORD.findall(body)) < MIN_ARTICLE_WORDS:
        raise NoArticleError("no article text found in the page")
    return Page(
        body=body,
        title=(doc.title or "").strip(),
        publisher=(doc.sitename or "").strip(),
        published_at=(doc.date or "").strip(),
        url=(doc.url or url or "").strip(),
    )
