from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from claims.models import Claim


class MatchStatus(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class MatchRelation(models.TextChoices):
    SAME = "same", "Same claim"
    # Everything alike but a guard (a number, a negation, an outcome, a place, a date): never confirmed as the same.
    CONTRADICTS = "contradicts", "Related, contradicts"


class ClaimMatch(models.Model):
    """Two claims, in different articles, that may be the same claim. Stored once per pair: `claim` is the lower id."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches_as_first")
    other = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches_as_second")
    score = models.FloatField()
    status = models.CharField(max_length=20, choices=MatchStatus.choices, default=MatchStatus.SUGGESTED)
    relation = models.CharField(max_length=20, choices=MatchRelation.choices, default=MatchRelation.SAME)
    # Cosine similarity of the two claims' sentence embeddings; null for matches made before embeddings.
    similarity = models.FloatField(null=True, blank=True)
    # The reason shown to a reviewer: {"held": [guards that agreed], "differs": [guards that told them apart]}.
    guards = models.JSONField(default=dict, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claim_matches_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-score", "id"]
        verbose_name_plural = "claim matches"
        constraints = [
            models.UniqueConstraint(fields=["claim", "other"], name="claim_match_pair_unique"),
            models.CheckConstraint(condition=Q(claim__lt=F("other")), name="claim_match_pair_ordered"),
            models.CheckConstraint(condition=Q(status__in=MatchStatus.values), name="claim_match_status_valid"),
            models.CheckConstraint(condition=Q(score__gte=0, score__lte=1), name="claim_match_score_range"),
            models.CheckConstraint(condition=Q(relation__in=MatchRelation.values), name="claim_match_relation_valid"),
            models.CheckConstraint(
                condition=~Q(relation=MatchRelation.CONTRADICTS, status=MatchStatus.CONFIRMED),
                name="claim_match_contradiction_never_confirmed",
            ),
        ]
        indexes = [
            models.Index(fields=["other", "status"], name="claim_match_other_status_idx"),
            models.Index(fields=["status", "claim"], name="claim_match_status_idx"),
        ]

    def __str__(self) -> str:
        return f"claim {self.claim_id} ~ claim {self.other_id} ({self.score:.2f}, {self.relation}, {self.status})"


class ClaimSignature(models.Model):
    """The search index: one row per LSH band of a claim's MinHash signature (see matching.engine) and one per band
    of its embedding's random-hyperplane signature (matching.embedding), salted apart.

    Claims sharing a key are candidates. `key` mixes the band number into the band's hash, so one B-tree on
    (key, claim) answers `key IN (...)` for every band without touching the table.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="match_signatures")
    key = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["key", "claim"], name="claim_signature_key_idx")]

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {self.key}"


class ClaimVector(models.Model):
    """A claim's sentence embedding (matching.embedding), stored once when it is indexed so that candidates are
    compared without running the model on them again: 384 signed bytes, the unit vector scaled so that its largest
    component is 127 (cosines within 0.002 of the float vectors')."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="match_vector")
    vector = models.BinaryField()

    def __str__(self) -> str:
        return f"claim {self.claim_id}: {len(self.vector)} bytes"
