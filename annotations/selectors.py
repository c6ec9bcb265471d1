"""Reads for labels: progress, what an annotator may see, the reviewer queue and a claim's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from annotations.models import Adjudication, Annotation
from annotations.roles import is_reviewer
from claims.models import Claim, ClaimStatus


@dataclass(frozen=True)
class Progress:
    labelled: int
    remaining: int
    today: int


def annotator_progress(*, user) -> Progress:
    mine = Annotation.objects.filter(annotator=user)
    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    labelled_by_me = Annotation.objects.filter(claim=OuterRef("pk"), annotator=user)
    remaining = (
        Claim.objects.filter(is_flagged_not_claim=False, label_count__lt=settings.LABELS_PER_CLAIM)
        .exclude(status=ClaimStatus.ADJUDICATED)
        .filter(~Exists(labelled_by_me))
        .count()
    )
    return Progress(labelled=mine.count(), remaining=remaining, today=mine.filter(updated_at__gte=start_of_day).count())


def annotations_visible_to(*, user, claim: Claim) -> QuerySet[Annotation]:
    """Blind labelling: others' verdicts only for reviewers, or for an annotator once they have labelled it."""
    labels = Annotation.objects.filter(claim=claim).select_related("annotator").order_by("created_at")
    if is_reviewer(user) or labels.filter(annotator=user).exists():
        return labels
    return labels.filter(annotator=user)


def annotation_of(*, user, claim: Claim) -> Annotation | None:
    return Annotation.objects.filter(claim=claim, annotator=user).first()


def claims_for_adjudication() -> QuerySet[Claim]:
    return (
        Claim.objects.filter(status=ClaimStatus.CONFLICTING)
        .select_related("article", "source")
        .prefetch_related("annotations__annotator")
        .order_by("article_id", "position")
    )


@dataclass(frozen=True)
class HistoryEvent:
    when: datetime
    who: str
    what: str  # "label", "adjudication", "claim"
    action: str  # "created", "changed", "deleted"
    changes: dict  # field -> (before, after)


_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def _events(records, what: str, fields: list[str]) -> list[HistoryEvent]:
    events = []
    previous_by_object: dict[int, object] = {}
    for record in records:
        before = previous_by_object.get(record.id)
        changes = {}
        for field in fields:
            old = getattr(before, field, None) if before is not None else None
            new = getattr(record, field, None)
            if record.history_type == "-":
                new = None
            if old != new:
                changes[field] = (_show(old), _show(new))
        previous_by_object[record.id] = record
        who = record.history_user.get_username() if record.history_user else "system"
        events.append(HistoryEvent(record.history_date, who, what, _ACTIONS[record.history_type], changes))
    return events


def _show(value):
    if value is None or value == "":
        return "—"
    return str(value)


def claim_history(*, claim: Claim) -> list[HistoryEvent]:
    """Every change to the claim, its labels and its adjudication, oldest first, with before and after."""
    labels = (
        Annotation.history.filter(claim_id=claim.pk)
        .select_related("history_user", "annotator")
        .order_by("history_date", "history_id")
    )
    label_events = _events(labels, "label", ["annotator", "verdict", "note", "evidence_url"])
    adjudications = (
        Adjudication.history.filter(claim_id=claim.pk)
        .select_related("history_user", "reviewer")
        .order_by("history_date", "history_id")
    )
    adjudication_events = _events(adjudications, "adjudication", ["reviewer", "verdict", "rationale"])
    claim_records = (
        Claim.history.filter(id=claim.pk)
        .select_related("history_user", "source")
        .order_by("history_date", "history_id")
    )
    claim_events = _events(claim_records, "claim", ["text", "source", "source_mention", "is_flagged_not_claim"])
    return sorted(label_events + adjudication_events + claim_events, key=lambda e: e.when)
