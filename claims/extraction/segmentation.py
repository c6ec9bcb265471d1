"""Stage 1: lines and sentences.

Line breaks (``\\n``, ``\\r\\n``, ``\\r``, U+2028/2029) are hard boundaries; each line is split into
sentences on its own by nupunkt's pre-trained Punkt model, loaded once (lazy module singleton) and
extended with titles and military ranks ("Lt.", "Gen.", "Col.", "Sgt." ...).  Offsets are absolute
indices into the article string.
"""

from __future__ import annotations

import re
import threading

from .records import Line, Sentence

EXTRA_ABBREVIATIONS = (
    # military ranks and titles
    "lt",
    "gen",
    "col",
    "sgt",
    "maj",
    "capt",
    "cpl",
    "pvt",
    "brig",
    "adm",
    "cmdr",
    "cmdt",
    "lt. col",
    "lt. gen",
    "maj. gen",
    "brig. gen",
    "col. gen",
    "sgt. maj",
    "spc",
    "pfc",
    "ens",
    "cdr",
    "insp",
    "supt",
    "det",
    "const",
    "cllr",
    "rep",
    "sen",
    "gov",
    "pres",
    "amb",
    "sec",
    "atty",
    "hon",
    "rev",
    "fr",
    "prof",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "messrs",
    "mme",
    "mlle",
    "jr",
    "sr",
    # dates and misc.
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "vs",
    "approx",
    "est",
    "dept",
    "corp",
    "inc",
    "ltd",
    "co",
    "bros",
)

_LINE_RE = re.compile(r"[^\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]*")
_tokenizer = None
_lock = threading.Lock()


def get_tokenizer():
    """The shared nupunkt tokenizer (own instance, so our abbreviations don't leak into nupunkt.load)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from nupunkt.models import load_default_model

                tok = load_default_model()
                tok.add_abbreviations(list(EXTRA_ABBREVIATIONS))
                _tokenizer = tok
    return _tokenizer


def split_lines(text: str) -> list[Line]:
    """Physical lines with absolute offsets (terminators excluded, empty lines kept)."""
    lines = []
    pos = 0
    n = len(text)
    while pos <= n:
        m = _LINE_RE.match(text, pos)
        end = m.end()
        lines.append(Line(len(lines), pos, end))
        if end >= n:
            break
        pos = end + (2 if text.startswith("\r\n", end) else 1)
    return lines


_WS_LEFT = re.compile(r"\s*")
# "then-Sen. Barack Obama", "ex-Gov. Mitt Romney": the splitter does not know a title after a hyphen
_PREFIXED_TITLE_END = re.compile(
    r"\b(?:then|ex)-(?:Rep|Sen|Gov|Pres|Amb|Sec|Atty|Gen|Lt|Col|Maj|Capt|Adm|Sgt)\.\s*$", re.IGNORECASE
)
# a fragment that continues the previous sentence: lower-case start or a dangling closing quote
_CONTINUATION = re.compile(r"[\"”’»)\]]*\s*[a-z]")
# '"We need it NOW!" Trump said.': a short attribution tail after a quote closed by ?/!
_ATTRIBUTION_TAIL = re.compile(
    r"[\"”’»]*\s*(?:[\w.’'-]+\s+){1,5}?(?:said|says|asked|added|told|wrote|replied|"
    r"shouted|tweeted|continued|explained|insisted|declared|exclaimed)\b[^.!?]{0,80}[.!?]?$"
)
_QUOTE_CLOSE = re.compile(r"[?!](?:[\"”’»]|'')\s*$")
# '"... are missing." Trump said.': the same after a quotation closed by a period, with a stricter tail
# (the speaker, the verb, then at most a few words: "Trump said on Monday.", "she told reporters.")
_TAIL_WORDS = (
    r"on|in|at|to|during|after|before|with|the|a|an|his|her|their|its|[A-Z][\w’'.-]*|reporters|journalists|"
    r"supporters|voters|lawmakers|morning|afternoon|evening|night|week|month|yesterday|today|later|earlier|"
    r"again|interview|statement|conference|briefing|rally|event|speech|host|hosts|audience|crowd"
)
_PERIOD_QUOTE_CLOSE = re.compile(r"\.(?:[\"”’»]|'')\s*$")
_SHORT_ATTRIBUTION_TAIL = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,4}?(?:said|says|added|told|wrote|replied|tweeted|"
    r"continued|explained|insisted|declared)(?:\s+(?:" + _TAIL_WORDS + r"))*\s*[.!?]$"
)


def split_sentences(text: str, line: Line) -> list[Sentence]:
    """Sentences of one line, trimmed of surrounding whitespace."""
    seg = text[line.start : line.end]
    if not seg.strip():
        return []
    spans = list(get_tokenizer().span_tokenize(seg))
    merged: list[list[int]] = []
    for s, e in spans:
        # keep '"Why?" he asked.' together: Punkt may split after ?/! followed by a lower-case word
        if merged and (
            _CONTINUATION.match(seg, s)
            and seg[merged[-1][1] - 1] in '?!"”’'
            or _QUOTE_CLOSE.search(seg, merged[-1][0], merged[-1][1])
            and _ATTRIBUTION_TAIL.match(seg, s, e)
            or _PERIOD_QUOTE_CLOSE.search(seg, merged[-1][0], merged[-1][1])
            and _SHORT_ATTRIBUTION_TAIL.match(seg, s, e)
            or _PREFIXED_TITLE_END.search(seg, merged[-1][0], merged[-1][1])
        ):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    out = []
    for s, e in merged:
        s = _WS_LEFT.match(seg, s).end()
        while e > s and seg[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(line.start + s, line.start + e, line.index))
    return out
