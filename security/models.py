from django.db import models
from django.utils import timezone


class AuditKind(models.TextChoices):
    SIGN_IN = "sign_in", "Signed in"
    SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
    LOCKOUT = "lockout", "Locked out"
    UNLOCK = "unlock", "Unlocked"
    TOKEN_CREATED = "token_created", "API token created"
    TOKEN_REVOKED = "token_revoked", "API token revoked"
    ROLE_CHANGED = "role_changed", "Role changed"
    STAFF_CHANGED = "staff_changed", "Staff status changed"


class AuditEvent(models.Model):
    """One security event. Names are stored as text so the trail outlives deleted accounts and records the
    usernames tried in failed sign-ins, whether or not such an account exists."""

    at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(max_length=20, choices=AuditKind.choices)
    username = models.CharField(max_length=150, blank=True, help_text="The account the event concerns.")
    actor = models.CharField(
        max_length=150, blank=True, help_text="Who made the change, when not the account itself (e.g. an admin)."
    )
    address = models.GenericIPAddressField(null=True, blank=True, help_text="The client's address.")
    detail = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["at"], name="audit_at"),
            models.Index(fields=["username", "at"], name="audit_username_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.get_kind_display()} {self.username}"
