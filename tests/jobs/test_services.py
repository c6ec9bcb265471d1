"""The job services without a worker: the steps a worker runs, called directly, as a redelivery would."""

import io
import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from annotations.models import Annotation
from claims import services as claims_services
from claims.models import Article, Claim, Source
from jobs import services, tasks
from jobs.models import ChunkStatus, Job, JobKind, JobStatus
from jobs.selectors import job_errors
from jobs.services import (
    export_snapshots_purge,
    job_cancel,
    job_chunk_fail,
    job_chunk_run,
    job_import_start,
    job_plan,
    job_resume_stale,
)
from matching.models import ClaimMatch
from tests.claims.factories import ArticleFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def _import_job(reviewer, n: int, settings) -> Job:
    settings.JOB_CHUNK_SIZE = 2
    lines = [json.dumps({"title": f"S{i}", "body": f"The mayor said {i} roads were shut."}) for i in range(n)]
    return job_import_start(user=reviewer, name="batch.jsonl", file=ContentFile("\n".join(lines).encode()))


def test_a_chunk_delivered_twice_is_applied_once(reviewer, settings):
    job = _import_job(reviewer, 5, settings)
    assert job_plan(job_id=job.pk) == [0, 1, 2]
    assert job_chunk_run(job_id=job.pk, number=0) is True
    assert job_chunk_run(job_id=job.pk, number=0) is False  # redelivered after its commit: nothing happens
    job.refresh_from_db()
    assert (job.done, job.created, job.status) == (2, 2, JobStatus.RUNNING)
    assert Article.objects.count() == 2
    assert job_plan(job_id=job.pk) == [1, 2]  # planning again only re-lists what is left


def test_the_last_chunk_finishes_the_job_and_deletes_the_upload(reviewer, settings, django_capture_on_commit_callbacks):
    job = _import_job(reviewer, 3, settings)
    with django_capture_on_commit_callbacks(execute=True):
        for number in job_plan(job_id=job.pk):
            job_chunk_run(job_id=job.pk, number=number)
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 3, 3)
    assert not storages["jobs"].exists(job.params["file"])


def test_a_chunk_that_failed_every_try_is_reported_and_fails_the_job(reviewer, settings):
    job = _import_job(reviewer, 3, settings)
    job_plan(job_id=job.pk)
    job_chunk_run(job_id=job.pk, number=0)
    job_chunk_fail(job_id=job.pk, number=1, reason="OperationalError: server closed the connection")
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.chunks.get(number=1).errors == [
        "batch.jsonl:3 to batch.jsonl:3: not stored, failed 0 times (OperationalError: server closed the connection)"
    ]
    assert Article.objects.count() == 2


def test_cancel_skips_the_chunks_not_yet_run(reviewer, settings):
    job = _import_job(reviewer, 5, settings)
    job_plan(job_id=job.pk)
    job_chunk_run(job_id=job.pk, number=0)
    job_cancel(job=job, user=reviewer)
    assert job_chunk_run(job_id=job.pk, number=1) is False
    assert Article.objects.count() == 2
    assert Job.objects.get(pk=job.pk).status == JobStatus.CANCELLED
    with pytest.raises(ValidationError):
        job_cancel(job=job, user=reviewer)


def test_only_the_owner_or_a_reviewer_cancels(annotator, reviewer):
    job = JobFactory(started_by=reviewer)
    with pytest.raises(PermissionDenied):
        job_cancel(job=job, user=annotator)


def test_annotators_cannot_start_imports(annotator):
    with pytest.raises(PermissionDenied):
        job_import_start(user=annotator, name="a.jsonl", file=ContentFile(b"{}"))


def test_reextraction_is_chunked_over_the_chosen_articles(reviewer, settings):
    settings.JOB_CHUNK_SIZE = 2
    articles = ArticleFactory.create_batch(3)
    job = services.job_reextract_start(user=reviewer, article_ids=[a.pk for a in articles])
    for number in job_plan(job_id=job.pk):
        job_chunk_run(job_id=job.pk, number=number)
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.DONE, 3, 3)
    assert all(a.claims.exists() for a in articles)


def test_reextraction_refuses_unknown_articles(reviewer):
    with pytest.raises(ValidationError, match="No article with id 999999"):
        services.job_reextract_start(user=reviewer, article_ids=[999999])


