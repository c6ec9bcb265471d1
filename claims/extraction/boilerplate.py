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
    (
        "app_promo",
        re.compile(
            r"\b(?:download|install|get|stay tuned with|available on)\b.{0,60}\b(?:app|apps|application)\b"
            r"|\b(?:android|ios|iphone)\s+app\b|\b(?:on|in|from|via)\s+(?:the\s+)?(?:app store|google play)\b",
            _I,
        ),
    ),
    (
        "source_trailer",
        re.compile(
            r"^(?:source(?:\s+link)?|original(?:ly)? (?:published|source)|source\s*:.*|via\s*:.*"
            r"|read (?:the )?(?:full|more|original|rest)(?: (?:article|story|here))?.*|click here.*|continue reading.*"
            r"|(?:this|the) (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in|at)\b.*)$",
            _I,
        ),
    ),
    (
        "consent",
        re.compile(
            r"^(?=.*\b(?:you|your|we|our)\b).*\b(?:sign-?up|sign up|subscribe|unsubscribe|newsletter"
            r"|privacy (?:policy|notice|statement)"
            r"|cookie(?:s| policy| settings)|consented|terms (?:of use|and conditions|& conditions)"
            r"|personalis(?:e|ed) (?:content|ads)|advertis(?:ing|ements?) partners?)\b",
            _I,
        ),
    ),
    (
        "teaser_header",
        re.compile(
            r"^(?:don[’'`]?t miss|do not miss|read more|more|related|related (?:articles?|stories|news|content)"
            r"|see also|also read|read also|recommended(?: for you)?|trending|latest|most read|popular|watch"
            r"|video|in pictures|pictured|more on this story|top stories|you may also like|read next|up next|"
            r"what to read next|more from [\w ]{1,30}|explore more(?: on these topics)?|related topics|"
            r"related (?:articles?|stories|links?|coverage|reading)|most (?:popular|viewed|shared|commented)|"
            r"editor[’']?s picks|you might also like|more stories|latest (?:news|stories)|"
            r"(?:for )?more information(?:,)?(?: please)? contact|(?:media|press) (?:contacts?|enquiries|inquiries)|"
            r"contacts?)\s*[:.!-]?\s*$",
            _I,
        ),
    ),
    ("teaser_line", re.compile(r"\[(?:[A-Z][A-Z ]{1,20}|pics|video|photos?)\]\s*$")),
    (
        "teaser_prefix",
        re.compile(
            r"^(?i:related|read more|more|see also|also read|read also|watch|listen|recommended|"
            r"must read|also see|further reading|related coverage|more coverage|top story|"
            r"don[’']?t miss)\s*[:|]\s*\S"
        ),
    ),
    (
        "social",
        re.compile(
            r"^(?:follow (?:me|us|him|her|them)\b.*|like us on facebook.*|share (?:this|on)\b.*|share\s*$"
            r"|tweet\s*$|email\s*$|print\s*$|@\w+\s*$|copy(?:\s+the)?\s+link\b.{0,20}$|link copied\b.{0,5}$"
            r"|(?:(?:facebook|twitter|x|linkedin|e-?mail|whatsapp|reddit|pinterest|print|share|flipboard|telegram"
            r"|messenger|sms|copy link|bluesky|threads)\b[\s,|·•/]*){2,}$)",
            _I,
        ),
    ),
    (
        "comments_prompt",
        re.compile(
            r"\b(?:comments? section|leave a (?:comment|reply)|share your (?:views|thoughts|opinion)"
            r"|join the (?:debate|conversation|discussion)|have your say|post a comment|\d+ comments?)\b",
            _I,
        ),
    ),
    (
        "credit",
        re.compile(
            r"[©℗]|\b(?:photo|image|picture|video|credit|photograph)s?\s*(?:credit|courtesy)?\s*:\s*\S"
            r"|\b(?:getty images|shutterstock|alamy|reuters/|afp/|ap photo|afp via getty)\b",
            _I,
        ),
    ),
    (
        "dateline",
        re.compile(
            r"^(?:first|last) (?:modification|modified|updated?|published)\b.*|^(?:updated|published|posted)"
            r"(?: on| at)?\s*:?\s*[\d(]?.{0,40}$|^(?:issued|updated) on\b.*",
            _I,
        ),
    ),
    (
        "agency_credit",
        re.compile(
            r"^[(\[]?(?:with|by|from|and|—|-|–)?\s*(?:(?:agencies|afp|reuters|ap|dpa|ani|pti|ians|efe|tass)"
            r"(?:\s*(?:,|and|&)\s*(?:agencies|afp|reuters|ap|dpa|ani|pti|ians|efe|tass))*)[)\]]?\s*\.?$",
            _I,
        ),
    ),
    (
        "reporting_credit",
        re.compile(
            r"^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b.*"
            r"|^\(?(?:this|the) (?:story|article|report|interview|post|piece|conversation|transcript|content) "
            r"(?:has|had|was|is|may)(?: not)?(?: been| be| have been)? (?:edited|condensed|updated|corrected|amended"
            r"|auto-generated|generated|published|produced|syndicated|translated|lightly edited)\b.*"
            r"|^all rights reserved\b.*|^copyright\b.*|^advertisement\b.{0,40}$|^(?:skip|close|hide) (?:ad|advert)\w*$"
            r"|^sponsored(?: content)?$|^our standards\s*:.*|^this article is more than \w+ \w+ old\b.*"
            r"|^\(c\)\s*\d{4}|^(?:image|photo|media|video|picture) (?:caption|source|copyright)\b",
            _I,
        ),
    ),
    (
        "trailer",
        re.compile(r"\ball rights reserved\b|\bcontributed (?:reporting )?to this (?:report|story|article)\b", _I),
    ),
    ("url", re.compile(r"^\S*(?:https?://|www\.)\S*(?:\s.{0,120})?$", _I)),
]

