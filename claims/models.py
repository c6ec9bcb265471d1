from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords


class Article(models.Model):
    title = models.CharField(max_length=500)
    # Stored exactly as given: every claim's start/end offsets index into this text.
    body = models.TextField()
    url = models.URLField(max_length=2000, blank=True, default="")
    publisher = models.CharField(max_length=200, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=16, default="en")
    # SHA-256 of the normalised body, so the same text imported twice is one article.
    content_sha256 = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # For incremental exports (`updated_after`): when the article's own fields last changed.
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="article_url_unique_when_present"),
        ]
        indexes = [models.Index(fields=["publisher"], name="article_publisher_idx")]

    def __str__(self) -> str:
        return self.title


class SourceKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    GOVERNMENT = "government", "Government"
    MILITARY = "military", "Military"
    MEDIA = "media", "Media"
    UNKNOWN = "unknown", "Unknown"


class Source(models.Model):
    """Who makes claims. One row per real-world speaker, whatever the article called them."""

    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=SourceKind.choices, default=SourceKind.UNKNOWN)
    # Normalised name ("dmitry peskov"): honorifics, roles and accents removed. Unique, so lookups merge variants.
    key = models.CharField(max_length=300, unique=True)
    # Other ways articles wrote this source ("Mr. Peskov", "Kremlin spokesman Dmitry Peskov").
    aliases = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimStatus(models.TextChoices):
    UNLABELLED = "unlabelled", "Unlabelled"
    IN_PROGRESS = "in_progress", "In progress"
    AGREED = "agreed", "Agreed"
    CONFLICTING = "conflicting", "Conflicting"
    ADJUDICATED = "adjudicated", "Adjudicated"


class Verdict(models.TextChoices):
    """What a label says of a claim. Defined here because a claim's consensus verdict is one of them."""

    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    UNVERIFIED = "unverified", "Unverified"


class ClaimOrigin(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    MANUAL = "manual", "Added by a person"


class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # PROTECT: deleting a source must never detach its claims silently; merge it into another (source_merge).
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="claims")
    source_mention = models.CharField(max_length=300, blank=True, default="")
    cue = models.CharField(max_length=100, blank=True, default="")
    is_direct_quote = models.BooleanField(default=False)
    confidence = models.FloatField(null=True, blank=True)
    position = models.PositiveIntegerField(default=0)
    # Which extraction rule made the claim and with which extractor, so flags and edits can be counted per rule.
    extraction_rule = models.CharField(max_length=60, blank=True, default="", db_index=True)
    extractor_version = models.CharField(max_length=20, blank=True, default="")
    origin = models.CharField(max_length=20, choices=ClaimOrigin.choices, default=ClaimOrigin.EXTRACTED)
    is_flagged_not_claim = models.BooleanField("flagged as not a claim", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_created"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_updated"
    )
    # Bumped by every change a data user would see: text, source, flags (save) and labels or adjudication
    # (claims.services.claim_touch), so `updated_after` finds exactly the claims that changed.
    updated_at = models.DateTimeField(auto_now=True)
    # Derived from the labels and the adjudication by annotations.services.claim_refresh_consensus alone (every
    # way in calls it), so the queue, filters and exports over a million claims read one indexed column instead
    # of aggregating labels per row. Read-only in the admin; `manage.py check_consensus` proves they agree.
    label_count = models.PositiveIntegerField(default=0, editable=False)
    status = models.CharField(
        max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.UNLABELLED, editable=False
    )
    consensus_verdict = models.CharField(max_length=20, choices=Verdict.choices, blank=True, default="", editable=False)
    history = HistoricalRecords(excluded_fields=["label_count", "status", "consensus_verdict", "updated_at"])

    class Meta:
        ordering = ["article_id", "position", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_end_after_start"),
            models.UniqueConstraint(fields=["article", "start", "end"], name="claim_span_unique_per_article"),
            models.CheckConstraint(condition=Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            # A consensus verdict exists exactly when the claim is agreed or adjudicated.
            models.CheckConstraint(
                condition=(
                    Q(status__in=[ClaimStatus.AGREED, ClaimStatus.ADJUDICATED], consensus_verdict__in=Verdict.values)
                    | (~Q(status__in=[ClaimStatus.AGREED, ClaimStatus.ADJUDICATED]) & Q(consensus_verdict=""))
                ),
                name="claim_consensus_matches_status",
            ),
        ]
        indexes = [
            models.Index(fields=["article", "position"], name="claim_article_position_idx"),
            models.Index(fields=["source"], name="claim_source_idx"),
            models.Index(fields=["status", "label_count"], name="claim_queue_idx"),
            # The review queue walks claims in this order and stops at the first one open to the annotator.
            models.Index(
                fields=["label_count", "article", "position"],
                condition=Q(is_flagged_not_claim=False),
                name="claim_queue_order_idx",
            ),
            models.Index(fields=["consensus_verdict"], name="claim_consensus_idx"),
            # The claim browser's "fewest/most labels" sorts page by (label_count, id) keysets.
            models.Index(fields=["label_count", "id"], name="claim_label_count_idx"),
            models.Index(fields=["updated_at", "id"], name="claim_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else self.text[:77] + "..."
