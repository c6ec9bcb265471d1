"""A real Celery worker (celery.contrib.testing, a thread of the test process, not eager mode) against Redis and
against the embedded default (kombu's filesystem transport)."""

import socket
import time
import uuid

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.signals import worker_ready
from django.db import OperationalError

import jobs.tasks  # noqa: F401  (registers the tasks with the test app)
from config.celery import _resume_on_start
from jobs.models import Job

REDIS = ("127.0.0.1", 6379)


def _redis_answers() -> bool:
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(params=["redis", "filesystem"])
def worker(request, tmp_path, settings):
    if request.param == "redis":
        if not _redis_answers():
            pytest.skip("no Redis at 127.0.0.1:6379")
        url, options = f"redis://{REDIS[0]}:{REDIS[1]}/0", {"visibility_timeout": 60}
    else:
        folder = tmp_path / "queue"
        folder.mkdir()
        url = "filesystem://"
        options = {"data_folder_in": str(folder), "data_folder_out": str(folder), "control_folder": str(tmp_path)}
    settings.JOB_CHUNK_SIZE = 3  # several chunks even for a small file
    app = Celery("claimdesk-test")
    app.config_from_object("django.conf:settings", namespace="CELERY")
    # A queue of our own, so parallel test runs on one Redis never take each other's tasks.
    app.conf.update(broker_url=url, broker_transport_options=options, task_default_queue=f"test-{uuid.uuid4().hex}")
    app.set_default()
    app.set_current()
    # The housekeeping a starting worker queues (config.celery) would read jobs_job while the test writes it: SQLite's
    # shared in-memory test database refuses that at once ("database table is locked") instead of waiting. It has
    # its own tests (test_services.py).
    worker_ready.disconnect(_resume_on_start)
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10):
            yield app
    finally:
        worker_ready.connect(_resume_on_start)
    app.connection_for_write().default_channel.queue_delete(app.conf.task_default_queue)


def wait_for(job_id: int, timeout: float = 60) -> Job:
    """The job once it has finished (done, failed or cancelled)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            job = Job.objects.get(pk=job_id)
        except OperationalError:  # SQLite's shared in-memory test database: the worker thread is writing
            job = None
        if job is not None and job.is_finished:
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} still {Job.objects.get(pk=job_id).status} after {timeout}s")
