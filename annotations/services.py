"""Writes for labels: the review queue, submitting and undoing verdicts, adjudication. All in transactions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from simple_history.utils import bulk_create_with_history

from annotations import blind
from annotations.consensus import Consensus, derive
from annotations.models import (
    Adjudication,
    Annotation,
    ClaimFixProposal,
    ClaimReservation,
    ClaimSkip,
    Guidelines,
    ProposalStatus,
    Verdict,
)
from annotations.queue import takes_labels
from annotations.signals import adjudication_changed, label_changed
from claims.models import Claim, ClaimStatus, Source, SourceKind
from claims.services import (
    LABEL_FIELDS,
    ClaimUpdateResult,
    ImportReport,
    IngestResult,
    article_import_records,
    article_ingest_with_claims,
    claim_check_update,
    claim_flag,
    claim_inputs_validate,
    claim_record_has_labels,
    claim_set_source,
    claim_update,
    claims_announce,
    source_resolve,
)
from claims.signals import send_on_commit
from claims.validators import validate_storable_datetime
from core.roles import is_admin, is_annotator, is_reviewer

_http_url = URLValidator(schemes=["http", "https"])
MAX_NOTE_LENGTH = 5000


def _announce(record: Annotation | Adjudication, action: str) -> None:
    """Tell the layers above (annotations.signals), once this transaction commits, that a label or adjudication
    was created, updated or deleted. Call before delete(): Django clears the primary key of a deleted row."""
    if isinstance(record, Annotation):
        send_on_commit(label_changed, action=action, label_id=record.pk, claim_id=record.claim_id)
    else:
        send_on_commit(adjudication_changed, action=action, claim_id=record.claim_id)


def _delete(record: Annotation | Adjudication) -> None:
    _announce(record, "deleted")
    record.delete()


@dataclass(frozen=True)
class SubmitResult:
    annotation: Annotation
    created: bool
    changed: bool


def claim_refresh_consensus(*, claim: Claim) -> Claim:
    """Recompute a claim's label count, status and consensus verdict from its labels and adjudication.

    The only writer of those three columns: every label and adjudication change, from the services, the admin or
    a command, ends here. The rule itself is annotations.consensus.derive.
    """
    # One query: the claim's row joined to its adjudication (at most one) and its labels (one row each).
    rows = list(
        Claim.objects.filter(pk=claim.pk).order_by().values_list("adjudication__verdict", "annotations__verdict")
    )
    verdicts = [verdict for _, verdict in rows if verdict is not None]
    adjudicated = rows[0][0] if rows else None
    state = derive(verdicts=verdicts, adjudicated=adjudicated, labels_per_claim=settings.LABELS_PER_CLAIM)
    # update() rather than save(): derived columns change no history.
    # Every caller changed a label or the adjudication: the claim changed for incremental exports (updated_at),
    # in the same statement.
    Claim.objects.filter(pk=claim.pk).update(
        label_count=state.label_count, status=state.status, consensus_verdict=state.verdict, updated_at=timezone.now()
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
    if annotation is not None:
        annotation.claim = claim  # the locked row, so the caller reads the claim without another query
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
        _announce(annotation, "created" if created else "updated")
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
    _delete(annotation)
    claim_refresh_consensus(claim=claim)
    _reserve(claim=claim, annotator=annotator)
    return claim


@transaction.atomic
def annotation_delete(*, annotation: Annotation, actor) -> None:
    if not is_admin(actor):
        raise PermissionDenied("Only staff can delete labels.")
    claim = annotation.claim
    annotation._history_user = actor
    _delete(annotation)
    claim_refresh_consensus(claim=claim)


def _reserve(*, claim: Claim, annotator) -> None:
    """Hold the claim for this annotator (and nothing else). Callers hold the claim's row lock, so a DELETE and an
    INSERT cannot race: two statements instead of update_or_create's four and two savepoints."""
    now = timezone.now()
    values = {
        "annotator": annotator,
        "shown_at": now,
        "expires_at": now + timedelta(seconds=settings.REVIEW_RESERVATION_SECONDS),
    }
    # Any other claim this annotator held, and this claim's expired (or own) hold: callers checked nobody else has it.
    ClaimReservation.objects.filter(Q(annotator=annotator) | Q(claim=claim)).delete()
    reservation = ClaimReservation.objects.create(claim=claim, **values)
    Claim.reservation.related.set_cached_value(claim, reservation)  # so claim.reservation needs no query


