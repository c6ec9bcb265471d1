"""How a claim's derived state follows from its labels and its adjudication: the one rule, in plain Python.

`annotations.services.claim_refresh_consensus` stores it and `check_consensus` compares stored claims with it;
nothing else decides a claim's status, consensus verdict or label count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.models import ClaimStatus


@dataclass(frozen=True)
class Consensus:
    label_count: int
    status: str
    verdict: str  # "" until agreed or adjudicated


def derive(*, verdicts: Sequence[str], adjudicated: str | None, labels_per_claim: int) -> Consensus:
    """An adjudication settles the claim; else labels agree once all `labels_per_claim` are in and alike."""
    count = len(verdicts)
    if adjudicated:
        return Consensus(count, ClaimStatus.ADJUDICATED, adjudicated)
    if not verdicts:
        return Consensus(0, ClaimStatus.UNLABELLED, "")
    if len(set(verdicts)) > 1:
        return Consensus(count, ClaimStatus.CONFLICTING, "")
    if count >= labels_per_claim:
        return Consensus(count, ClaimStatus.AGREED, verdicts[0])
    return Consensus(count, ClaimStatus.IN_PROGRESS, "")
