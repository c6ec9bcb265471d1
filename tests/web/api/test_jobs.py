from http import HTTPStatus

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job, JobChunk, JobKind, JobStatus
from jobs.services import job_plan
from tests.claims.factories import ArticleFactory
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def _snapshot(owner) -> Job:
    name = storages["jobs"].save("exports/9/claims.jsonl", SimpleUploadedFile("claims.jsonl", b'{"id":1}\n'))
    return JobFactory(
        kind=JobKind.EXPORT,
        started_by=owner,
        status=JobStatus.DONE,
        finished_at=timezone.now(),
        params={"format": "jsonl", "filters": {}},
        result_name=name,
        result_size=9,
        result_sha256="ab" * 32,
    )


def test_annotators_see_only_their_own_jobs(api_client, annotator, reviewer):
    mine, theirs = JobFactory(started_by=annotator), JobFactory(started_by=reviewer)
    api_client.force_authenticate(annotator)
    response = api_client.get(reverse("api:job-list"))
    assert response.status_code == HTTPStatus.OK
    assert [job["id"] for job in response.json()["results"]] == [mine.pk]
    assert api_client.get(reverse("api:job-detail", args=[theirs.pk])).status_code == HTTPStatus.NOT_FOUND


def test_reviewers_see_everyones_jobs(api_client, annotator, reviewer):
    JobFactory(started_by=annotator)
    api_client.force_authenticate(reviewer)
    response = api_client.get(reverse("api:job-list"))
    assert response.status_code == HTTPStatus.OK
    assert [job["started_by"] for job in response.json()["results"]] == ["ann"]


def test_job_payload(api_client, reviewer):
    job = _snapshot(reviewer)
    api_client.force_authenticate(reviewer)
    response = api_client.get(reverse("api:job-detail", args=[job.pk]))
    assert response.status_code == HTTPStatus.OK
    body = response.json()
    assert body["file"] == {
        "url": f"http://testserver/api/jobs/{job.pk}/file/",
        "size": 9,
        "sha256": "ab" * 32,
    }
    assert (body["kind"], body["status"], body["errors"], body["percent"]) == ("export", "done", [], 100)


def test_snapshot_download_needs_export_rights(api_client, annotator):
    job = _snapshot(annotator)  # even a snapshot in their own name
    api_client.force_authenticate(annotator)
    assert api_client.get(reverse("api:job-file", args=[job.pk])).status_code == HTTPStatus.FORBIDDEN


def test_an_expired_snapshot_is_not_served(api_client, reviewer, settings):
    settings.EXPORT_SNAPSHOT_TTL = 0
    job = _snapshot(reviewer)
    api_client.force_authenticate(reviewer)
    response = api_client.get(reverse("api:job-file", args=[job.pk]))
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "expired" in response.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"format": "pdf"}, "format"),
        ({"format": "jsonl", "filters": {"verdict": "banana"}}, "filters"),
        ({"format": "jsonl", "filters": {"nope": "1"}}, "filters"),
        ({"format": "jsonl", "filters": {"article": 5}}, "filters"),
        ({"format": "jsonl", "extra": 1}, "extra"),
    ],
)
def test_export_snapshot_request_errors_are_400_on_the_field(api_client, reviewer, data, field):
    api_client.force_authenticate(reviewer)
    response = api_client.post(reverse("api:exports"), data, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == [field]
    assert not Job.objects.exists()


def test_exports_are_for_reviewers(api_client, annotator):
    api_client.force_authenticate(annotator)
    response = api_client.post(reverse("api:exports"), {"format": "jsonl"}, format="json")
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_import_needs_a_supported_file(api_client, reviewer):
    api_client.force_authenticate(reviewer)
    upload = SimpleUploadedFile("notes.pdf", b"%PDF")
    response = api_client.post(reverse("api:imports"), {"file": upload}, format="multipart")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"file": ["notes.pdf: unsupported file type (use .txt, .jsonl, .html or .htm)"]}
    response = api_client.post(reverse("api:imports"), {}, format="multipart")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["file"]
    assert not Job.objects.exists()


def test_import_refuses_a_file_that_is_not_text_at_once(api_client, reviewer):
    api_client.force_authenticate(reviewer)
    upload = SimpleUploadedFile("articles.jsonl", b"PK\x03\x04\x14\x00\x08\x00\xa3\x9b")  # a zip file, renamed
    response = api_client.post(reverse("api:imports"), {"file": upload}, format="multipart")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"file": ["articles.jsonl: not a UTF-8 text file (byte 8)"]}
    assert not Job.objects.exists()