# Furniture of short lines only (tried with ``match`` on lines under ``SHORT_LINE`` characters).
SHORT_LINE = 160
_CUE_WORDS = re.compile(r"\b(?:says|said|claims?|warns?|tells?|told|insists?|denies|vows?|according)\b", _I)
SHORT_PATTERNS: list[tuple[str, re.Pattern]] = [
    # bylines: "By Jane Doe, Reuters", "Interview by X", "Jane Doe | Staff writer", "Health reporter, BBC News"
    (
        "byline",
        re.compile(
            r"(?:by|(?:interview|words|text|story|report|photos?|reporting|analysis) by)\s+[A-Z][^.!?]{0,100}$"
            r"|(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.’'-]*\s*\|\s*[^|.!?]{2,60}$"
            r"|(?:[\w’'-]+\s+){0,5}(?:reporter|correspondent|editor|writer|columnist|contributor|producer|"
            r"journalist|staff|news desk)(?:\s*,\s*[\w’' &.-]{2,40})?\s*$",
            _I,
        ),
    ),
    # breadcrumbs "Home > News > World", "Home / India / ..."; "Sport | Football"; "PTI | Updated: ..."
    ("breadcrumb", re.compile(r"(?:home|news|[\w’' &-]{1,25}\s[>»›/|])\s*[>»›/|]?\s*[^.!?]{0,120}$", _I)),
    # "Listen to this article", "3 min read", "Skip to main content", press-release headers
    (
        "page_chrome",
        re.compile(
            r"(?:listen to (?:this )?(?:article|story|episode)|\d+\s*(?:min(?:ute)?s?)(?:\s+(?:read|listen))?"
            r"|skip to (?:main )?(?:content|navigation)|(?:accept|reject|manage|allow)(?: all)?(?: cookies| cookie"
            r" settings)|for immediate release|reuse this content|print this (?:page|article)|[a-z]+ —)\W*$"
            r"|SOURCE\s+[A-Z].{0,80}$|#{3}\s*$|[+(]?\d[\d() .-]{6,}\d\s*$|\S+@\S+\.\w+\s*$"
            r"|contact\b.{0,100}(?:@|\bat\s+\(?\d)|sign up\b.{0,80}\b(?:newsletters?|alerts|updates)\b",
            _I,
        ),
    ),
]
_SHORT_PREFILTERED = [(name, pat) for name, pat in SHORT_PATTERNS]
_HOME_CRUMB = re.compile(r"home\s*[>»›/|]\s*\w", _I)
# a breadcrumb needs separators
_BREADCRUMB_SEP = re.compile(r"\s[>»›/|]\s|^\w+\s*[>»›]")
# lines holding only a date/time: "Wed 6 Mar 2024 18.30 GMT", "January 5, 2024 4:12 PM GMT+1 Updated 2 hours ago"
_STAMP_WORDS = (
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september "
    "october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday am pm a.m p.m gmt utc bst cet cest est edt cst cdt ct et pt pst pdt mt ist jst aest hkt sgt "
    "updated published posted first last modified ago hour hours minute minutes min mins day days at on by "
    "read live"
)
_STAMP_TOKENS = frozenset(_STAMP_WORDS.split())
_EARLY_DIGIT = re.compile(r"\d")
_STAMP_TOKEN = re.compile(r"[A-Za-z]+(?:\.[A-Za-z])*\.?|\d+")
# "About Acme Corp": the boilerplate paragraph of a press release follows
_ABOUT = re.compile(r"^About\s+((?:[A-Z0-9][\w&.,’'-]*\s*){1,6})$")
# "Image caption," alone: the next line is the caption
_CAPTION_LABEL = re.compile(r"^(?:image|photo|media|video|picture) caption\s*[,:]?\s*$", _I)


def _is_stamp(raw: str) -> bool:
    toks = _STAMP_TOKEN.findall(raw)
    if not toks or not any(t.isdigit() for t in toks):
        return False
    return all(t.isdigit() or t.lower().rstrip(".") in _STAMP_TOKENS for t in toks)


