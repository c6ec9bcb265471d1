"""Reads for background jobs."""

from django.db.models import QuerySet

from core.roles import is_reviewer
from jobs.models import Job, JobChunk, JobKind, JobStatus

MAX_LISTED_ERRORS = 1000  # a job over a broken file must not make its page megabytes long


def jobs_visible_to(*, user) -> QuerySet[Job]:
    """A user sees the jobs they started; reviewers and admins see everyone's."""
    jobs = Job.objects.select_related("started_by")
    return jobs if is_reviewer(user) else jobs.filter(started_by=user)


def job_errors(*, job: Job, limit: int = MAX_LISTED_ERRORS) -> list[str]:
    """Per-item errors: unreadable lines first, then each chunk's, in file order."""
    errors = list(job.errors[:limit])
    for chunk_errors in JobChunk.objects.filter(job=job).exclude(errors=[]).values_list("errors", flat=True):
        if len(errors) >= limit:
            break
        errors.extend(chunk_errors[: limit - len(errors)])
    return errors


def import_running_for(*, user) -> bool:
    """Whether an import this user started is still queued or running (the article list then refreshes itself)."""
    running = [JobStatus.QUEUED, JobStatus.RUNNING]
    return Job.objects.filter(started_by=user, kind=JobKind.IMPORT, status__in=running).exists()
