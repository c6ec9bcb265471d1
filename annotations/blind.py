"""Blind labelling: the one policy on who may see which label and verdict, and who may still label a claim.

Every page, API view, filter, serializer and export asks this module; none decides it alone. The rules:
- reviewers and admins see every label (names, verdicts, notes) and every claim's consensus;
- an annotator sees other annotators' names and verdicts nowhere, and a claim's consensus (status, verdict,
  label count) only once they have labelled it;
- an annotator cannot label a claim a reviewer has settled, or add or change a label once the claim has all its
  labels (its status would tell them how the others voted); nobody labels a claim flagged as not a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from annotations.models import Annotation
from claims.models import Claim, ClaimStatus
from core.roles import is_reviewer

FLAGGED = "This text is flagged as not a claim; it takes no verdicts."
SETTLED = "A reviewer has settled this claim, so it takes no more labels."
COMPLETE = "This claim has all its labels, so they are locked; a reviewer settles it now."


def sees_all_labels(user) -> bool:
    """Others' labels (names, verdicts, notes) and every consensus: reviewers and admins only."""
    return is_reviewer(user)


def sees_consensus(user, *, labelled_by_me: bool) -> bool:
    return sees_all_labels(user) or labelled_by_me


def lock_reason(user, *, claim: Claim, labelled_by_me: bool) -> str:
    """Why this user cannot give or change a label on this claim now ("" when they can)."""
    if claim.is_flagged_not_claim:
        return FLAGGED
    if sees_all_labels(user):
        # Reviewers may correct their own label on a full claim; they settle conflicts by adjudicating.
        full = not labelled_by_me and claim.label_count >= settings.LABELS_PER_CLAIM
        return COMPLETE if full else ""
    if claim.status == ClaimStatus.ADJUDICATED:
        return SETTLED
    if claim.label_count >= settings.LABELS_PER_CLAIM:
        return COMPLETE
    return ""


@dataclass(frozen=True)
class ClaimAccess:
    """What one user may see and do on one claim, for pages that show it."""

    sees_others: bool
    sees_consensus: bool
    lock_reason: str

    @property
    def locked(self) -> bool:
        return bool(self.lock_reason)


def claim_access(user, *, claim: Claim, labelled_by_me: bool) -> ClaimAccess:
    return ClaimAccess(
        sees_others=sees_all_labels(user),
        sees_consensus=sees_consensus(user, labelled_by_me=labelled_by_me),
        lock_reason=lock_reason(user, claim=claim, labelled_by_me=labelled_by_me),
    )


def labels_visible(user, labels: QuerySet) -> QuerySet:
    """Narrow a queryset of Annotation to what this user may see: all for reviewers, their own for anyone else."""
    return labels if sees_all_labels(user) else labels.filter(annotator=user)


def claims_with_consensus_visible(user, claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Narrow claims (filtered by a consensus field) to those whose consensus this user may see."""
    if sees_all_labels(user):
        return claims
    return claims.filter(Exists(Annotation.objects.filter(claim=OuterRef("pk"), annotator=user)))