def _short_furniture(raw: str) -> str | None:
    if len(raw) > SHORT_LINE:
        return None
    if raw[-1] in '.!?"”’':
        # a sentence: only contact and sign-up lines among the short-line rules end like one
        low = raw.lower()
        if "contact" not in low and "sign up" not in low and "@" not in low:
            return None
    if _EARLY_DIGIT.search(raw, 0, 16) and _is_stamp(raw):
        return "timestamp"
    if _HOME_CRUMB.match(raw):
        return "breadcrumb"
    if _CUE_WORDS.search(raw):
        return None  # "By Tuesday the minister said ...", "Minister says X | World"
    for name, pat in _SHORT_PREFILTERED:
        if pat.match(raw) and (name != "breadcrumb" or _BREADCRUMB_SEP.search(raw)):
            return name
    return None


# Cheap str prefilters: a pattern not anchored at the line start can only match when one of these
# lower-case substrings occurs in the line (checked before running the regex).
PREFILTER: dict[str, tuple[str, ...]] = {
    "app_promo": ("app", "google play"),
    "consent": ("sign", "subscri", "newsletter", "privacy", "cookie", "consented", "terms", "personalis", "advertis"),
    "comments_prompt": ("comment", "leave a", "share your", "join the", "have your say"),
    "credit": (
        "©",
        "℗",
        "photo",
        "image",
        "picture",
        "video",
        "credit",
        "getty",
        "shutterstock",
        "alamy",
        "reuters/",
        "afp/",
        "ap photo",
        "afp via",
    ),
    "teaser_line": ("[",),
    "teaser_prefix": (":", "|"),
    "trailer": ("rights reserved", "contributed"),
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
    caption_next = False
    about: str | None = None
    for ln in lines:
        raw = text[ln.start : ln.end].strip()
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
        if reason is None and caption_next and len(raw) < 240:
            reason = "caption"
        caption_next = reason is not None and _CAPTION_LABEL.match(raw) is not None
        if reason is None and about is not None:
            if raw.startswith(about):
                reason = "about_block"
            about = None
        if reason is None:
            reason = _short_furniture(raw)
            am = _ABOUT.match(raw) if reason is None else None
            if am:
                reason, about = "about_header", am.group(1).split()[0]
        if reason == "teaser_header" or reason == "source_trailer" and raw.endswith(":"):
            teaser_block = True
        elif reason is None and teaser_block and not _SENTENCE_END.search(raw) and len(raw) < 160:
            reason = "teaser_line"  # un-tagged headline links under a teaser header
        else:
            teaser_block = reason in ("teaser_line", "teaser_prefix")
        if reason is None and _LABEL.match(raw) and not any(c.isdigit() for c in raw):
            reason = "label"  # one- or two-word section labels / bylines
        if reason == "credit" and prev_content is not None and prev_content.furniture is None:
            # the caption is often duplicated just above the credited copy
            a, b = _words(text[prev_content.start : prev_content.end]), _words(raw)
            if a and len(a & b) >= 0.6 * len(a):
                prev_content.furniture = "caption"
        ln.furniture = reason
        prev_content = ln
    return lines


# ------------------------------------------------------------------------------------- datelines
_MONTH_DATE = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:,?\s+\d{4})?"
)
_AGENCY = r"(?:\((?:[A-Z][\w.&]*(?:[ -][A-Z][\w.&]*){0,3})\)|/[A-Za-z][\w ]{1,24}/)"
_CITY = r"[A-Z][A-Z.’'-]{2,}(?:\s+[A-Z][A-Z.’'-]+){0,3}(?:,\s+[A-Z][\w.’'-]*\.?(?:\s+[A-Z][\w.’'-]*\.?)?){0,2}"
_TCITY = r"[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,2}(?:,\s+[A-Z][\w.’'-]*\.?){0,2}"
# "KYIV, Jan 5 (Reuters) - ", "WASHINGTON (AP) — ", "Feb 8 (Reuters) - ", "NEW DELHI: ", "LONDON — ",
# "SPRINGFIELD, Ore., April 2, 2024 /PRNewswire/ -- ", "Kyiv, Jan 5 (Reuters) - "
DATELINE = re.compile(
    r"\s*(?:"
    rf"{_CITY}(?:,?\s*{_MONTH_DATE})?\s*(?:{_AGENCY}\s*)?(?:-{{1,2}}|[—–])\s+"
    rf"|(?P<colon>{_CITY}(?:,?\s*{_MONTH_DATE})?\s*(?:{_AGENCY}\s*)?:\s+)"
    rf"|(?:{_TCITY},?\s*)?(?:{_MONTH_DATE}\s*)?{_AGENCY}\s*(?:-{{1,2}}|[—–:])\s+"
    rf"|{_MONTH_DATE}\s*(?:-{{1,2}}|[—–])\s+"
    r")(?=[\w“\"‘'(])"
)


def dateline_end(text: str, start: int, end: int, colon: bool = True) -> int:
    """End of a news dateline opening ``text[start:end]`` ("KYIV, Jan 5 (Reuters) - "), else ``start``.

    ``colon=False`` refuses the "NEW DELHI: " form (in transcripts "SMITH: " is a speaker)."""
    m = DATELINE.match(text, start, end)
    if m is None or m.end() >= end or not colon and m.group("colon"):
        return start
    return m.end()
