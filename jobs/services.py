"""Writes for background jobs: start one (in the caller's transaction, sent to the queue on commit), run its
steps (called by jobs.tasks on a worker), cancel it, pick up a job whose worker vanished, purge old snapshots.

A job is split into chunks of JOB_CHUNK_SIZE items. Each chunk runs in one transaction that also marks the chunk
done and adds to the job's progress, so a chunk is applied exactly once however often it is delivered.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from celery import current_app
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from annotations import exports
from annotations.selectors import claim_export_batches
from annotations.services import articles_import
from claims.importers import UPLOAD_SNIFF_BYTES, ArticleRecord, ImportFileError, iter_records, upload_check
from claims.models import Article, Claim
from claims.services import (
    ImportBatch,
    article_import_prepare,
    article_import_store,
    article_reextract,
    article_validate_input,
    title_from_body,
    validation_reason,
)
from core.roles import can_add_articles, is_reviewer
from jobs.models import FINISHED, ChunkStatus, Job, JobChunk, JobKind, JobStatus
from matching.selectors import claim_cluster_ids
from matching.services import claim_matches_backfill

logger = logging.getLogger(__name__)

EXPORT_FORMATS = {  # format -> (file extension, content type)
    "jsonl": ("jsonl", "application/x-ndjson; charset=utf-8"),
    "csv": ("csv", "text/csv; charset=utf-8"),
    "claimreview": ("jsonl", "application/x-ndjson; charset=utf-8"),
}
EXPORT_BATCH_SIZE = 2000

# The claims an export snapshot covers: the layer above (web) owns the API's claim filters and registers them here,
# so a snapshot takes exactly the filters of the streamed export. `query(params, user) -> QuerySet[Claim]`.
_export_query: Callable[[dict, Any], QuerySet[Claim]] | None = None


def export_query_register(query: Callable[[dict, Any], QuerySet[Claim]]) -> None:
    global _export_query
    _export_query = query


# The articles a re-extraction by filters covers: the API's article filters, registered by web the same way.
_article_query: Callable[[dict], QuerySet[Article]] | None = None


def article_query_register(query: Callable[[dict], QuerySet[Article]]) -> None:
    global _article_query
    _article_query = query


def _storage():
    return storages["jobs"]


def _send(task: str, *args) -> None:
    """Queue a task once the caller's transaction commits: a worker never sees a job that was rolled back."""
    transaction.on_commit(lambda: current_app.send_task(task, args=args))


# ---------------------------------------------------------------------------------------------------------------
# Starting jobs (called from the request, the command or the page)
# ---------------------------------------------------------------------------------------------------------------


def job_import_start(*, user, name: str, file, leave_out_labels: bool = False) -> Job:
    """Keep the uploaded file where every worker can read it and queue its import: a few cheap checks, the file
    stored, the job created, the task sent on commit. Reading the file's records is the worker's first step
    (job_plan), so the request answers at once whatever the file's size. `file` is a Django File (an upload, or
    an open file wrapped in File). `user=None` is the operator at the command line (`import_articles --async`),
    who may import labels like an admin (annotations.services.articles_import); `leave_out_labels` imports claims
    without the labels their records carry."""
    if user is not None and not can_add_articles(user):
        raise PermissionDenied("Your role cannot add articles.")
    name = Path(name or "upload").name or "upload"
    try:
        upload_check(name=name, head=_head(file))
    except ImportFileError as error:
        raise ValidationError({"file": str(error)}) from None
    # Who may bring labels in is fixed now: a job outliving its starter's account never becomes the operator's.
    labels = {"operator": user is None, "leave_out_labels": leave_out_labels}
    # Stored first, under a folder of its own, so the job is created whole in one insert.
    stored = _storage().save(f"imports/{uuid.uuid4().hex}/{name}", file)
    try:
        with transaction.atomic():
            job = Job.objects.create(
                kind=JobKind.IMPORT, started_by=user, params={"name": name, "file": stored, **labels}
            )
            _send("jobs.tasks.job_plan", job.pk)
    except BaseException:
        _storage().delete(stored)
        raise
    return job


def _head(file, size: int = UPLOAD_SNIFF_BYTES) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head if isinstance(head, bytes) else head.encode("utf-8")


