import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q


class WebhookEvent(models.TextChoices):
    CLAIM_CREATED = "claim.created", "Claim created"
    CLAIM_UPDATED = "claim.updated", "Claim changed (text, span, source, cue, quote or flag)"
    CLAIM_DELETED = "claim.deleted", "Claim deleted (by an admin, with its article, or by re-extraction)"
    LABEL_CREATED = "label.created", "Label given"
    LABEL_UPDATED = "label.updated", "Label changed"
    LABEL_DELETED = "label.deleted", "Label removed"
    ADJUDICATION_CREATED = "adjudication.created", "Adjudication made"
    ADJUDICATION_UPDATED = "adjudication.updated", "Adjudication changed"
    ADJUDICATION_DELETED = "adjudication.deleted", "Adjudication withdrawn"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


def secret_new() -> str:
    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    """A URL an admin registered for some events; every delivery to it is signed with its secret."""

    url = models.URLField(max_length=2000)
    events = models.JSONField(default=list, help_text="The WebhookEvent values it receives.")
    secret = models.CharField(max_length=100, default=secret_new, editable=False)
    description = models.CharField(max_length=200, blank=True, default="")
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description or self.url


class WebhookDelivery(models.Model):
    """One event sent to one webhook: the exact body signed and sent, and how the tries went."""

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(max_length=40, choices=WebhookEvent.choices)
    body = models.TextField(help_text="The JSON sent, byte for byte (UTF-8): what the signature covers.")
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_status = models.PositiveIntegerField(null=True, blank=True, help_text="The last answer's HTTP status.")
    error = models.CharField(max_length=500, blank=True, default="", help_text="Why the last try failed.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "webhook deliveries"
        constraints = [
            models.CheckConstraint(condition=Q(status__in=DeliveryStatus.values), name="webhook_delivery_status_valid")
        ]
        indexes = [
            models.Index(fields=["webhook", "-id"], name="webhook_delivery_log_idx"),
            models.Index(fields=["status", "-id"], name="webhook_delivery_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event} to {self.webhook_id} ({self.status})"


# What the delivery log shows of each delivery, in the admin and the API.
DELIVERY_LOG_FIELDS = (
    "event",
    "status",
    "attempts",
    "response_status",
    "error",
    "created_at",
    "last_attempt_at",
    "next_attempt_at",
    "delivered_at",
)
