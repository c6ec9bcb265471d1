"""Marked-up article text: the claim spans, source mentions and cues as HTML. Pure rendering, no queries.

Built in Python with format_html so every character of user text is escaped. The text nodes of the result are
exactly the body's characters (newlines sit in hidden spans, badges come from CSS ::after), so the browser can turn
a text selection back into body offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

if TYPE_CHECKING:  # only for annotations: this module runs no queries
    from claims.models import Claim

_CR = SafeString("&#13;")  # the HTML parser would turn a literal CR into LF; a reference keeps it a CR
_NEWLINE = SafeString('<span class="nl">\n</span>')  # kept as text for offsets, hidden by CSS


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str
    href: str = ""
    label: str = ""  # the span's title
    badge: str = ""  # shown as a small badge after the span, by CSS so it is not part of the text
    element_id: str = ""
    depth: int = 0  # higher sits inside lower when spans overlap
    data: dict = field(default_factory=dict)


def _text(text: str) -> SafeString:
    return format_html_join(_CR, "{}", ((part,) for part in text.split("\r")))


def _wrap(span: Span, inner: SafeString, *, first: bool, last: bool, anchor: bool) -> SafeString:
    attrs = {"class": span.css, **span.data}
    if anchor:
        attrs.update({"href": span.href, "draggable": "false"})
    if first and span.element_id:
        attrs["id"] = span.element_id
    if span.label:
        attrs["title"] = span.label
    if span.badge and last:
        attrs["data-label"] = span.badge
    tag = "a" if anchor else "span"
    return format_html("<{} {}>{}</{}>", tag, format_html_join(" ", '{}="{}"', attrs.items()), inner, tag)


def _render_line(body: str, start: int, end: int, spans: list[Span]) -> SafeString:
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        html = _text(body[a:b])
        covering = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: (-s.depth, s.end - s.start))
        anchored = False
        for span in covering:  # innermost first, wrapped outwards
            anchor = bool(span.href) and not anchored
            anchored = anchored or anchor
            html = _wrap(span, html, first=a == max(span.start, start), last=b == min(span.end, end), anchor=anchor)
        pieces.append(html)
    return format_html_join("", "{}", ((p,) for p in pieces))


def marked_text(body: str, spans: list[Span], start: int = 0, end: int | None = None) -> SafeString:
    """body[start:end] as one <p> per line with the spans marked; newlines kept as hidden text."""
    end = len(body) if end is None else end
    paragraphs = []
    line_start = start
    while line_start <= end:
        newline = body.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        line = _render_line(body, line_start, line_end, spans)
        newline_html = _NEWLINE if newline != -1 else ""
        css = "line" if line_end > line_start and body[line_start:line_end].strip() else "line blank"
        paragraphs.append(format_html('<p class="{}">{}{}</p>', css, line, newline_html))
        if newline == -1:
            break
        line_start = newline + 1
    return format_html_join("", "{}", ((p,) for p in paragraphs))


def _nearest(paragraph: str, offset: int, needle: str, claim: Claim, avoid: tuple[int, int] | None):
    """Where `needle` occurs in the paragraph closest to the claim, preferring places outside the claim."""
    needle = (needle or "").strip()
    if not needle or len(needle) > 300:
        return None
    best = None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(paragraph):
        s, e = match.start() + offset, match.end() + offset
        if avoid and s < avoid[1] and e > avoid[0]:
            continue
        inside = s < claim.end and e > claim.start
        distance = 0 if inside else min(abs(s - claim.end), abs(claim.start - e))
        key = (inside, distance)
        if best is None or key < best[0]:
            best = (key, (s, e))
    return best[1] if best else None


def claim_paragraph(claim: Claim, others: list[Claim]) -> SafeString:
    """The line(s) of the article holding the claim, with the claim, its source mention and cue marked."""
    body = claim.article.body
    start = body.rfind("\n", 0, claim.start) + 1
    newline = body.find("\n", claim.end)
    end = len(body) if newline == -1 else newline
    paragraph = body[start:end]
    spans = [Span(claim.start, claim.end, "claim-focus", depth=2, element_id="focus-claim")]
    mention = _nearest(paragraph, start, claim.source_mention, claim, None)
    if mention:
        spans.append(Span(*mention, "mention", label="source as named", depth=3))
    cue = _nearest(paragraph, start, claim.cue, claim, mention)
    if cue:
        spans.append(Span(*cue, "cue", label="cue", depth=3))
    spans += [
        Span(o.start, o.end, "claim-other", depth=1)
        for o in others
        if o.pk != claim.pk and o.start < end and o.end > start
    ]
    return marked_text(body, spans, start, end)