@transaction.atomic
def job_reextract_start(*, user, article_ids: list[int] | None = None, filters: dict[str, str] | None = None) -> Job:
    """Re-run extraction over the given articles, or those the article filters select (checked by the caller),
    or all of them when neither is given, keeping every claim people touched."""
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers and admins can re-extract articles.")
    if article_ids is not None and filters is not None:
        raise ValidationError({"articles": "Give article ids or filters, not both."})
    if article_ids is not None:
        found = set(Article.objects.filter(pk__in=article_ids).values_list("pk", flat=True))
        missing = sorted(set(article_ids) - found)
        if missing:
            raise ValidationError({"articles": f"No article with id {', '.join(map(str, missing[:10]))}."})
    params = {"filters": filters} if filters is not None else {"articles": article_ids}
    job = Job.objects.create(kind=JobKind.REEXTRACT, started_by=user, params=params)
    _send("jobs.tasks.job_plan", job.pk)
    return job


@transaction.atomic
def job_matching_rebuild_start(*, user) -> Job:
    if not is_reviewer(user):
        raise PermissionDenied("Only reviewers and admins can rebuild matching.")
    job = Job.objects.create(kind=JobKind.MATCHING, started_by=user, total=1)
    _send("jobs.tasks.job_run_whole", job.pk)
    return job


@transaction.atomic
def job_export_start(*, user, filters: dict[str, str], fmt: str, base_url: str = "") -> Job:
    """An export written to a file by a worker. `filters` are the streamed export's, already checked by the caller."""
    if not is_reviewer(user):
        raise PermissionDenied("Exports are for reviewers and admins.")
    if fmt not in EXPORT_FORMATS:
        raise ValidationError({"format": f"Choose one of {', '.join(EXPORT_FORMATS)}."})
    params = {"filters": filters, "format": fmt, "base_url": base_url}
    job = Job.objects.create(kind=JobKind.EXPORT, started_by=user, params=params)
    _send("jobs.tasks.job_run_whole", job.pk)
    return job


@transaction.atomic
def job_cancel(*, job: Job, user) -> Job:
    """Stop a job: chunks not started yet are skipped; a chunk already running finishes its own transaction."""
    if job.started_by_id != user.pk and not is_reviewer(user):
        raise PermissionDenied("Only the person who started a job, a reviewer or an admin can cancel it.")
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.status in FINISHED:
        raise ValidationError({"status": f"This job is already {job.status}."})
    job.status, job.finished_at = JobStatus.CANCELLED, timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job


# ---------------------------------------------------------------------------------------------------------------
# Running jobs (called by jobs.tasks on a worker)
# ---------------------------------------------------------------------------------------------------------------


def _record_to_item(record: ArticleRecord) -> dict:
    published = record.published_at.isoformat() if record.published_at else None
    return {"label": record.label, "body": record.body, "title": record.title, "url": record.url,
            "publisher": record.publisher, "published_at": published, "extra": record.extra}  # fmt: skip


def _item_to_record(item: dict) -> ArticleRecord:
    published = datetime.fromisoformat(item["published_at"]) if item["published_at"] else None
    return ArticleRecord(**{**item, "published_at": published})


