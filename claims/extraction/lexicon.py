"""Attribution and speaker lexicons: the DATA of the rule-based extractor.

Extend the tables here; the regexes used by the stages are compiled from them once at import.

* ``CUE_VERBS``: lemma -> (inflections, class).  Classes give the base confidence and the way
  the content is found: "speech" (say, tell, claim...), "belief" (believe, estimate, expect...),
  "report" (report, find, show: documents and studies).
* ``CUE_PHRASES``: multi-word verbal cues ("point out", "make clear").
* ``NOUN_CUES``: "X's claim that Y", "the ministry's assessment that Y".
* ``RECIPIENTS``: what may follow "told"/"assured" before the content ("told reporters").
* titles, honorifics and entity-kind lexicons used by speaker resolution.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path


def _wordlist(words: str) -> list[str]:
    return words.split()


_DATA = Path(__file__).with_name("data")
CUE_CLASSES = frozenset({"speech", "belief", "report"})
_ENTRY = re.compile(r"[^\s#](?:[^\t#]*[^\s#])?")


def _entries(name: str) -> list[tuple[int, str]]:
    """Non-comment lines of a data file, each validated: lower case, single spaces, no stray whitespace."""
    out = []
    for n, raw in enumerate((_DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("#") else ""
        if not line:
            continue
        if line != line.lower() or "  " in line or line != line.strip():
            raise ValueError(f"{name}:{n}: entries are lower case with single spaces: {raw!r}")
        out.append((n, line))
    return out


@cache
def load_words(name: str) -> frozenset[str]:
    """A word list (one entry a line; a multi-word entry such as "new delhi" is one entry), loaded once."""
    seen: dict[str, int] = {}
    for n, line in _entries(name):
        if "\t" in line:
            raise ValueError(f"{name}:{n}: a word list has one column: {line!r}")
        if line in seen:
            raise ValueError(f"{name}:{n}: {line!r} repeats line {seen[line]}")
        seen[line] = n
    return frozenset(seen)


@cache
def load_table(name: str, *, columns: int, classes: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table whose second column is a class from ``classes``; first column unique."""
    rows, seen = [], set()
    for n, line in _entries(name):
        row = tuple(line.split("\t"))
        if len(row) != columns or row[1] not in classes or row[0] in seen:
            raise ValueError(f"{name}:{n}: expected {columns} columns, a class in {sorted(classes)}, a new key")
        seen.add(row[0])
        rows.append(row)
    return tuple(rows)


# ---------------------------------------------------------------------------------- cue verbs
# lemma: (space-separated inflections, class)
CUE_VERBS: dict[str, tuple[str, str]] = {
    row[0]: (row[2], row[1]) for row in load_table("cue_verbs.tsv", columns=3, classes=CUE_CLASSES)
}

# verbs that only count when the content follows a colon or a quotation ("continued: '...'")
COLON_ONLY = load_words("colon_only.txt")
# verbs that only count before a colon or a quotation, or after one ('"Y," read the email'): the words of a sign
QUOTE_ONLY = load_words("quote_only.txt")
# verbs whose object is usually a noun phrase, not a statement: need "that", a colon, a quote, or "to"
NEEDS_COMPLEMENTIZER = load_words("needs_complementizer.txt")
# verbs that may take "to"-infinitive content ("claimed to have taken", "vowed to deliver")
TAKES_INFINITIVE = load_words("takes_infinitive.txt")
# verbs of wanting and planning: their to-infinitive is an intention the source states ("wants to close the depot")
INTENTION_VERBS = load_words("intention_verbs.txt")
# verbs that take a recipient before the content ("told reporters that", "assured them that")
TAKES_RECIPIENT = load_words("takes_recipient.txt")

LEMMA_OF: dict[str, str] = {}
CLASS_OF: dict[str, str] = {}
for _lemma, (_forms, _cls) in CUE_VERBS.items():
    for _f in _forms.split():
        LEMMA_OF[_f] = _lemma
        CLASS_OF[_f] = _cls

CUE_PHRASES = {row[0]: row[1] for row in load_table("cue_phrases.tsv", columns=2, classes=CUE_CLASSES)}

