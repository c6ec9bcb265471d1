"""The jobs page in a real browser: a running import's progress bar moves without a reload, and stops polling once
the job is done. Also the README's screenshot of the page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from jobs.models import Job, JobKind, JobStatus
from tests.browser.conftest import make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "jobs.png"


def test_a_running_imports_progress_moves_on_the_jobs_page_without_a_reload(live_server, new_page):
    reviewer = make_user("r1", "reviewer")
    annotator = make_user("a1")
    now = timezone.now()
    running = Job.objects.create(
        kind=JobKind.IMPORT,
        status=JobStatus.RUNNING,
        started_by=annotator,
        params={"name": "reuters-2022-10.jsonl"},
        total=2000,
        done=600,
        created=580,
        started_at=now,
        heartbeat_at=now,
    )
    Job.objects.create(
        kind=JobKind.MATCHING,
        status=JobStatus.DONE,
        started_by=reviewer,
        total=1,
        done=1,
        started_at=now,
        finished_at=now,
    )
    page = new_page()
    sign_in(page, live_server, "r1")
    page.goto(f"{live_server.url}/jobs/")
    panel = page.locator(f"#job-{running.pk}")
    assert "600 of 2000 (30%)" in panel.inner_text()
    assert "started by a1" in panel.inner_text()

    Job.objects.filter(pk=running.pk).update(done=1400, created=1350)
    page.wait_for_function(
        "id => document.getElementById(id).textContent.includes('1400 of 2000')", arg=f"job-{running.pk}"
    )
    assert page.locator(f"#job-{running.pk} progress").get_attribute("value") == "1400"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))  # README: 1280x800, an import under way beside a finished job

    Job.objects.filter(pk=running.pk).update(done=2000, created=1930, status=JobStatus.DONE, finished_at=now)
    page.wait_for_function("id => document.getElementById(id).textContent.includes('Done')", arg=f"job-{running.pk}")
    # A finished job's panel stops polling: no hx-trigger is left on it.
    assert page.locator(f"#job-{running.pk}").get_attribute("hx-trigger") is None
