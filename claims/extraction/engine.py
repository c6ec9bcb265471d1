"""The rule engine: rules and vetoes as named data, an explicit priority table and a swappable overlap policy.

Modelled on spaCy's ``SpanRuler`` (patterns as data with ids; overlaps resolved by a named filter function such as
``prioritize_new_ents_filter``) and BBC citron (one object per stage, each with its own examples).  A
:class:`Rule` says what it matches (``matches``, in words, and ``find``, the matcher), its ``priority`` (lower runs
first and wins overlaps) and the sentences it must and must not handle; ``tests/claims/extraction/test_rules.py``
runs every rule's examples.  Which rules decided what is recorded in a :class:`Trace` when one is active
(``extract_claims --explain``) and costs nothing otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .records import Attribution


@dataclass(frozen=True, slots=True)
class Example:
    """A sentence (or short text) and what the rule must make of it: fragments of the claim's content, source
    mention and cue."""

    text: str
    content: str
    source: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One attribution rule or veto.

    ``kind`` is ``"attribution"`` (makes claims) or ``"veto"`` (drops a cue candidate); ``stage`` says where the
    engine applies it: ``"cue"`` (to each cue-verb hit, vetoes then constructions in priority order, the first
    construction that answers decides), ``"sentence"``, ``"line"`` or ``"pipeline"`` (quotations across
    sentences and paragraphs).  For a veto, ``examples`` are texts where it must fire (``content`` is the cue
    fragment it drops) and ``counter_examples`` texts where the claim must still be made.
    """

    id: str
    kind: str
    stage: str
    priority: int
    matches: str
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[str, ...] = ()
    find: Callable | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Decision:
    """What one rule decided about one cue or candidate (for ``--explain``)."""

    rule_id: str
    outcome: str  # "claim", "vetoed", "no-construction", "overlap", "nested", "too-short"
    cue: str
    position: int
    detail: str = ""


class Trace:
    """Decisions collected while one article is extracted (only when asked for)."""

    def __init__(self) -> None:
        self.decisions: list[Decision] = []

    def add(self, rule_id: str, outcome: str, cue: str, position: int, detail: str = "") -> None:
        self.decisions.append(Decision(rule_id, outcome, cue, position, detail))


_TRACE: ContextVar[Trace | None] = ContextVar("claims_extraction_trace", default=None)


def active_trace() -> Trace | None:
    return _TRACE.get()


@contextmanager
def tracing() -> Iterator[Trace]:
    """Record the rules' decisions for the extraction run inside the ``with`` block."""
    trace = Trace()
    token = _TRACE.set(trace)
    try:
        yield trace
    finally:
        _TRACE.reset(token)


def note(rule_id: str, outcome: str, cue: str, position: int, detail: str = "") -> None:
    trace = _TRACE.get()
    if trace is not None:
        trace.add(rule_id, outcome, cue, position, detail)


def priority_table(rules: tuple[Rule, ...] | list[Rule]) -> tuple[Rule, ...]:
    """The rules in the order the engine applies them; ids must be unique and priorities distinct per stage."""
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise ValueError(f"duplicate rule ids: {sorted({i for i in ids if ids.count(i) > 1})}")
    keys = [(r.stage, r.priority) for r in rules]
    if len(keys) != len(set(keys)):
        raise ValueError("two rules of one stage share a priority: the order between them would be accidental")
    return tuple(sorted(rules, key=lambda r: (r.stage, r.priority)))


# ---------------------------------------------------------------------------------------- overlap policies
OverlapPolicy = Callable[[list[Attribution], dict[str, int]], tuple[list[Attribution], list[Attribution]]]


def _overlaps(a: Attribution, b: Attribution, share: float) -> bool:
    return min(a.end, b.end) - max(a.start, b.start) > share * min(a.end - a.start, b.end - b.start)


def _nested(inner: Attribution, outer: Attribution) -> bool:
    """'The mayor said the police chief told him crime had fallen': the chief's claim lies inside the mayor's, and
    the chief is named inside it before the claim — a statement reported within another, not a second reading of
    the same words.  When the outer speaker comes after its content, the inner speaker must be a short noun phrase
    (no clause swallowed as a subject), and 'Y, according to X' reads the whole sentence: its own cue stands for it.
    """
    if not (
        outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < outer.end - outer.start
        and outer.start <= inner.mention_start < inner.start
    ):
        return False
    return outer.mention_start < outer.start or (
        outer.cue_kind != "according" and "," not in inner.mention and len(inner.mention.split()) <= 5
    )


def prioritize_higher_rules(
    candidates: list[Attribution], priorities: dict[str, int], share: float = 0.6
) -> tuple[list[Attribution], list[Attribution]]:
    """Keep a candidate unless it overlaps (by more than ``share`` of the shorter span) one kept before it, and is
    not a statement nested in that one's content with its own speaker named there (:func:`_nested`).

    Candidates are taken by their rule's priority, then in the order they were found (reading order for cue
    verbs), so a cue verb's own analysis beats a noun cue or "according to" read over the same words.
    """
    order = sorted(range(len(candidates)), key=lambda i: (priorities.get(candidates[i].rule_id, 999), i))
    kept: list[Attribution] = []
    dropped: list[Attribution] = []
    for i in order:
        c = candidates[i]
        if any(_overlaps(c, k, share) and not _nested(c, k) and not _nested(k, c) for k in kept):
            dropped.append(c)
        else:
            kept.append(c)
    kept.sort(key=lambda c: candidates.index(c))
    return kept, dropped


def prioritize_longer_spans(
    candidates: list[Attribution], priorities: dict[str, int], share: float = 0.6
) -> tuple[list[Attribution], list[Attribution]]:
    """Like spaCy's ``filter_spans``: the longest span wins an overlap, ties go to the higher-priority rule."""
    order = sorted(
        range(len(candidates)),
        key=lambda i: (-(candidates[i].end - candidates[i].start), priorities.get(candidates[i].rule_id, 999), i),
    )
    kept: list[Attribution] = []
    dropped: list[Attribution] = []
    for i in order:
        c = candidates[i]
        (dropped if any(_overlaps(c, k, share) for k in kept) else kept).append(c)
    kept.sort(key=lambda c: candidates.index(c))
    return kept, dropped