def _storable_as_json(value) -> bool:
    """A chunk's items are stored as JSON, and PostgreSQL's jsonb holds no NUL and no unpaired surrogate."""
    if isinstance(value, str):
        return "\x00" not in value and value.encode("utf-8", errors="replace").decode("utf-8") == value
    if isinstance(value, dict):
        return all(_storable_as_json(key) and _storable_as_json(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_storable_as_json(item) for item in value)
    return True


def _import_items(job: Job) -> tuple[list[dict], list[str]]:
    """The upload's records as chunk items, and the lines that cannot be imported (reported, never stored)."""
    name, stored = job.params["name"], job.params["file"]
    items, errors = [], []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with _storage().open(stored, "rb") as source, path.open("wb") as target:
            for chunk in iter(lambda: source.read(1 << 20), b""):
                target.write(chunk)
        for record in iter_records(path):
            if isinstance(record, ImportFileError):
                errors.append(str(record).replace(str(path), name))
                continue
            record.label = record.label.replace(str(path), name)
            # Checked here as well as on ingest: a chunk is stored as JSON, which cannot hold NUL or lone surrogates.
            try:
                title = (record.title or "").strip() or title_from_body(record.body)
                article_validate_input(
                    title=title,
                    body=record.body,
                    url=record.url.strip(),
                    publisher=record.publisher.strip(),
                    published_at=record.published_at,
                )
            except ValidationError as error:
                errors.append(f"{record.label}: {validation_reason(error)}")
                continue
            try:
                storable = _storable_as_json(record.extra)
            except RecursionError:
                storable = False
            if not storable:
                errors.append(f"{record.label}: claims: contain a NUL character or an unpaired surrogate")
                continue
            items.append(_record_to_item(record))
    return items, errors


def job_plan(*, job_id: int) -> list[int]:
    """Split a job into chunks (once) and return the numbers of the chunks still to do."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if job.status in FINISHED:
            return []
        if not job.chunks.exists():
            if job.kind == JobKind.IMPORT:
                items, errors = _import_items(job)
            else:
                items, errors = list(_reextract_articles(job.params).values_list("pk", flat=True)), []
            size = settings.JOB_CHUNK_SIZE
            JobChunk.objects.bulk_create(
                JobChunk(job=job, number=n, items=items[start : start + size])
                for n, start in enumerate(range(0, len(items), size))
            )
            job.total, job.errors = len(items), errors
        job.status, job.started_at = JobStatus.RUNNING, job.started_at or timezone.now()
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["total", "errors", "status", "started_at", "heartbeat_at"])
        pending = list(job.chunks.filter(status=ChunkStatus.PENDING).values_list("number", flat=True))
        if not pending:
            _job_finish(job)
    if job.kind == JobKind.IMPORT and not pending:
        _storage().delete(job.params["file"])
    return pending


def _reextract_articles(params: dict) -> QuerySet[Article]:
    articles = Article.objects.order_by("pk")
    if params.get("filters") is not None:
        if _article_query is None:
            raise RuntimeError("No article query is registered (the web app registers it when Django starts).")
        return _article_query(params["filters"]).order_by("pk")
    ids = params.get("articles")
    return articles.filter(pk__in=ids) if ids is not None else articles


def job_fail(*, job_id: int, reason: str) -> None:
    """A job that could not even be planned (its upload unreadable, say): failed, with the reason shown."""
    Job.objects.filter(pk=job_id).exclude(status__in=FINISHED).update(
        status=JobStatus.FAILED, finished_at=timezone.now(), errors=[reason[:500]]
    )


def _prepare_import_chunk(job: Job, items: list) -> ImportBatch | None:
    """Plain articles are extracted and stored as one batch; a chunk whose records carry their own claims (an
    export brought back, perhaps with labels) goes through annotations.services.articles_import instead (None)."""
    if any("claims" in (item.get("extra") or {}) for item in items):
        return None
    return article_import_prepare(records=[_item_to_record(item) for item in items], created_by=job.started_by)


def _run_import_chunk(job: Job, items: list, prepared: ImportBatch | None) -> tuple[int, int, list[str]]:
    # A deadlock with another worker's chunk rolls this whole chunk back; the task then tries it again.
    if prepared is None:  # records with their own claims (and perhaps labels): the label-aware import
        report = articles_import(
            records=map(_item_to_record, items),
            created_by=job.started_by,
            operator=job.params.get("operator", False),
            leave_out_labels=job.params.get("leave_out_labels", False),
            retry_conflicts=False,
        )
    else:
        report = article_import_store(batch=prepared)
    return len(items), report.created, report.errors


def _run_reextract_chunk(job: Job, items: list, prepared: None) -> tuple[int, int, list[str]]:
    errors = []
    for article in Article.objects.filter(pk__in=items):
        try:
            with transaction.atomic():
                article_reextract(article=article)
        except Exception as error:  # one article's failure is reported; the others in the chunk still count
            logger.exception("Re-extraction of article %s failed", article.pk)
            errors.append(f"article {article.pk}: {type(error).__name__}")
    return len(items), 0, errors


CHUNK_RUNNERS = {JobKind.IMPORT: _run_import_chunk, JobKind.REEXTRACT: _run_reextract_chunk}
# What a chunk can do before its transaction: the costly, lock-free part (reading, extraction, shared sources).
CHUNK_PREPARERS = {JobKind.IMPORT: _prepare_import_chunk}


def job_chunk_run(*, job_id: int, number: int) -> bool:
    """Apply one chunk in one transaction; False when there was nothing to do (done already, or job cancelled).
    Its preparation runs first, outside that transaction, so concurrent chunks hold their locks only briefly."""
    chunk, job = JobChunk.objects.get(job_id=job_id, number=number), Job.objects.get(pk=job_id)
    if chunk.status != ChunkStatus.PENDING or job.status in FINISHED:
        return False
    prepare = CHUNK_PREPARERS.get(job.kind)
    prepared = prepare(job, chunk.items) if prepare else None
    with transaction.atomic():
        chunk = JobChunk.objects.select_for_update().get(job_id=job_id, number=number)
        job = Job.objects.get(pk=job_id)
        if chunk.status != ChunkStatus.PENDING or job.status in FINISHED:
            return False  # another delivery of this chunk finished it meanwhile, or the job was cancelled
        done, created, errors = CHUNK_RUNNERS[job.kind](job, chunk.items, prepared)
        chunk.status, chunk.errors, chunk.finished_at = ChunkStatus.DONE, errors, timezone.now()
        chunk.save(update_fields=["status", "errors", "finished_at"])
        _job_progress(job_id, done=done, created=created)
    return True


@transaction.atomic
def job_chunk_fail(*, job_id: int, number: int, reason: str) -> None:
    """A chunk that failed every try: nothing of it was stored; say which items it held and why."""
    chunk = JobChunk.objects.select_for_update().get(job_id=job_id, number=number)
    if chunk.status != ChunkStatus.PENDING:
        return
    labels = [item["label"] if isinstance(item, dict) else f"article {item}" for item in chunk.items]
    span = f"{labels[0]} to {labels[-1]}" if labels else "no items"
    chunk.status, chunk.finished_at = ChunkStatus.FAILED, timezone.now()
    chunk.errors = [f"{span}: not stored, failed {chunk.attempts} times ({reason})"]
    chunk.save(update_fields=["status", "errors", "finished_at"])
    _job_progress(job_id, done=len(chunk.items), created=0)


def job_chunk_attempt(*, job_id: int, number: int) -> None:
    JobChunk.objects.filter(job_id=job_id, number=number).update(attempts=F("attempts") + 1)


def _job_progress(job_id: int, *, done: int, created: int) -> None:
    """Count a finished chunk; the last one finishes the job. Runs in the chunk's transaction."""
    now = timezone.now()
    # The row lock taken by this update orders concurrent chunks: the last to commit sees every other one done.
    Job.objects.filter(pk=job_id).update(done=F("done") + done, created=F("created") + created, heartbeat_at=now)
    job = Job.objects.get(pk=job_id)
    if job.status == JobStatus.RUNNING and not job.chunks.filter(status=ChunkStatus.PENDING).exists():
        _job_finish(job)
        if job.kind == JobKind.IMPORT:
            name = job.params["file"]
            transaction.on_commit(lambda: _storage().delete(name))


def _job_finish(job: Job) -> None:
    failed = job.chunks.filter(status=ChunkStatus.FAILED).exists()
    job.status = JobStatus.FAILED if failed else JobStatus.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])