def test_a_job_whose_worker_went_quiet_is_sent_again(reviewer, monkeypatch):
    sent = []
    monkeypatch.setattr(services.current_app, "send_task", lambda name, args: sent.append((name, args)))
    old = timezone.now() - timedelta(hours=1)
    stale = JobFactory(status=JobStatus.RUNNING)
    Job.objects.filter(pk=stale.pk).update(created_at=old, heartbeat_at=old)
    alive = JobFactory(status=JobStatus.RUNNING)
    Job.objects.filter(pk=alive.pk).update(created_at=old, heartbeat_at=timezone.now())
    JobFactory(status=JobStatus.DONE)
    assert job_resume_stale(older_than=timedelta(minutes=10)) == [stale.pk]
    assert sent == [("jobs.tasks.job_plan", (stale.pk,))]


def test_snapshot_files_are_deleted_after_the_ttl(settings):
    settings.EXPORT_SNAPSHOT_TTL = 60
    storage = storages["jobs"]
    name = storage.save("exports/1/old.jsonl", io.BytesIO(b"{}\n"))
    old = JobFactory(kind=JobKind.EXPORT, status=JobStatus.DONE, result_name=name)
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(seconds=61))
    fresh = JobFactory(kind=JobKind.EXPORT, status=JobStatus.DONE, result_name="exports/2/new.jsonl")
    Job.objects.filter(pk=fresh.pk).update(finished_at=timezone.now())
    assert export_snapshots_purge() == 1
    assert not storage.exists(name)
    assert Job.objects.get(pk=old.pk).result_name == ""
    assert Job.objects.get(pk=fresh.pk).result_name == "exports/2/new.jsonl"


def test_bad_chunk_storage_never_sees_nul_or_surrogates(reviewer, settings):
    settings.JOB_CHUNK_SIZE = 10
    lines = ['{"body": "The mayor said it.", "publisher": "A\\u0000"}', '{"body": "B said \\ud800."}']
    job = job_import_start(user=reviewer, name="bad.jsonl", file=ContentFile("\n".join(lines).encode()))
    assert job_plan(job_id=job.pk) == []
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert job.errors == [
        "bad.jsonl:1: publisher: The publisher contains NUL bytes; send plain UTF-8 text.",
        "bad.jsonl:2: body: The article text is not valid Unicode.; "
        "title: The title is not valid Unicode (it has an unpaired surrogate).",
    ]
    assert not job.chunks.filter(status=ChunkStatus.PENDING).exists()


def test_a_job_that_cannot_be_planned_fails_with_its_reason(reviewer, settings):
    job = _import_job(reviewer, 2, settings)
    storages["jobs"].delete(job.params["file"])
    with pytest.raises(FileNotFoundError):
        tasks.job_plan(job.pk)  # the task body, run here
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.errors[0].startswith("Could not start: FileNotFoundError")


def test_a_database_conflict_rolls_the_whole_chunk_back_for_the_task_to_retry(reviewer, settings, monkeypatch):
    job = _import_job(reviewer, 2, settings)
    job_plan(job_id=job.pk)
    real_store = claims_services._claims_store

    def store(claims, *, user):  # the articles are inserted by now; then the database gives up on the chunk
        raise OperationalError("deadlock detected")

    monkeypatch.setattr(claims_services, "_claims_store", store)
    with pytest.raises(OperationalError):
        job_chunk_run(job_id=job.pk, number=0)
    assert not Article.objects.exists()  # S0 and S1 were inserted in the chunk's transaction, and rolled back with it
    assert job.chunks.get(number=0).status == ChunkStatus.PENDING
    monkeypatch.setattr(claims_services, "_claims_store", real_store)
    assert job_chunk_run(job_id=job.pk, number=0) is True
    assert sorted(Article.objects.values_list("title", flat=True)) == ["S0", "S1"]


# Claims with their labels (the export's article records) through the queue


def _labelled_lines(*annotators: str) -> bytes:
    lines = []
    for n, annotator in enumerate(annotators):
        body = f"Headline {n}\nThe minister said that taxes will fall.\n"
        start = body.index("taxes")
        claim = {"text": "taxes will fall", "start": start, "end": start + 15, "source": None}
        claim["annotations"] = [{"annotator": annotator, "verdict": "disputed", "note": "", "evidence_url": ""}]
        claim["adjudication"] = {"reviewer": "rev", "verdict": "disputed", "rationale": f"Because {n}."}
        lines.append(json.dumps({"title": f"L{n}", "body": body, "claims": [claim]}))
    return "\n".join(lines).encode()


def _run(job: Job) -> Job:
    for number in job_plan(job_id=job.pk):
        job_chunk_run(job_id=job.pk, number=number)
    job.refresh_from_db()
    return job


