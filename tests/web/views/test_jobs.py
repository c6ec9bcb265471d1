from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article
from jobs.models import Job, JobKind, JobStatus
from tests.jobs.factories import JobFactory

pytestmark = pytest.mark.django_db


def test_running_job_polls_its_progress_with_htmx_and_a_finished_one_stops(reviewer_client, reviewer):
    running = JobFactory(started_by=reviewer, status=JobStatus.RUNNING, total=10, done=4)
    url = reverse("job_detail", args=[running.pk])
    page = reviewer_client.get(url)
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert f'hx-get="{url}"' in html
    assert 'hx-trigger="every 2s"' in html
    assert '<progress value="4" max="10"' in html
    assert "4 of 10 (40%)" in html
    assert "<script" not in html.split("</head>")[1]  # no inline script: a Content-Security-Policy is coming
    Job.objects.filter(pk=running.pk).update(status=JobStatus.DONE, done=10)
    partial = reviewer_client.get(url, headers={"HX-Request": "true"})
    assert partial.status_code == HTTPStatus.OK
    assert "<html" not in partial.content.decode()
    assert "hx-trigger" not in partial.content.decode()
    assert "10 of 10 (100%)" in partial.content.decode()


def test_jobs_page_lists_only_my_jobs_for_an_annotator(annotator_client, annotator, reviewer):
    mine = JobFactory(started_by=annotator)
    theirs = JobFactory(started_by=reviewer)
    page = annotator_client.get(reverse("job_list"))
    assert page.status_code == HTTPStatus.OK
    html = page.content.decode()
    assert f"Article import #{mine.pk}</a>" in html
    assert f"Article import #{theirs.pk}</a>" not in html
    assert annotator_client.get(reverse("job_detail", args=[theirs.pk])).status_code == HTTPStatus.NOT_FOUND


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"kind": "matching"}, JobKind.MATCHING),
        ({"kind": "export", "format": "csv"}, JobKind.EXPORT),
        ({"kind": "reextract"}, JobKind.REEXTRACT),
    ],
)
def test_reviewers_start_jobs_from_the_page(reviewer_client, data, kind):
    response = reviewer_client.post(reverse("job_start"), data)
    job = Job.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert (job.kind, job.status) == (kind, JobStatus.QUEUED)


def test_annotators_cannot_start_jobs(annotator_client):
    response = annotator_client.post(reverse("job_start"), {"kind": "matching"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Job.objects.exists()


def test_cancel_from_the_page(reviewer_client, reviewer):
    job = JobFactory(started_by=reviewer)
    response = reviewer_client.post(reverse("job_cancel", args=[job.pk]))
    assert response.status_code == HTTPStatus.FOUND
    assert Job.objects.get(pk=job.pk).status == JobStatus.CANCELLED


def test_a_large_upload_becomes_a_background_job(reviewer_client, settings):
    settings.IMPORT_INLINE_MAX_BYTES = 10
    upload = SimpleUploadedFile("big.jsonl", b'{"body": "The mayor said the roads are closed."}\n' * 3)
    response = reviewer_client.post(reverse("article_upload"), {"files": upload})
    job = Job.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("job_detail", args=[job.pk])
    assert (job.kind, job.status, job.params["name"]) == (JobKind.IMPORT, JobStatus.QUEUED, "big.jsonl")
    assert not Article.objects.exists()  # nothing imported in the request


def test_a_large_upload_that_is_not_text_is_refused_at_once(reviewer_client, settings):
    settings.IMPORT_INLINE_MAX_BYTES = 10
    upload = SimpleUploadedFile("big.jsonl", b"\x89PNG\r\n\x1a\n" + b"\x00\xff" * 20)  # a picture, renamed
    response = reviewer_client.post(reverse("article_upload"), {"files": upload})
    assert response.status_code == HTTPStatus.OK
    assert "big.jsonl: not a UTF-8 text file (byte 0)" in response.content.decode()
    assert not Job.objects.exists()


def test_article_list_refreshes_itself_while_my_import_runs(reviewer_client, reviewer):
    url = reverse("article_list")
    assert "hx-trigger" not in reviewer_client.get(url).content.decode()
    job = JobFactory(started_by=reviewer, status=JobStatus.RUNNING)
    page = reviewer_client.get(url)
    assert page.status_code == HTTPStatus.OK
    assert 'hx-trigger="every 3s" hx-select="#article-results"' in page.content.decode()
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE)
    assert "hx-trigger" not in reviewer_client.get(url).content.decode()