def job_run_whole(*, job_id: int) -> None:
    """Jobs that are one step: a matching rebuild, an export snapshot."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        if job.status in FINISHED:
            return
        job.status, job.started_at, job.heartbeat_at = JobStatus.RUNNING, timezone.now(), timezone.now()
        job.save(update_fields=["status", "started_at", "heartbeat_at"])
    try:
        if job.kind == JobKind.MATCHING:
            claim_matches_backfill(rebuild=True)
            Job.objects.filter(pk=job.pk).update(done=1)
        else:
            _export_write(job)
    except Exception as error:
        logger.exception("Job %s failed", job.pk)
        Job.objects.filter(pk=job.pk).update(
            status=JobStatus.FAILED, finished_at=timezone.now(), errors=[f"{type(error).__name__}: {error}"[:500]]
        )
        raise
    Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(status=JobStatus.DONE, finished_at=timezone.now())


class _Cancelled(Exception):
    pass


def _export_write(job: Job) -> None:
    """Write the snapshot to a temporary file, hashing as it goes, then keep it in the jobs storage."""
    if _export_query is None:
        raise RuntimeError("No export query is registered (the web app registers it when Django starts).")
    params = job.params
    claims = _export_query(params["filters"], job.started_by)
    total = claims.count()
    Job.objects.filter(pk=job.pk).update(total=total)
    fmt = params["format"]
    # The same record layout and verifiable end (trailer line) as the streamed exports of the API.
    as_of = timezone.now()
    if fmt == "claimreview":
        claims = claims.exclude(consensus_verdict="")
    batches = _export_batches(job, claims)
    if fmt == "jsonl":
        chunks = exports.jsonl_chunks(batches, as_of=as_of)
    elif fmt == "csv":
        chunks = exports.csv_chunks(batches, as_of=as_of)
    else:
        if not settings.CLAIMDESK_PUBLIC_URL:
            raise RuntimeError("Set CLAIMDESK_PUBLIC_URL (your organisation's public site): ClaimReview links to it.")
        chunks = exports.claimreview_chunks(
            batches,
            public_url=settings.CLAIMDESK_PUBLIC_URL,
            path=settings.CLAIMREVIEW_PATH,
            author_name=settings.CLAIMREVIEW_AUTHOR_NAME,
            author_url=settings.CLAIMREVIEW_AUTHOR_URL,
            as_of=as_of,
        )
    digest, size = hashlib.sha256(), 0
    extension = EXPORT_FORMATS[fmt][0]
    with tempfile.TemporaryFile() as out:
        try:
            for data in chunks:
                digest.update(data)
                size += len(data)
                out.write(data)
        except _Cancelled:
            return
        out.seek(0)
        name = _storage().save(f"exports/{job.pk}/claimdesk-{fmt}-{job.pk}.{extension}", File(out))
    Job.objects.filter(pk=job.pk).update(result_name=name, result_size=size, result_sha256=digest.hexdigest())


def _export_batches(job: Job, claims: QuerySet[Claim]):
    done = 0
    batches = claim_export_batches(claims=claims, clusters=claim_cluster_ids(), batch_size=EXPORT_BATCH_SIZE)
    for rows in batches:
        done += len(rows)
        updated = Job.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(done=done, heartbeat_at=timezone.now())
        if not updated:  # cancelled
            raise _Cancelled
        yield rows


# ---------------------------------------------------------------------------------------------------------------
# Housekeeping
# ---------------------------------------------------------------------------------------------------------------


def job_resume_stale(*, older_than: timedelta | None = None) -> list[int]:
    """Send again the jobs whose worker went quiet (killed, machine lost): queued or running, no heartbeat for
    `older_than` (JOB_STALE_SECONDS). Safe to repeat: planning happens once and a done chunk is never redone."""
    older_than = older_than if older_than is not None else timedelta(seconds=settings.JOB_STALE_SECONDS)
    cutoff = timezone.now() - older_than
    stale = Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING], created_at__lt=cutoff).exclude(
        heartbeat_at__gte=cutoff
    )
    resumed = []
    for job in stale:
        chunked = job.kind in CHUNK_RUNNERS
        if not chunked and job.status == JobStatus.RUNNING:
            # A whole-job step cannot resume half-way: start it again from scratch.
            Job.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, done=0)
        Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
        current_app.send_task("jobs.tasks.job_plan" if chunked else "jobs.tasks.job_run_whole", args=(job.pk,))
        resumed.append(job.pk)
    return resumed


def export_snapshots_purge(*, now: datetime | None = None) -> int:
    """Delete snapshot files older than EXPORT_SNAPSHOT_TTL seconds; the job stays, without its file."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.EXPORT_SNAPSHOT_TTL)
    expired = Job.objects.filter(kind=JobKind.EXPORT, finished_at__lt=cutoff).exclude(result_name="")
    count = 0
    for job in expired:
        _storage().delete(job.result_name)
        Job.objects.filter(pk=job.pk).update(result_name="")
        count += 1
    return count


def export_snapshot_open(*, job: Job, user):
    """The snapshot file for download: export rights, a finished export, not yet purged."""
    if not is_reviewer(user):
        raise PermissionDenied("Exports are for reviewers and admins.")
    if job.kind != JobKind.EXPORT or job.status != JobStatus.DONE or not job.result_name:
        raise ValidationError({"file": "This job has no snapshot file (not an export, not finished, or expired)."})
    expires = job.finished_at + timedelta(seconds=settings.EXPORT_SNAPSHOT_TTL)
    if timezone.now() >= expires:
        raise ValidationError({"file": "This snapshot has expired; start a new export."})
    return _storage().open(job.result_name, "rb")