def _open_for(annotator, now, passed_over: list[int]):
    """Claims this annotator may label now: unlabelled by them, short of labels, not held by someone else. With the
    article and source the page shows, in one filter() (each chained call copies the query)."""
    mine = Annotation.objects.filter(claim=OuterRef("pk"), annotator=annotator)
    held = ClaimReservation.objects.filter(claim=OuterRef("pk"), expires_at__gt=now).exclude(annotator=annotator)
    conditions = [takes_labels(), ~Exists(mine), ~Exists(held)]
    if passed_over:
        conditions.append(~Q(pk__in=passed_over))
    return Claim.objects.select_related("article", "source").filter(*conditions)


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
    # The claim I hold, if any (a reloaded page keeps showing it); after a label there is none, and this plain read
    # spares the candidate query that would look for it.
    current = (
        ClaimReservation.objects.filter(annotator=annotator, expires_at__gt=now)
        .values_list("claim_id", flat=True)
        .first()
    )
    skipped = ClaimSkip.objects.filter(claim=OuterRef("pk"), annotator=annotator)
    passed_over: list[int] = []
    for _attempt in range(20):
        # The page shows the claim with its article and source: read them with it (the lock stays on the claim).
        open_claims = _open_for(annotator, now, passed_over)
        claim = None
        if current is not None and current not in passed_over:
            claim = _lock_first(open_claims.filter(pk=current))
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
    """Re-read under the claim's row lock: the candidate query's snapshot may predate another annotator's commit.

    Without row locks (SQLite) the transaction holds the database's write lock from its first statement (BEGIN
    IMMEDIATE), so the candidate query already read the latest commit and there is nothing to re-read.

    One query: the claim's labels, each row also saying whether someone else holds the claim."""
    if not connection.features.has_select_for_update:
        return True
    held = ClaimReservation.objects.filter(claim=claim, expires_at__gt=now).exclude(annotator=annotator)
    rows = list(
        Claim.objects.filter(pk=claim.pk).annotate(held=Exists(held)).values_list("held", "annotations__annotator_id")
    )
    labels = [annotator_id for _, annotator_id in rows if annotator_id is not None]
    held_by_other = any(h for h, _ in rows)
    return not held_by_other and annotator.pk not in labels and len(labels) < settings.LABELS_PER_CLAIM


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


def _validate_adjudication(*, verdict: str, rationale: str) -> None:
    errors = {}
    if verdict not in Verdict.values:
        errors["verdict"] = f"Choose one of: {', '.join(Verdict.values)}."
    if not rationale:
        errors["rationale"] = "Say why: the rationale is kept with the verdict."
    elif len(rationale) > MAX_NOTE_LENGTH or "\x00" in rationale:
        errors["rationale"] = f"Keep the rationale under {MAX_NOTE_LENGTH} characters of plain text."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def claim_adjudicate(*, claim: Claim, reviewer, verdict: str, rationale: str) -> Adjudication:
    """A reviewer's final verdict. It becomes the claim's consensus; changing it keeps the earlier one in history."""
    if not is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers can adjudicate.")
    rationale = (rationale or "").strip()
    _validate_adjudication(verdict=verdict, rationale=rationale)
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    adjudication = Adjudication.objects.filter(claim=claim).first() or Adjudication(claim=claim)
    created = adjudication.pk is None
    adjudication.reviewer, adjudication.verdict, adjudication.rationale = reviewer, verdict, rationale
    adjudication._history_user = reviewer
    adjudication.save()
    claim_refresh_consensus(claim=claim)
    _announce(adjudication, "created" if created else "updated")
    return adjudication


@transaction.atomic
def claim_reopen(*, claim: Claim, reviewer) -> Claim:
    """Withdraw the final verdict; the claim goes back to its labels' status. The history keeps the verdict."""
    if not is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers can reopen claims.")
    adjudication = Adjudication.objects.filter(claim=claim).first()
    if adjudication is not None:
        adjudication._history_user = reviewer
        _delete(adjudication)
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
    created = record._state.adding
    record._history_user = actor
    record.save()
    _refresh_claims({record.claim_id, previous_claim_id} - {None})
    _announce(record, "created" if created else "updated")
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
        _delete(record)
        count += 1
    _refresh_claims(claim_ids)
    return count


# ---------------------------------------------------------------------------------------------------------------
# The reviewers' workspace: fixing claims in place, sending claims back to the queue, bulk actions, guidelines.
# ---------------------------------------------------------------------------------------------------------------


