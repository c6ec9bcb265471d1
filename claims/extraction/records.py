"""Value types shared by the extraction stages (pure Python, no Django)."""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE_KINDS = ("person", "organisation", "government", "military", "media", "unknown")


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """One statement the article attributes to a source.

    ``text`` is always ``article[start:end]``: the attributed content without the surrounding
    quotation marks and without trailing ``, ; : .`` (a final ``?``/``!``/``…`` is kept).
    """

    text: str
    start: int
    end: int
    source: str | None
    source_mention: str
    source_kind: str
    cue: str
    is_direct_quote: bool
    confidence: float
    position: int = 0
    rule_id: str = ""  # the attribution rule that made the claim (``rules.RULES``)


@dataclass(slots=True)
class Line:
    """A physical line of the article (line breaks are hard boundaries)."""

    index: int
    start: int
    end: int  # exclusive, line terminator not included
    furniture: str | None = None  # reason when the boilerplate filter dropped it


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    line: int


@dataclass(slots=True)
class Attribution:
    """Output of an attributor, before speaker resolution (all offsets absolute)."""

    start: int  # content span
    end: int
    mention: str  # source as written ("" when the source is carried over)
    mention_start: int
    cue: str
    cue_kind: str  # "speech", "belief", "report", "according", "noun", "headline", "carry"
    line: int
    direct: bool = False
    inherited_from: int | None = None  # index of the attribution whose source this one repeats
    rule_id: str = ""
    extra: dict = field(default_factory=dict)
