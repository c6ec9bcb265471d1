"""Why the extractor made each claim and dropped each cue candidate (``extract_claims --explain``)."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import Decision, tracing
from .pipeline import extract_claims
from .records import ExtractedClaim
from .rules import RULES_BY_ID


@dataclass(frozen=True, slots=True)
class Explanation:
    claims: list[ExtractedClaim]
    dropped: list[Decision]  # cue candidates and candidate claims a veto, the overlap policy or a rule dropped


def explain(text: str) -> Explanation:
    with tracing() as trace:
        claims = extract_claims(text)
    return Explanation(claims, list(trace.decisions))


def describe(rule_id: str) -> str:
    rule = RULES_BY_ID.get(rule_id)
    return f"{rule_id} ({rule.matches})" if rule else rule_id


def explanation_lines(text: str) -> list[str]:
    """Plain-text report: each claim with the rule that made it, then each dropped candidate with what decided."""
    ex = explain(text)
    lines = [f"{len(ex.claims)} claims"]
    for c in ex.claims:
        lines.append(f"  claim {c.start}-{c.end} {c.text[:80]!r}")
        lines.append(f"    source {c.source or '?'!r} (as written {c.source_mention!r}), cue {c.cue!r}")
        lines.append(f"    rule {describe(c.rule_id)}")
    lines.append(f"{len(ex.dropped)} dropped candidates")
    for d in ex.dropped:
        what = f" {d.detail[:60]!r}" if d.detail else ""
        lines.append(f"  dropped cue {d.cue!r} at {d.position}: {d.outcome} by {describe(d.rule_id)}{what}")
    return lines
