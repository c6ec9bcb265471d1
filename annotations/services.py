"""Writes for labels: the review queue, submitting and undoing verdicts, adjudication. All in transactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from annotations.models import Adjudication, Annotation, ClaimReservation, ClaimSkip, Verdict
from claims.models import Claim, ClaimStatus
from claims.services import claim_touch
from core.roles import is_admin, is_annotator, is_reviewer

_http_url = URLValidator(schemes=["http", "https"])
MAX_NOTE_LENGTH = 5000


@dataclass(frozen=True)
class SubmitResult:
    annotation: Annotation
    created: bool
    changed: bool


def claim_refresh_consensus(*, claim: Claim) -> Claim:
    """Recompute a claim's label count, status and consensus verdict from its labels and adjudication."""
    verdicts = list(Annotation.objects.filter(claim_id=claim.pk).values_list("verdict", flat=True))
    adjudicated = Adjudication.objects.filter(claim_id=claim.pk).values_list("verdict", flat=True).first()
    if adjudicated:
        status, consensus = ClaimStatus.ADJUDICATED, adjudicated
    elif not verdicts:
        status, consensus = ClaimStatus.UNLABELLED, ""
    elif len(set(verdicts)) > 1:
        status, consensus = ClaimStatus.CONFLICTING, ""
    elif len(verdicts) >= settings.LABELS_PER_CLAIM:
        status, consensus = ClaimStatus.AGREED, verdicts[0]
    else:
        status, consensus = ClaimStatus.IN_PROGRESS, ""
    # update() rather than save(): derived columns change no history.
    Claim.objects.filter(pk=claim.pk).update(label_count=len(verdicts), status=status, consensus_verdict=consensus)
    # Every caller changed a label or the adjudication: the claim changed for incremental exports.
    claim_touch(claim_id=claim.pk)
    claim.label_count, claim.status, claim.consensus_verdict = len(verdicts), status, consensus
    return claim


def _validate_label(*, verdict: str, note: str, evidence_url: str) -> None:
    errors = {}
    if verdict not in Verdict.values:
        errors["verdict"] = f"Choose one of: {', '.join(Verdict.values)}."
    if len(note) > MAX_NOTE_LENGTH:
        errors["note"] = f"Keep the note under {MAX_NOTE_LENGTH} characters."
    if "\x00" in note:
        errors["note"] = "The note contains NUL bytes."
    if evidence_url:
        try:
            _http_url(evidence_url)
        except ValidationError:
            errors["evidence_url"] = "Enter a valid http or https URL."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def annotation_submit(
    *,
    claim: Claim,
    annotator,
    verdict: str,
    note: str = "",
    evidence_url: str = "",
    seconds_spent: float | None = None,
) -> SubmitResult:
    """Record or update this annotator's verdict on a claim. Sending the same label twice records it once."""
    if not is_annotator(annotator):
        raise PermissionDenied("Only annotators can label claims.")
    note, evidence_url = (note or "").strip(), (evidence_url or "").strip()
    _validate_label(verdict=verdict, note=note, evidence_url=evidence_url)
    # Lock the claim so concurrent labels on it are counted one after the other.
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    if claim.is_flagged_not_claim:
        raise ValidationError({"claim": "This text is flagged as not a claim; it takes no verdicts."})
    annotation = Annotation.objects.filter(claim=claim, annotator=annotator).first()
    if annotation is None:
        if Annotation.objects.filter(claim=claim).count() >= settings.LABELS_PER_CLAIM:
            raise ValidationError(
                {"claim": f"This claim already has its {settings.LABELS_PER_CLAIM} labels; a reviewer takes it now."}
            )
        annotation = Annotation(claim=claim, annotator=annotator)
        created = changed = True
    else:
        created = False
        changed = (annotation.verdict, annotation.note, annotation.evidence_url) != (verdict, note, evidence_url)
        if changed:
            _refuse_change_once_complete(claim=claim, user=annotator)
    if changed:
        annotation.verdict, annotation.note, annotation.evidence_url = verdict, note, evidence_url
        if seconds_spent is not None and seconds_spent >= 0:
            annotation.seconds_spent = min(float(seconds_spent), 24 * 3600.0)
        annotation._history_user = annotator
        annotation.save()
        claim_refresh_consensus(claim=claim)
    ClaimReservation.objects.filter(claim=claim, annotator=annotator).delete()
    ClaimSkip.objects.filter(claim=claim, annotator=annotator).delete()
    return SubmitResult(annotation=annotation, created=created, changed=changed)


