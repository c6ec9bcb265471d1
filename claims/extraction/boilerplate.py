"""Stage 2: page furniture filter.

Marks lines of scraped news pages that are not article prose: app and newsletter promotions,
consent text, "Source link"/"Read more" trailers, teaser blocks ("DON'T MISS", "READ MORE" and the
teaser lines under them), social-media plugs, comment-section prompts and the reader comments after
them, photo captions with credits (and the duplicated caption line just above), datelines such as
"First modification:", agency credits ("with AFP") and one- or two-word section labels.

Rules are general patterns of web page furniture, collected in ``LINE_PATTERNS`` so a reader can
extend them in one place.  ``classify_lines`` sets ``Line.furniture`` to the rule name.
"""

from __future__ import annotations

import re

from .records import Line

_I = re.IGNORECASE

# (name, pattern searched in the stripped line).  Each is meant to match furniture on any site.
LINE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("app_promo", re.compile(
        r"\b(?:download|install|get|stay tuned with|available on)\b.{0,60}\b(?:app|apps|application)\b"
        r"|\b(?:android|ios|iphone)\s+app\b|\bapp store\b|\bgoogle play\b", _I)),
    ("source_trailer", re.compile(
        r"^(?:source(?:\s+link)?|original(?:ly)? (?:published|source)|source\s*:.*|via\s*:.*"
        r"|read (?:the )?(?:full|more|original|rest)(?: (?:article|story|here))?.*|click here.*|continue reading.*"
        r"|(?:this|the) (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in|at)\b.*)$", _I)),
    ("consent", re.compile(
        r"^(?=.*\b(?:you|your|we|our)\b).*\b(?:sign-?up|sign up|subscribe|unsubscribe|newsletter"
        r"|privacy (?:policy|notice|statement)"
        r"|cookie(?:s| policy| settings)|consented|terms (?:of use|and conditions|& conditions)"
        r"|personalis(?:e|ed) (?:content|ads)|advertis(?:ing|ements?) partners?)\b", _I)),
    ("teaser_header", re.compile(
        r"^(?:don[’'`]?t miss|do not miss|read more|more|related|related (?:articles?|stories|news|content)"
        r"|see also|also read|read also|recommended(?: for you)?|trending|latest|most read|popular|watch"
        r"|video|in pictures|pictured|more on this story|top stories|you may also like)\s*[:.!-]?\s*$", _I)),
    ("teaser_line", re.compile(r"\[(?:[A-Z][A-Z ]{1,20}|pics|video|photos?)\]\s*$")),
    ("social", re.compile(
        r"^(?:follow (?:me|us|him|her|them)\b.*|like us on facebook.*|share (?:this|on)\b.*|share\s*$"
        r"|tweet\s*$|email\s*$|print\s*$|@\w+\s*$)", _I)),
    ("comments_prompt", re.compile(
        r"\b(?:comments? section|leave a (?:comment|reply)|share your (?:views|thoughts|opinion)"
        r"|join the (?:debate|conversation|discussion)|have your say|post a comment|\d+ comments?)\b", _I)),
    ("credit", re.compile(
        r"[©℗]|\b(?:photo|image|picture|video|credit|photograph)s?\s*(?:credit|courtesy)?\s*:\s*\S"
        r"|\b(?:getty images|shutterstock|alamy|reuters/|afp/|ap photo|afp via getty)\b", _I)),
    ("dateline", re.compile(
        r"^(?:first|last) (?:modification|modified|updated?|published)\b.*|^(?:updated|published|posted)"
        r"(?: on| at)?\s*:?\s*[\d(]?.{0,40}$|^(?:issued|updated) on\b.*", _I)),
    ("agency_credit", re.compile(
        r"^[(\[]?(?:with|by|from|and|—|-|–)?\s*(?:(?:agencies|afp|reuters|ap|dpa|ani|pti|ians|efe|tass)"
        r"(?:\s*(?:,|and|&)\s*(?:agencies|afp|reuters|ap|dpa|ani|pti|ians|efe|tass))*)[)\]]?\s*\.?$", _I)),
    ("reporting_credit", re.compile(
        r"^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b.*|^\(?this story has been\b.*"
        r"|^all rights reserved\b.*|^copyright\b.*|^advertisement$|^sponsored(?: content)?$", _I)),
    ("url", re.compile(r"^\S*(?:https?://|www\.)\S*(?:\s.{0,120})?$", _I)),
]

# Cheap str prefilters: a pattern not anchored at the line start can only match when one of these
# lower-case substrings occurs in the line (checked before running the regex).
PREFILTER: dict[str, tuple[str, ...]] = {
    "app_promo": ("app", "google play"),
    "consent": ("sign", "subscri", "newsletter", "privacy", "cookie", "consented", "terms", "personalis",
                "advertis"),
    "comments_prompt": ("comment", "leave a", "share your", "join the", "have your say"),
    "credit": ("©", "℗", "photo", "image", "picture", "video", "credit", "getty", "shutterstock", "alamy",
               "reuters/", "afp/", "ap photo", "afp via"),
    "teaser_line": ("[",),
}
_PREFILTERED = [(name, pat, PREFILTER.get(name)) for name, pat in LINE_PATTERNS]

# A reader comment widget line: "<author or url> in: <post title>".
_COMMENT_LINE = re.compile(r"^\S{1,80}\s+in:\s+\S")
_WORD = re.compile(r"\w+")
_LABEL = re.compile(r"^[\w&’'/-]+(?:\s+[\w&’'/-]+)?$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)}


def classify_lines(text: str, lines: list[Line]) -> list[Line]:
    """Set ``furniture`` on the lines that are page furniture; returns ``lines``."""
    teaser_block = False
    trailing = False
    prev_content: Line | None = None
    for ln in lines:
        raw = text[ln.start:ln.end].strip()
        if not raw:
            continue  # blank lines do not end a teaser block
        if trailing:
            ln.furniture = "after_article"
            continue
        reason = None
        if _COMMENT_LINE.match(raw):
            reason, trailing = "reader_comments", True
        else:
            low = raw.lower()
            for name, pat, keys in _PREFILTERED:
                if keys is not None:
                    for k in keys:
                        if k in low:
                            break
                    else:
                        continue  # no prefilter key in the line: the pattern cannot match
                if pat.search(raw):
                    reason = name
                    break
        if reason == "teaser_header":
            teaser_block = True
        elif reason is None and teaser_block and not _SENTENCE_END.search(raw) and len(raw) < 160:
            reason = "teaser_line"  # un-tagged headline links under a teaser header
        else:
            teaser_block = reason in ("teaser_line",)
        if reason is None and _LABEL.match(raw) and not any(c.isdigit() for c in raw):
            reason = "label"  # one- or two-word section labels / bylines
        if reason == "credit" and prev_content is not None and prev_content.furniture is None:
            # the caption is often duplicated just above the credited copy
            a, b = _words(text[prev_content.start:prev_content.end]), _words(raw)
            if a and len(a & b) >= 0.6 * len(a):
                prev_content.furniture = "caption"
        ln.furniture = reason
        prev_content = ln
    return lines
