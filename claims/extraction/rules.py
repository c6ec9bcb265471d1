"""Every attribution rule and veto of the extractor, in the order the engine applies them (one table, by stage)."""

from __future__ import annotations

from .attribution import CUE_RULES, LINE_RULES, SENTENCE_RULES
from .engine import Rule, priority_table
from .pipeline import PIPELINE_RULES

RULES: tuple[Rule, ...] = priority_table([*CUE_RULES, *SENTENCE_RULES, *LINE_RULES, *PIPELINE_RULES])
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