@transaction.atomic
def claim_requeue(*, claim: Claim, user, reason: str) -> Claim:
    """Send a claim back to the review queue for fresh labels.

    Its labels and final verdict are retired: deleted from the live tables, so the queue, consensus, agreement and
    exports never count them, and kept in their history with `reason` as the change reason and `user` as who.
    A flagged claim is unflagged (it is a claim again).
    """
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers can send claims back to the queue.")
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    reason = reason[:100]  # simple_history's change reason column
    for record in [*Annotation.objects.filter(claim=claim), *Adjudication.objects.filter(claim=claim)]:
        record._history_user = user
        record._change_reason = reason
        _delete(record)
    ClaimReservation.objects.filter(claim=claim).delete()
    ClaimSkip.objects.filter(claim=claim).delete()
    if claim.is_flagged_not_claim:
        claim.is_flagged_not_claim = False
        claim.updated_by = user
        claim._history_user = user
        claim.save(update_fields=["is_flagged_not_claim", "updated_by", "updated_at"])
        claims_announce(action="updated", claim_ids=[claim.pk])
    return claim_refresh_consensus(claim=claim)


@transaction.atomic
def claim_correct(*, claim: Claim, user, **changes) -> ClaimUpdateResult:
    """A reviewer fixes a claim in place (claims.services.claim_update takes the same keyword arguments).

    When the words of a labelled claim change, its labels were given to other words: they are retired (kept in
    history as "given to the old text") and the claim goes back to the queue. Fixing only the source, cue, quote
    flag or an edge over punctuation keeps the labels: the annotators judged the same statement.
    """
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers can change a claim; annotators propose a fix.")
    result = claim_update(claim=claim, user=user, **changes)
    if result.text_changed_materially and (result.claim.label_count or result.claim.status != ClaimStatus.UNLABELLED):
        claim_requeue(claim=result.claim, user=user, reason="given to the old text (the claim's span changed)")
        result.claim.refresh_from_db()
    return result


class BulkAction:
    FLAG = "flag"
    REQUEUE = "requeue"
    SOURCE = "source"
    ADJUDICATE = "adjudicate"
    choices = [
        (FLAG, "Flag as not a claim"),
        (REQUEUE, "Send back to the queue"),
        (SOURCE, "Assign a source"),
        (ADJUDICATE, "Adjudicate with one verdict"),
    ]


MAX_BULK_CLAIMS = 500


@transaction.atomic
def claims_bulk_apply(
    *,
    claims: list[Claim],
    user,
    action: str,
    verdict: str = "",
    rationale: str = "",
    source: Source | None = None,
    new_source_name: str = "",
    source_kind: str = SourceKind.UNKNOWN,
) -> int:
    """Apply one reviewer action to every selected claim through the one-claim services, all or nothing.

    Returns how many claims it reached. Any claim's error (a missing rationale, say) undoes the whole batch.
    """
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers can change claims in bulk.")
    if not claims:
        raise ValidationError({"claims": "Select at least one claim."})
    if len(claims) > MAX_BULK_CLAIMS:
        raise ValidationError({"claims": f"Select at most {MAX_BULK_CLAIMS} claims at a time."})
    if action == BulkAction.SOURCE and source is None and not (new_source_name or "").strip():
        raise ValidationError({"source": "Pick a source or type the name of a new one."})
    if action == BulkAction.SOURCE and source is None:
        source = source_resolve(name=new_source_name, kind=source_kind, mention=new_source_name)
    for claim in claims:
        if action == BulkAction.FLAG:
            claim_flag(claim=claim, user=user, flagged=True)
        elif action == BulkAction.REQUEUE:
            claim_requeue(claim=claim, user=user, reason="sent back to the queue by a reviewer")
        elif action == BulkAction.SOURCE:
            claim_set_source(claim=claim, user=user, source=source)
        elif action == BulkAction.ADJUDICATE:
            claim_adjudicate(claim=claim, reviewer=user, verdict=verdict, rationale=rationale)
        else:
            raise ValidationError({"action": "Choose what to do with the selected claims."})
    return len(claims)


MAX_GUIDELINES_LENGTH = 100_000