def _refuse_change_once_complete(*, claim: Claim, user) -> None:
    """Blind labelling: once a claim has all its labels, its status tells an annotator how the others voted, so
    they may no longer change or take back their own label (a reviewer settles it instead)."""
    if is_reviewer(user):
        return
    if Annotation.objects.filter(claim=claim).count() >= settings.LABELS_PER_CLAIM:
        raise ValidationError(
            {"claim": "This claim has all its labels, so they are locked; a reviewer can still change the outcome."}
        )


@transaction.atomic
def annotation_undo_last(*, annotator) -> Claim | None:
    """Remove this annotator's most recent label (kept in history) and hand its claim back to them.

    Refused (ValidationError) when that claim already has all its labels: see _refuse_change_once_complete.
    """
    annotation = Annotation.objects.filter(annotator=annotator).order_by("-updated_at", "-id").first()
    if annotation is None:
        return None
    claim = Claim.objects.select_for_update().get(pk=annotation.claim_id)
    _refuse_change_once_complete(claim=claim, user=annotator)
    annotation._history_user = annotator
    annotation.delete()
    claim_refresh_consensus(claim=claim)
    _reserve(claim=claim, annotator=annotator)
    return claim


@transaction.atomic
def annotation_delete(*, annotation: Annotation, actor) -> None:
    if not is_admin(actor):
        raise PermissionDenied("Only staff can delete labels.")
    claim = annotation.claim
    annotation._history_user = actor
    annotation.delete()
    claim_refresh_consensus(claim=claim)


def _reserve(*, claim: Claim, annotator) -> ClaimReservation:
    now = timezone.now()
    ClaimReservation.objects.filter(annotator=annotator).exclude(claim=claim).delete()
    reservation, _ = ClaimReservation.objects.update_or_create(
        claim=claim,
        defaults={
            "annotator": annotator,
            "shown_at": now,
            "expires_at": now + timedelta(seconds=settings.REVIEW_RESERVATION_SECONDS),
        },
    )
    return reservation


def _open_for(annotator, now):
    """Claims this annotator may label now: unlabelled by them, short of labels, not held by someone else."""
    mine = Annotation.objects.filter(claim=OuterRef("pk"), annotator=annotator)
    held = ClaimReservation.objects.filter(claim=OuterRef("pk"), expires_at__gt=now).exclude(annotator=annotator)
    return (
        Claim.objects.filter(is_flagged_not_claim=False, label_count__lt=settings.LABELS_PER_CLAIM)
        .exclude(status=ClaimStatus.ADJUDICATED)
        .filter(~Exists(mine), ~Exists(held))
    )


def _lock_first(queryset):
    if connection.features.has_select_for_update_skip_locked:
        queryset = queryset.select_for_update(skip_locked=True, of=("self",))
    return queryset.first()


