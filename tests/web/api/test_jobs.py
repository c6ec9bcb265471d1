from http import HTTPStatus

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from jobs.models import Job, JobKind, JobStatus
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
    assert response.json() == {"file": ["notes.pdf: unsupported file type (use .txt or .jsonl)"]}
    response = api_client.post(reverse("api:imports"), {}, format="multipart")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["file"]
    assert not Job.objects.exists()


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
