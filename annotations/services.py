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

from annotations import blind
from annotations.consensus import Consensus, derive
from annotations.models import Adjudication, Annotation, ClaimReservation, ClaimSkip, Verdict
from claims.models import Claim, ClaimStatus
from core.roles import is_admin, is_annotator, is_reviewer

_http_url = URLValidator(schemes=["http", "https"])
MAX_NOTE_LENGTH = 5000


@dataclass(frozen=True)
class SubmitResult:
    annotation: Annotation
    created: bool
    changed: bool


def claim_refresh_consensus(*, claim: Claim) -> Claim:
    """Recompute a claim's label count, status and consensus verdict from its labels and adjudication.

    The only writer of those three columns: every label and adjudication change, from the services, the admin or
    a command, ends here.
    """
    verdicts = list(Annotation.objects.filter(claim_id=claim.pk).values_list("verdict", flat=True))
    adjudicated = Adjudication.objects.filter(claim_id=claim.pk).values_list("verdict", flat=True).first()
    state = derive(verdicts=verdicts, adjudicated=adjudicated, labels_per_claim=settings.LABELS_PER_CLAIM)
    # update() rather than save(): derived columns change no history and no updated_at.
    Claim.objects.filter(pk=claim.pk).update(
        label_count=state.label_count, status=state.status, consensus_verdict=state.verdict
    )
    claim.label_count, claim.status, claim.consensus_verdict = state.label_count, state.status, state.verdict
    return claim


@dataclass(frozen=True)
class Drift:
    claim_id: int
    stored: Consensus
    expected: Consensus


def claims_check_consensus(*, fix: bool = False, batch_size: int = 2000) -> list[Drift]:
    """Every claim whose stored label count, status or verdict differs from what its labels and adjudication say;
    with `fix`, each is repaired through claim_refresh_consensus. Reads in keyset pages: flat memory at any size."""
    drifts: list[Drift] = []
    last_id = 0
    while True:
        page = list(
            Claim.objects.filter(pk__gt=last_id)
            .order_by("pk")
            .values_list("pk", "label_count", "status", "consensus_verdict")[:batch_size]
        )
        if not page:
            break
        last_id = page[-1][0]
        ids = [row[0] for row in page]
        verdicts: dict[int, list[str]] = {pk: [] for pk in ids}
        for claim_id, verdict in Annotation.objects.filter(claim_id__in=ids).values_list("claim_id", "verdict"):
            verdicts[claim_id].append(verdict)
        adjudicated = dict(Adjudication.objects.filter(claim_id__in=ids).values_list("claim_id", "verdict"))
        for pk, label_count, status, verdict in page:
            stored = Consensus(label_count, status, verdict)
            expected = derive(
                verdicts=verdicts[pk], adjudicated=adjudicated.get(pk), labels_per_claim=settings.LABELS_PER_CLAIM
            )
            if stored != expected:
                drifts.append(Drift(claim_id=pk, stored=stored, expected=expected))
    if fix:
        for drift in drifts:
            with transaction.atomic():
                claim_refresh_consensus(claim=Claim.objects.select_for_update().get(pk=drift.claim_id))
    return drifts


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
    annotation = Annotation.objects.filter(claim=claim, annotator=annotator).first()
    if annotation is None:
        annotation = Annotation(claim=claim, annotator=annotator)
        created = changed = True
    else:
        created = False
        changed = (annotation.verdict, annotation.note, annotation.evidence_url) != (verdict, note, evidence_url)
    if changed:
        # Sending the same label again is harmless; a new or changed label must pass the blind-labelling lock.
        reason = blind.lock_reason(annotator, claim=claim, labelled_by_me=not created)
        if reason:
            raise ValidationError({"claim": reason})
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


@transaction.atomic
def annotation_undo_last(*, annotator) -> Claim | None:
    """Remove this annotator's most recent label (kept in history) and hand its claim back to them.

    Refused (ValidationError) when blind labelling locks that claim (annotations.blind.lock_reason).
    """
    annotation = Annotation.objects.filter(annotator=annotator).order_by("-updated_at", "-id").first()
    if annotation is None:
        return None
    claim = Claim.objects.select_for_update().get(pk=annotation.claim_id)
    reason = blind.lock_reason(annotator, claim=claim, labelled_by_me=True)
    if reason:
        raise ValidationError({"claim": reason})
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


def _refresh_claims(claim_ids: set[int]) -> None:
    for claim in Claim.objects.select_for_update().filter(pk__in=claim_ids).order_by("pk"):
        claim_refresh_consensus(claim=claim)


@transaction.atomic
def verdict_record_save_as_admin(
    *, record: Annotation | Adjudication, actor, previous_claim_id: int | None = None
) -> Annotation | Adjudication:
    """A label or adjudication changed in the Django admin: validated like any other, then its claim's (and, if
    it moved, its former claim's) derived state recomputed, so the admin cannot leave a claim's verdict stale."""
    if not is_admin(actor):
        raise PermissionDenied("Only staff can change labels in the admin.")
    note = record.note if isinstance(record, Annotation) else record.rationale
    evidence_url = record.evidence_url if isinstance(record, Annotation) else ""
    _validate_label(verdict=record.verdict, note=note, evidence_url=evidence_url)
    record._history_user = actor
    record.save()
    _refresh_claims({record.claim_id, previous_claim_id} - {None})
    return record


@transaction.atomic
def verdict_records_delete_as_admin(*, records, actor) -> int:
    """Labels or adjudications deleted in the admin (one, or a bulk delete): each kept in history, and each
    claim they belonged to recomputed (a claim that lost a label is open to a new one again)."""
    if not is_admin(actor):
        raise PermissionDenied("Only staff can delete labels.")
    claim_ids = set()
    count = 0
    for record in records:
        claim_ids.add(record.claim_id)
        record._history_user = actor
        record.delete()
        count += 1
    _refresh_claims(claim_ids)
    return count
