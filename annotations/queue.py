"""Which claims still take labels: the one definition, used by the review queue (annotations.services), each
annotator's progress counts (annotations.selectors) and the pages that say whether a claim is still open."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q

from claims.models import ClaimStatus


def takes_labels() -> Q:
    """A claim takes labels while nobody flagged it as not a claim, it has fewer than LABELS_PER_CLAIM and no reviewer
    has adjudicated it."""
    return Q(is_flagged_not_claim=False, label_count__lt=settings.LABELS_PER_CLAIM) & ~Q(status=ClaimStatus.ADJUDICATED)


def claim_takes_labels(claim) -> bool:
    """takes_labels() for one claim already in memory."""
    return (
        not claim.is_flagged_not_claim
        and claim.label_count < settings.LABELS_PER_CLAIM
        and claim.status != ClaimStatus.ADJUDICATED
    )
