from django.conf import settings
from django.db import models
from django.db.models import Q


class JobKind(models.TextChoices):
    IMPORT = "import", "Article import"
    REEXTRACT = "reextract", "Re-extraction"
    MATCHING = "matching", "Matching rebuild"
    EXPORT = "export", "Export snapshot"


class JobStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"


FINISHED = (JobStatus.DONE, JobStatus.FAILED, JobStatus.CANCELLED)


class Job(models.Model):
    """One piece of background work as people see it: what, who, how far, what went wrong."""

    kind = models.CharField(max_length=20, choices=JobKind.choices)
    status = models.CharField(max_length=20, choices=JobStatus.choices, default=JobStatus.QUEUED)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    # What to work on: the uploaded file's storage name, article ids, export filters and format.
    params = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)  # imports: new articles; the rest of `done` were already here
    # Errors found before the work was split into chunks (unreadable lines); chunks keep their own.
    errors = models.JSONField(default=list, blank=True)
    result_name = models.CharField(max_length=300, blank=True, default="")  # export snapshots: file in storage
    result_size = models.PositiveBigIntegerField(null=True, blank=True)
    result_sha256 = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Last sign of life from a worker: a running job whose heartbeat stops is sent again (see job_resume_stale).
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=JobStatus.values), name="job_status_valid"),
            models.CheckConstraint(condition=Q(kind__in=JobKind.values), name="job_kind_valid"),
        ]
        indexes = [
            models.Index(fields=["started_by", "-created_at"], name="job_owner_idx"),
            models.Index(fields=["status", "heartbeat_at"], name="job_status_heartbeat_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.status})"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status in FINISHED else 0
        return min(100, self.done * 100 // self.total)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED


class ChunkStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class JobChunk(models.Model):
    """A few hundred items of a job, processed in one transaction. Marked done in that same transaction, so a
    chunk delivered twice (a worker killed after its commit, before its acknowledgement) is not applied twice."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="chunks")
    number = models.PositiveIntegerField()
    items = models.JSONField(default=list)  # import records as plain dicts, or article ids
    status = models.CharField(max_length=20, choices=ChunkStatus.choices, default=ChunkStatus.PENDING)
    errors = models.JSONField(default=list, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["job", "number"]
        constraints = [
            models.UniqueConstraint(fields=["job", "number"], name="job_chunk_unique_number"),
            models.CheckConstraint(condition=Q(status__in=ChunkStatus.values), name="job_chunk_status_valid"),
        ]

    def __str__(self) -> str:
        return f"chunk {self.number} of job {self.job_id}"
