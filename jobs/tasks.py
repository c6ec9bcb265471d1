"""Celery tasks: thin wrappers over jobs.services. Every task is acknowledged late and re-queued if its worker
dies (config.celery), so each one is safe to run twice."""

from celery import shared_task
from django.conf import settings

from jobs import services


@shared_task(name="jobs.tasks.job_plan", ignore_result=True)
def job_plan(job_id: int) -> None:
    try:
        numbers = services.job_plan(job_id=job_id)
    except Exception as error:
        services.job_fail(job_id=job_id, reason=f"Could not start: {type(error).__name__}: {error}")
        raise
    for number in numbers:
        job_chunk.delay(job_id, number)


@shared_task(name="jobs.tasks.job_chunk", bind=True, ignore_result=True, max_retries=None)
def job_chunk(self, job_id: int, number: int) -> None:
    services.job_chunk_attempt(job_id=job_id, number=number)
    try:
        services.job_chunk_run(job_id=job_id, number=number)
    except Exception as error:
        # The chunk's transaction rolled back whole; try again a few times, then report it as not stored.
        if self.request.retries + 1 < settings.JOB_CHUNK_TRIES:
            raise self.retry(exc=error, countdown=2**self.request.retries) from error
        services.job_chunk_fail(job_id=job_id, number=number, reason=f"{type(error).__name__}: {error}"[:300])


@shared_task(name="jobs.tasks.job_run_whole", ignore_result=True)
def job_run_whole(job_id: int) -> None:
    services.job_run_whole(job_id=job_id)


@shared_task(name="jobs.tasks.jobs_housekeeping", ignore_result=True)
def jobs_housekeeping() -> None:
    services.job_resume_stale()
    services.export_snapshots_purge()