def test_import_queues_the_file_unread(api_client, reviewer, django_capture_on_commit_callbacks):
    """Only the worker reads the records: a file of broken lines is accepted here and reported line by line there."""
    api_client.force_authenticate(reviewer)
    upload = SimpleUploadedFile("articles.jsonl", b"{not json\n" * 1000)
    with django_capture_on_commit_callbacks() as callbacks:
        response = api_client.post(reverse("api:imports"), {"file": upload}, format="multipart")
    assert response.status_code == HTTPStatus.ACCEPTED
    body = response.json()
    assert (body["status"], body["total"], body["errors"]) == ("queued", 0, [])
    assert response["Location"] == reverse("api:job-detail", args=[body["id"]])
    assert len(callbacks) == 1  # the job is sent to the queue once the request's transaction commits
    job = Job.objects.get(pk=body["id"])
    with storages["jobs"].open(job.params["file"], "rb") as stored:
        assert stored.read() == b"{not json\n" * 1000


def test_annotators_cannot_import(api_client, annotator):
    api_client.force_authenticate(annotator)
    upload = SimpleUploadedFile("a.jsonl", b'{"body": "x said y"}')
    response = api_client.post(reverse("api:imports"), {"file": upload}, format="multipart")
    assert response.status_code == HTTPStatus.FORBIDDEN


def test_cancel_through_the_api(api_client, reviewer):
    job = JobFactory(started_by=reviewer)
    api_client.force_authenticate(reviewer)
    response = api_client.post(reverse("api:job-cancel", args=[job.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response.json()["status"] == "cancelled"
    assert api_client.post(reverse("api:job-cancel", args=[job.pk])).status_code == HTTPStatus.BAD_REQUEST


@pytest.mark.parametrize(
    ("data", "params"),
    [
        ({"kind": "reextract"}, {"articles": None}),
        ({"kind": "reextract", "filters": {"publisher": "Wire"}}, {"filters": {"publisher": "Wire"}}),
        ({"kind": "matching"}, {}),
    ],
)
def test_reviewers_start_reextraction_and_matching_rebuilds(api_client, reviewer, data, params):
    api_client.force_authenticate(reviewer)
    response = api_client.post(reverse("api:job-list"), data, format="json")
    assert response.status_code == HTTPStatus.ACCEPTED, response.content
    body = response.json()
    assert (body["kind"], body["status"], body["started_by"]) == (data["kind"], "queued", "rev")
    assert response["Location"] == reverse("api:job-detail", args=[body["id"]])
    assert Job.objects.get(pk=body["id"]).params == params


def test_reextraction_of_chosen_articles(api_client, reviewer, settings):
    settings.JOB_CHUNK_SIZE = 1
    chosen = ArticleFactory(publisher="Wire")
    ArticleFactory(publisher="Post")
    api_client.force_authenticate(reviewer)
    by_ids = api_client.post(reverse("api:job-list"), {"kind": "reextract", "articles": [chosen.pk]}, format="json")
    by_filters = api_client.post(
        reverse("api:job-list"), {"kind": "reextract", "filters": {"publisher": "Wire"}}, format="json"
    )
    assert (by_ids.status_code, by_filters.status_code) == (HTTPStatus.ACCEPTED, HTTPStatus.ACCEPTED)
    for body in (by_ids.json(), by_filters.json()):
        numbers = job_plan(job_id=body["id"])
        assert list(JobChunk.objects.filter(job_id=body["id"]).values_list("items", flat=True)) == [[chosen.pk]]
        assert numbers == [0]  # one chunk: the chosen article, not the other one


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "import"}, "kind"),
        ({}, "kind"),
        ({"kind": "reextract", "article": [1]}, "article"),
        ({"kind": "reextract", "articles": [999999]}, "articles"),
        ({"kind": "reextract", "articles": ["x"]}, "articles"),
        ({"kind": "reextract", "articles": []}, "articles"),
        ({"kind": "reextract", "articles": [1], "filters": {}}, "filters"),
        ({"kind": "reextract", "filters": {"colour": "red"}}, "filters"),
        ({"kind": "reextract", "filters": {"published_after": "soon"}}, "filters"),
        ({"kind": "reextract", "filters": {"publisher": 7}}, "filters"),
        ({"kind": "matching", "articles": [1]}, "articles"),
    ],
)
def test_job_start_errors_are_400_on_the_field(api_client, reviewer, data, field):
    api_client.force_authenticate(reviewer)
    response = api_client.post(reverse("api:job-list"), data, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == [field]
    assert not Job.objects.exists()


def test_annotators_cannot_start_reextraction_or_matching(api_client, annotator):
    api_client.force_authenticate(annotator)
    for kind in ("reextract", "matching"):
        response = api_client.post(reverse("api:job-list"), {"kind": kind}, format="json")
        assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Job.objects.exists()
