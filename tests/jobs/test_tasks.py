"""Jobs through a real worker and broker: Redis, and the embedded default."""

import hashlib
import json
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import Article, Claim
from jobs.models import JobStatus
from tests.claims.factories import ClaimFactory
from tests.jobs.conftest import wait_for

# The worker thread has its own connection, so data must be committed. An admin needs no role group (those come from
# a data migration that a transactional test's flush removes); pytest-django runs these after the other db tests.
# A real worker commits in its own connection, so these tests are transactional. Not serialised: they are the last
# transactional tests collected (pytest-django runs those after all others), and their flush recreating content
# types cannot then collide with a later serialised test's reload.
pytestmark = pytest.mark.django_db(transaction=True)


def _lines(n: int) -> list[str]:
    return [json.dumps({"title": f"Story {i}", "body": f"The ministry said {i} drones were downed."}) for i in range(n)]


def test_import_through_the_queue_stores_every_good_record_and_reports_bad_lines(worker, api_client, admin_user):
    lines = _lines(7)
    lines.insert(2, "{not json")
    lines.insert(5, json.dumps({"title": "T" * 501, "body": "The agency said prices rose."}))
    api_client.force_authenticate(admin_user)
    upload = SimpleUploadedFile("batch.jsonl", "\n".join(lines).encode())
    response = api_client.post(reverse("api:imports"), {"file": upload}, format="multipart")
    assert response.status_code == HTTPStatus.ACCEPTED, response.content
    assert response.json()["status"] == "queued"
    job = wait_for(response.json()["id"])
    assert job.status == JobStatus.DONE
    assert Article.objects.count() == 7
    body = api_client.get(reverse("api:job-detail", args=[job.pk])).json()
    assert (body["total"], body["done"], body["created"], body["percent"]) == (7, 7, 7, 100)
    assert body["errors"] == [
        "batch.jsonl:3: invalid JSON (Expecting property name enclosed in double quotes)",
        "batch.jsonl:6: title: The title is longer than 500 characters.",
    ]


def test_export_snapshot_is_written_by_the_worker_with_its_size_and_sha256(worker, api_client, admin_user):
    ClaimFactory.create_batch(3)
    api_client.force_authenticate(admin_user)
    response = api_client.post(reverse("api:exports"), {"format": "jsonl", "filters": {}}, format="json")
    assert response.status_code == HTTPStatus.ACCEPTED, response.content
    job = wait_for(response.json()["id"])
    assert job.status == JobStatus.DONE
    file = api_client.get(reverse("api:job-detail", args=[job.pk])).json()["file"]
    download = api_client.get(file["url"])
    assert download.status_code == HTTPStatus.OK
    content = b"".join(download.streaming_content)
    assert len(content) == file["size"]
    assert hashlib.sha256(content).hexdigest() == file["sha256"]
    *records, end = [json.loads(line) for line in content.splitlines()]
    assert end["_end"]["rows"] == len(records)  # the same verifiable end as the streamed export
    assert sorted(record["id"] for record in records) == sorted(Claim.objects.values_list("pk", flat=True))
