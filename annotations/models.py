from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claims.models import Claim, Verdict

__all__ = ["Adjudication", "Annotation", "ClaimReservation", "ClaimSkip", "Verdict"]


class Annotation(models.Model):
    """One annotator's verdict on one claim. Every change is kept in its history."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="annotations")
    annotator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations")
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    note = models.TextField(blank=True, default="")
    evidence_url = models.URLField(max_length=2000, blank=True, default="")
    # Time from the claim being shown to the label being sent, for the reviewers' per-annotator figures.
    seconds_spent = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "annotator"], name="annotation_one_per_claim_and_annotator"),
            models.CheckConstraint(condition=models.Q(verdict__in=Verdict.values), name="annotation_verdict_valid"),
        ]
        indexes = [models.Index(fields=["annotator", "created_at"], name="annotation_annotator_time_idx")]

    def __str__(self) -> str:
        return f"{self.annotator} · {self.verdict} · claim {self.claim_id}"


class Adjudication(models.Model):
    """A reviewer's final verdict on a claim. Reopening deletes the row; its history keeps what it was."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="adjudication")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="adjudications")
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    rationale = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(verdict__in=Verdict.values), name="adjudication_verdict_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.verdict} by {self.reviewer} on claim {self.claim_id}"


class ClaimReservation(models.Model):
    """A claim handed to one annotator in the review queue; others do not get it until it expires."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="reservation")
    annotator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reservations")
    shown_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="reservation_expiry_idx")]

    def __str__(self) -> str:
        return f"claim {self.claim_id} held by {self.annotator} until {self.expires_at:%H:%M:%S}"


class ClaimSkip(models.Model):
    """An annotator passed on a claim; the queue offers it to them again only when nothing else is left."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="skips")
    annotator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skips")
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["claim", "annotator"], name="skip_one_per_claim_and_annotator")]

    def __str__(self) -> str:
        return f"{self.annotator} skipped claim {self.claim_id}"


class Guidelines(models.Model):
    """The annotation guidelines, in Markdown: one row, edited by reviewers; its history keeps every version."""

    text = models.TextField(blank=True, default="")
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "guidelines"

    def __str__(self) -> str:
        return f"Guidelines of {self.updated_at:%Y-%m-%d %H:%M}" if self.updated_at else "Guidelines"


class ProposalStatus(models.TextChoices):
    OPEN = "open", "Open"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class ClaimFixProposal(models.Model):
    """An annotator's suggested fix of a claim's span or attribution, for a reviewer to accept or reject."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="fix_proposals")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()  # the article text at start..end when proposed, as the reviewer will judge it
    source = models.ForeignKey("claims.Source", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    new_source_name = models.CharField(max_length=300, blank=True, default="")
    source_kind = models.CharField(max_length=20, blank=True, default="")
    source_mention = models.CharField(max_length=300, blank=True, default="")
    cue = models.CharField(max_length=100, blank=True, default="")
    is_direct_quote = models.BooleanField(default=False)
    note = models.TextField(blank=True, default="")
    status = models.CharField(max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["claim", "status"], name="fixproposal_claim_status_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="fixproposal_end_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} fix of claim {self.claim_id} by {self.proposed_by}"