@transaction.atomic
def guidelines_update(*, text: str, user) -> Guidelines:
    """Replace the guidelines' text; the history keeps every earlier version with who wrote it."""
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers can edit the guidelines.")
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": "The guidelines cannot be empty."})
    if len(text) > MAX_GUIDELINES_LENGTH or "\x00" in text:
        raise ValidationError({"text": f"Keep the guidelines under {MAX_GUIDELINES_LENGTH:,} characters of text."})
    guidelines = Guidelines.objects.select_for_update().first() or Guidelines()
    if guidelines.pk is None or guidelines.text != text:
        guidelines.text, guidelines.updated_by = text, user
        guidelines._history_user = user
        guidelines.save()
    return guidelines


MAX_PROPOSAL_NOTE = 2000


@transaction.atomic
def claim_fix_propose(
    *,
    claim: Claim,
    user,
    start: int,
    end: int,
    cue: str = "",
    is_direct_quote: bool = False,
    source: Source | None = None,
    new_source_name: str = "",
    source_kind: str = SourceKind.UNKNOWN,
    source_mention: str = "",
    note: str = "",
) -> ClaimFixProposal:
    """An annotator proposes a fix (claim_update's fields); it changes nothing until a reviewer accepts it."""
    if not is_annotator(user):
        raise PermissionDenied("Only annotators can propose a fix.")
    claim = Claim.objects.select_related("article").get(pk=claim.pk)
    claim_check_update(
        claim=claim, start=start, end=end, cue=cue, source_mention=source_mention, new_source_name=new_source_name
    )
    note = (note or "").strip()
    if len(note) > MAX_PROPOSAL_NOTE or "\x00" in note:
        raise ValidationError({"note": f"Keep the note under {MAX_PROPOSAL_NOTE} characters of plain text."})
    return ClaimFixProposal.objects.create(
        claim=claim,
        proposed_by=user,
        start=start,
        end=end,
        text=claim.article.body[start:end],
        source=source,
        new_source_name=(new_source_name or "").strip(),
        source_kind=source_kind if source_kind in SourceKind.values else SourceKind.UNKNOWN,
        source_mention=(source_mention or "").strip(),
        cue=(cue or "").strip(),
        is_direct_quote=bool(is_direct_quote),
        note=note,
    )


@transaction.atomic
def claim_fix_decide(*, proposal: ClaimFixProposal, reviewer, accept: bool) -> ClaimFixProposal:
    """Accept (the fix goes through claim_correct, as if the reviewer made it) or reject an open proposal."""
    if not is_reviewer(reviewer):
        raise PermissionDenied("Only reviewers can accept or reject a proposed fix.")
    proposal = ClaimFixProposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ValidationError({"proposal": f"This proposal is already {proposal.get_status_display().lower()}."})
    if accept:
        claim_correct(
            claim=proposal.claim,
            user=reviewer,
            start=proposal.start,
            end=proposal.end,
            cue=proposal.cue,
            is_direct_quote=proposal.is_direct_quote,
            source=proposal.source,
            new_source_name=proposal.new_source_name,
            source_kind=proposal.source_kind or SourceKind.UNKNOWN,
            source_mention=proposal.source_mention,
        )
    proposal.status = ProposalStatus.ACCEPTED if accept else ProposalStatus.REJECTED
    proposal.decided_by, proposal.decided_at = reviewer, timezone.now()
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    return proposal


# ---------------------------------------------------------------------------------------------------------------
# Importing claims with their labels: the export's claim records (`annotations`, `adjudication`), for admins.
# ---------------------------------------------------------------------------------------------------------------

LABEL_RECORD_FIELDS = frozenset({"id", "annotator", "verdict", "note", "evidence_url", "created_at", "updated_at"})
ADJUDICATION_RECORD_FIELDS = frozenset({"reviewer", "verdict", "rationale", "created_at", "updated_at"})
IMPORTED = "imported"  # the change reason in the history of an imported label or adjudication


@dataclass(frozen=True)
class LabelImport:
    annotator: Any
    verdict: str
    note: str
    evidence_url: str
    created_at: datetime | None


@dataclass(frozen=True)
class AdjudicationImport:
    reviewer: Any
    verdict: str
    rationale: str
    created_at: datetime | None


@dataclass(frozen=True)
class ClaimLabelsImport:
    start: int
    end: int
    labels: tuple[LabelImport, ...]
    adjudication: AdjudicationImport | None


def may_import_labels(user) -> bool:
    """Labels and adjudications come in with imported claims only from admins: they speak for other people."""
    return is_admin(user)