@transaction.atomic
def review_next_claim(*, annotator) -> Claim | None:
    """The next claim for this annotator, reserved for them: fewest labels first, article order within."""
    if not is_annotator(annotator):
        raise PermissionDenied("Only annotators can review claims.")
    now = timezone.now()
    current = ClaimReservation.objects.filter(annotator=annotator, expires_at__gt=now).values("claim_id")
    skipped = ClaimSkip.objects.filter(claim=OuterRef("pk"), annotator=annotator)
    passed_over: list[int] = []
    for _attempt in range(20):
        open_claims = _open_for(annotator, now).exclude(pk__in=passed_over)
        claim = _lock_first(open_claims.filter(pk__in=current))
        if claim is None:
            claim = _lock_first(open_claims.filter(~Exists(skipped)).order_by("label_count", "article_id", "position"))
        if claim is None:
            # Only claims this annotator skipped are left: offer them again, oldest skip first.
            claim = _lock_first(
                open_claims.filter(skips__annotator=annotator).order_by("skips__created_at", "article_id", "position")
            )
        if claim is None:
            return None
        if _still_open(claim=claim, annotator=annotator, now=now):
            _reserve(claim=claim, annotator=annotator)
            return claim
        passed_over.append(claim.pk)
    return None


def _still_open(*, claim: Claim, annotator, now) -> bool:
    """Re-read under the claim's row lock: the candidate query's snapshot may predate another annotator's commit."""
    held = ClaimReservation.objects.filter(claim=claim, expires_at__gt=now).exclude(annotator=annotator).exists()
    labels = list(Annotation.objects.filter(claim=claim).values_list("annotator_id", flat=True))
    return not held and annotator.pk not in labels and len(labels) < settings.LABELS_PER_CLAIM


@transaction.atomic
def review_open_claim(*, annotator, claim: Claim) -> Claim:
    """Open a chosen claim (from an article page) for labelling, reserving it unless someone else holds it."""
    if not is_annotator(annotator):
        raise PermissionDenied("Only annotators can review claims.")
    now = timezone.now()
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    held = ClaimReservation.objects.filter(claim=claim, expires_at__gt=now).exclude(annotator=annotator).exists()
    labelled = Annotation.objects.filter(claim=claim, annotator=annotator).exists()
    if not held and not claim.is_flagged_not_claim and (labelled or claim.label_count < settings.LABELS_PER_CLAIM):
        _reserve(claim=claim, annotator=annotator)
    return claim


@transaction.atomic
def review_skip(*, annotator, claim: Claim) -> None:
    ClaimSkip.objects.update_or_create(claim=claim, annotator=annotator, defaults={})
    ClaimReservation.objects.filter(claim=claim, annotator=annotator).delete()


@transaction.atomic
def claim_adjudicate(*, claim: Claim, reviewer, verdict: str, rationale: str) -> Adjudication:
    """A reviewer's final verdict. It becomes the claim's consensus; changing it keeps the earlier one in history."""
    if not is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers can adjudicate.")
    rationale = (rationale or "").strip()
    errors = {}
    if verdict not in Verdict.values:
        errors["verdict"] = f"Choose one of: {', '.join(Verdict.values)}."
    if not rationale:
        errors["rationale"] = "Say why: the rationale is kept with the verdict."
    elif len(rationale) > MAX_NOTE_LENGTH or "\x00" in rationale:
        errors["rationale"] = f"Keep the rationale under {MAX_NOTE_LENGTH} characters of plain text."
    if errors:
        raise ValidationError(errors)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    adjudication = Adjudication.objects.filter(claim=claim).first() or Adjudication(claim=claim)
    adjudication.reviewer, adjudication.verdict, adjudication.rationale = reviewer, verdict, rationale
    adjudication._history_user = reviewer
    adjudication.save()
    claim_refresh_consensus(claim=claim)
    return adjudication


@transaction.atomic
def claim_reopen(*, claim: Claim, reviewer) -> Claim:
    """Withdraw the final verdict; the claim goes back to its labels' status. The history keeps the verdict."""
    if not is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers can reopen claims.")
    adjudication = Adjudication.objects.filter(claim=claim).first()
    if adjudication is not None:
        adjudication._history_user = reviewer
        adjudication.delete()
    return claim_refresh_consensus(claim=claim)