def test_an_import_job_from_the_shell_keeps_the_given_claims_with_their_labels(annotator, reviewer, settings):
    settings.JOB_CHUNK_SIZE = 1
    job = _run(job_import_start(user=None, name="a.jsonl", file=ContentFile(_labelled_lines("ann", "ghost"))))
    assert (job.done, job.created) == (2, 1)
    assert job_errors(job=job) == [
        "a.jsonl:2: claims: claim 0: `annotations` 0: `annotator`: no user named 'ghost' here (create the account "
        "first)"
    ]
    claim = Claim.objects.get()
    assert (claim.text, claim.origin, claim.status, claim.consensus_verdict) == (
        "taxes will fall",
        "manual",
        "adjudicated",
        "disputed",
    )
    assert claim.adjudication.rationale == "Because 0."
    assert list(Annotation.objects.values_list("annotator__username", flat=True)) == ["ann"]


def test_a_reviewers_import_job_refuses_labelled_articles_and_can_leave_their_labels_out(annotator, reviewer):
    job = _run(job_import_start(user=reviewer, name="a.jsonl", file=ContentFile(_labelled_lines("ann"))))
    assert job.created == 0
    assert job_errors(job=job) == [
        "a.jsonl:1: claims: claim 0 carries labels or an adjudication, and only admins may import them; leave out "
        "`annotations` and `adjudication` to import the claims alone"
    ]
    job = _run(
        job_import_start(user=reviewer, name="a.jsonl", file=ContentFile(_labelled_lines("ann")), leave_out_labels=True)
    )
    assert job.created == 1
    assert Claim.objects.get().text == "taxes will fall"
    assert not Annotation.objects.exists()


def test_an_import_line_whose_claims_a_database_cannot_store_is_reported_at_planning(reviewer):
    body = "Headline\nThe minister said that taxes will fall.\n"
    line = json.dumps({"body": body, "claims": [{"text": "taxes", "start": 0, "end": 5, "cue": "sa\u0000id"}]})
    job = _run(job_import_start(user=reviewer, name="a.jsonl", file=ContentFile(line.encode())))
    assert job.errors == ["a.jsonl:1: claims: contain a NUL character or an unpaired surrogate"]
    assert job.status == JobStatus.DONE


NEWS = [
    "{city} officials said {n} drones were shot down over the region overnight.",
    "Anna Kovalenko, the regional governor, said on Monday that {n} homes in {city} had lost power.",
    "“We restored water to {n} districts,” Kovalenko said.",
    "The ministry said the bridge at {city} would reopen within {n} days.",
]


def _news_lines(first: int, count: int) -> list[str]:
    """Articles alike enough that their claims share sources and are suggested as matches across articles."""
    cities = ["Kharkiv", "Odesa", "Dnipro", "Lviv"]
    lines = []
    for i in range(first, first + count):
        body = "\n".join(line.format(city=cities[i % 4], n=10 + i % 3) for line in NEWS) + f"\nReport {i}."
        lines.append(json.dumps({"title": f"Report {i}", "body": body, "url": f"https://news.example/{i}"}))
    return lines


def test_an_import_chunk_takes_a_bounded_number_of_queries(reviewer, settings):
    settings.JOB_CHUNK_SIZE = 30
    data = "\n".join(_news_lines(0, 60)).encode()
    job = job_import_start(user=reviewer, name="news.jsonl", file=ContentFile(data))
    assert job_plan(job_id=job.pk) == [0, 1]
    assert job_chunk_run(job_id=job.pk, number=0) is True  # the second chunk then matches against the first
    before = Claim.objects.count()
    # One by one this took ~30 queries per article (900 here). Batched it is ~35 per chunk on PostgreSQL; SQLite
    # inserts at most 999 parameters a statement, so there a chunk's rows take a few INSERTs more.
    with CaptureQueriesContext(connection) as queries:
        ran = job_chunk_run(job_id=job.pk, number=1)
    assert ran is True
    job.refresh_from_db()
    assert (job.status, job.done, job.created, job.total) == (JobStatus.DONE, 60, 60, 60)
    new_claims = Claim.objects.filter(article__title__in=[f"Report {i}" for i in range(30, 60)])
    assert new_claims.count() == Claim.objects.count() - before == 30 * len(NEWS)
    # Every claim's history starts at its birth, the governor is one source, and claims are matched across articles.
    assert Claim.history.filter(history_type="+", id__in=new_claims.values("id")).count() == new_claims.count()
    assert Source.objects.filter(name="Anna Kovalenko").count() == 1
    assert ClaimMatch.objects.filter(other__in=new_claims).exclude(claim__in=new_claims).exists()
    # Matching reads each new claim's candidates in one query of its own (at most MAX_PER_KEY claims per band key,
    # which keeps a lookup fast at a million claims); everything else is per chunk.
    assert len(queries) <= 70 + new_claims.count(), f"{len(queries)} queries for a chunk of 30 articles"