def _record_datetime(value, name: str) -> datetime | None:
    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise ValidationError(f"`{name}` must be an ISO 8601 date-time")
    parsed = parsed if parsed.tzinfo else timezone.make_aware(parsed, UTC)
    try:
        validate_storable_datetime(parsed)
    except ValidationError as error:
        raise ValidationError(f"`{name}`: {error.messages[0]}") from None
    return parsed


def _record_fields(record, allowed: frozenset[str]) -> dict:
    if not isinstance(record, dict):
        raise ValidationError("must be an object")
    unknown = sorted(str(key) for key in record if key not in allowed)
    if unknown:
        raise ValidationError(f"unknown field(s): {', '.join(unknown)}")
    return record


def _record_text(record: dict, name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"`{name}` must be text")
    return value.strip()


def _field_messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"`{name}`: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def _record_user(users: dict, record: dict, name: str, *, role, role_name: str):
    username = record.get(name)
    if not isinstance(username, str) or not username:
        raise ValidationError(f"`{name}` must be a user name")
    user = users.get(username)
    if user is None:
        raise ValidationError(f"`{name}`: no user named {username!r} here (create the account first)")
    if not role(user):
        raise ValidationError(f"`{name}`: {username!r} is not {role_name} here")
    return user


def _checked(validate, **values) -> None:
    """The services' own checks (the same as annotation_submit's and claim_adjudicate's), as one message."""
    try:
        validate(**values)
    except ValidationError as error:
        raise ValidationError(_field_messages(error)) from None


def _label_import(record, users: dict) -> LabelImport:
    record = _record_fields(record, LABEL_RECORD_FIELDS)
    values = {"verdict": record.get("verdict"), "note": _record_text(record, "note")}
    values["evidence_url"] = _record_text(record, "evidence_url")
    _checked(_validate_label, **values)
    annotator = _record_user(users, record, "annotator", role=is_annotator, role_name="an annotator")
    return LabelImport(annotator, **values, created_at=_record_datetime(record.get("created_at"), "created_at"))


def _adjudication_import(record, users: dict) -> AdjudicationImport:
    record = _record_fields(record, ADJUDICATION_RECORD_FIELDS)
    values = {"verdict": record.get("verdict"), "rationale": _record_text(record, "rationale")}
    _checked(_validate_adjudication, **values)
    reviewer = _record_user(users, record, "reviewer", role=is_reviewer, role_name="a reviewer")
    return AdjudicationImport(reviewer, **values, created_at=_record_datetime(record.get("created_at"), "created_at"))


def _usernames(claims: list) -> set[str]:
    names = set()
    for record in claims:
        if not isinstance(record, dict):
            continue
        labels, adjudication = record.get("annotations"), record.get("adjudication")
        for label in labels if isinstance(labels, list) else []:
            if isinstance(label, dict) and isinstance(label.get("annotator"), str):
                names.add(label["annotator"])
        if isinstance(adjudication, dict) and isinstance(adjudication.get("reviewer"), str):
            names.add(adjudication["reviewer"])
    return names


def claim_labels_validate(*, claims: list) -> list[ClaimLabelsImport]:
    """The labels and adjudications of claim records, each annotator and reviewer found by user name; or one
    ValidationError on `claims` naming every bad one ("claim 3: `annotations` 0: `annotator`: no user named ...")."""
    users = {user.username: user for user in get_user_model().objects.filter(username__in=_usernames(claims))}
    found, errors = [], []
    for index, record in enumerate(claims):
        if not isinstance(record, dict) or not claim_record_has_labels(record):
            continue
        labels, annotators = [], set()
        raw_labels = record.get("annotations") or []
        if not isinstance(raw_labels, list):
            errors.append(f"claim {index}: `annotations` must be a list of labels")
            raw_labels = []
        for number, raw in enumerate(raw_labels):
            try:
                label = _label_import(raw, users)
            except ValidationError as error:
                errors.append(f"claim {index}: `annotations` {number}: {' '.join(error.messages)}")
                continue
            if label.annotator.pk in annotators:
                errors.append(f"claim {index}: `annotations` {number}: a second label by {label.annotator.username!r}")
            annotators.add(label.annotator.pk)
            labels.append(label)
        adjudication = None
        if record.get("adjudication") is not None:
            try:
                adjudication = _adjudication_import(record["adjudication"], users)
            except ValidationError as error:
                errors.append(f"claim {index}: `adjudication`: {' '.join(error.messages)}")
        found.append(ClaimLabelsImport(record.get("start"), record.get("end"), tuple(labels), adjudication))
    if errors:
        raise ValidationError({"claims": errors})
    return found