# verbs whose noun-phrase object is the content ("criticized the deal", "called for a ban"): form -> lemma
OBJECT_CUE_CLASSES = frozenset({"stance", "position", "report", "topic", "statement"})
OBJECT_CUES: dict[str, str] = {
    form: row[0]
    for row in load_table("object_cues.tsv", columns=3, classes=OBJECT_CUE_CLASSES)
    for form in row[2].split(", ")
}

# --------------------------------------------------------------------------------- noun cues
NOUN_CUES = sorted(load_words("noun_cues.txt"))

# cues whose content the source doubts rather than asserts: "expressed doubt that Y" is no claim of Y
NEGATIVE_CUES = load_words("negative_cues.txt")
# verbs whose content may be a gerund: "denied misleading investors"
TAKES_GERUND = frozenset(
    {"deny", "admit", "acknowledge", "recall", "mention", "suggest", "propose", "regret", "report"}
)  # "reported raising $9 million"
# verbs whose object is asked to act: "urged drivers to avoid the motorway"
TAKES_OBJECT_INFINITIVE = frozenset(
    {"urge", "encourage", "advise", "implore", "warn", "tell", "call on", "calls on", "called on", "ask"}
)

# "according to plan": idioms, not sources
ACCORDING_NOT_SOURCES = load_words("according_not_sources.txt")

# "according to X", "as X put it", "in the words of X", "citing X"
ACCORDING_RE = re.compile(
    r"\b(?:according to|as (?=\w+(?: \w+){0,4} (?:puts? it|noted|notes|said|says))|"
    r"in the words of)\s+",
    re.IGNORECASE,
)

# things allowed between the cue and the content (time, channel, recipient)
RECIPIENTS = (
    r"reporters|journalists|the press|the media|lawmakers|parliament|legislators|senators|supporters|"
    r"the crowd|a crowd|an audience|the audience|the court|the jury|the committee|the conference|"
    r"analysts|investors|officers|investigators|detectives|deputies|agents|police|paramedics|shareholders|employees|staff|workers|residents|students|parents|viewers|listeners|"
    r"readers|delegates|members|colleagues|donors|voters|fans|followers|officials|diplomats|"
    r"a (?:news|press) conference|the (?:news|press) conference|a briefing|a news briefing|a press briefing|"
    r"(?:the |a )?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,2})?"  # "Ana Ruiz of the Daily Mail"
    r"|him|her|them|us|me|you|his \w+|her \w+|their \w+|"
    r"the [a-z]+(?: [a-z]+)?|(?:host|anchor|moderator|interviewer|radio host|talk show host)\s+[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*){0,3}"
)

TIME_WORDS = (
    r"(?:on |late |early |last |this |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?: (?:morning|afternoon|evening|night))?|yesterday|today|tonight|last (?:week|month|year|night)|"
    r"this (?:week|month|year|morning|afternoon|evening)|earlier|later|recently|previously|again|also|"
    r"repeatedly|separately|publicly|privately|then|now|already|once|on (?:\w+ )?\d{1,2}(?:st|nd|rd|th)?|"
    r"on (?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?: \d{1,2}(?:st|nd|rd|th)?)?(?:, \d{4})?|in (?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)|overnight|late|early"
)

# ------------------------------------------------------------------------------- speakers
HONORIFICS = load_words("honorifics.txt")

# head nouns of person roles ("Kremlin spokesman", "governor of Donetsk", "White House communications director")
PERSON_TITLES = load_words("person_titles.txt")
HEAD_OF_STATE = load_words("head_of_state.txt")

PRONOUNS = {
    "he": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "them": "p",
    "it": "n",
    "we": "p",
    "i": "s",
    "you": "s",
}

MEDIA = load_words("media.txt")
MEDIA_WORDS = load_words("media_words.txt")
MILITARY_WORDS = load_words("military_words.txt")
GOVERNMENT_WORDS = load_words("government_words.txt")
ORG_WORDS = load_words("org_words.txt")
# Capital cities and countries used metonymically for governments ("Moscow said", "Kyiv denied")
COUNTRIES_CAPITALS = load_words("countries_capitals.txt")

NATIONALITIES = load_words("nationalities.txt")

DETERMINERS = load_words("determiners.txt")