def _without_labels(record):
    return {k: v for k, v in record.items() if k not in LABEL_FIELDS} if isinstance(record, dict) else record


def _keep_created_at(records: list, moments: list[datetime | None]) -> None:
    """auto_now_add stamps every new row with now: an imported label keeps when it was first given."""
    dated = []
    for record, moment in zip(records, moments, strict=True):
        if moment is not None:
            record.created_at = moment
            dated.append(record)
    if dated:
        type(dated[0]).objects.bulk_update(dated, ["created_at"])


@transaction.atomic
def claims_labels_import(*, article, labelled: list[ClaimLabelsImport], actor) -> int:
    """Store validated labels and adjudications on the article's claims (found by their spans), each with its
    first history record ("imported", by `actor`), then recompute each claim's consensus. Returns the labels made."""
    claims = {(claim.start, claim.end): claim for claim in Claim.objects.filter(article=article)}
    annotations, label_times, adjudications, adjudication_times = [], [], [], []
    for item in labelled:
        claim = claims[(item.start, item.end)]
        for label in item.labels:
            annotations.append(
                Annotation(
                    claim=claim,
                    annotator=label.annotator,
                    verdict=label.verdict,
                    note=label.note,
                    evidence_url=label.evidence_url,
                )
            )
            label_times.append(label.created_at)
        if item.adjudication is not None:
            adjudication = item.adjudication
            adjudications.append(
                Adjudication(
                    claim=claim,
                    reviewer=adjudication.reviewer,
                    verdict=adjudication.verdict,
                    rationale=adjudication.rationale,
                )
            )
            adjudication_times.append(adjudication.created_at)
    for model, rows, times in (
        (Annotation, annotations, label_times),
        (Adjudication, adjudications, adjudication_times),
    ):
        if rows:
            made = bulk_create_with_history(rows, model, default_user=actor, default_change_reason=IMPORTED)
            _keep_created_at(made, times)
            for record in made:  # each one an event, as if given here (label.created, adjudication.created)
                _announce(record, "created")
    for item in labelled:
        claim_refresh_consensus(claim=claims[(item.start, item.end)])
    return len(annotations)


@transaction.atomic
def article_ingest_labelled(
    *, body: str, claims: list, created_by=None, operator: bool = False, leave_out_labels: bool = False, **article
) -> IngestResult:
    """claims.services.article_ingest_with_claims (`article`: its title, url, publisher, published_at, language),
    with the claims' labels and adjudications when the importer may import them (an admin, or `operator`: someone
    at the server's shell), all in one transaction.

    Annotators and reviewers are found by user name; an unknown one, or a label that `annotation_submit` or
    `claim_adjudicate` would refuse, refuses the whole article with every problem named. For anyone else a claim
    record carrying labels is refused by article_ingest_with_claims; `leave_out_labels` imports the claims alone.
    An article already here (the same text) is left as it is, labels included.
    """
    article |= {"body": body, "created_by": created_by}
    if not isinstance(claims, list) or not (leave_out_labels or operator or may_import_labels(created_by)):
        return article_ingest_with_claims(**article, claims=claims)
    plain = [_without_labels(record) for record in claims]
    labelled = []
    if not leave_out_labels:
        try:
            labelled = claim_labels_validate(claims=claims)
        except ValidationError as error:
            errors = error.message_dict["claims"]
            try:
                claim_inputs_validate(body=body, claims=plain)
            except ValidationError as claim_error:  # the claims' own problems first, then their labels'
                errors = [*claim_error.message_dict.get("claims", []), *errors]
            raise ValidationError({"claims": errors}) from None
    result = article_ingest_with_claims(**article, claims=plain)
    if result.created and labelled:
        claims_labels_import(article=result.article, labelled=labelled, actor=created_by)
    return result


def articles_import(
    *,
    records,
    created_by=None,
    operator: bool = False,
    leave_out_labels: bool = False,
    retry_conflicts: bool = True,
) -> ImportReport:
    """claims.services.article_import_records with labels (article_ingest_labelled): what the upload page, the
    background import and `manage.py import_articles` call."""
    ingest = partial(article_ingest_labelled, operator=operator, leave_out_labels=leave_out_labels)
    return article_import_records(
        records=records, created_by=created_by, retry_conflicts=retry_conflicts, ingest_with_claims=ingest
    )
