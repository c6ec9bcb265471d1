"""Writes of the security app: the audit trail, unlocking, API tokens and the record of role and staff changes."""

from dataclasses import dataclass
from datetime import datetime

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from rest_framework.authtoken.models import Token

from security.models import AuditEvent, AuditKind

USERNAME_MAX = AuditEvent._meta.get_field("username").max_length
DETAIL_MAX = AuditEvent._meta.get_field("detail").max_length


def _name(user: AbstractBaseUser | None) -> str:
    return user.get_username() if user is not None and user.is_authenticated else ""


@transaction.atomic
def audit_record(
    *, kind: AuditKind, username: str = "", actor: str = "", address: str = "", detail: str = ""
) -> AuditEvent:
    """Store one security event. A username tried in a failed sign-in may be anything, so it is cut to size."""
    return AuditEvent.objects.create(
        kind=kind,
        username=username[:USERNAME_MAX],
        actor=actor[:USERNAME_MAX],
        address=address or None,
        detail=detail[:DETAIL_MAX],
    )


@transaction.atomic
def audit_purge(*, older_than: datetime) -> int:
    """Delete the events from before `older_than`; returns how many went."""
    deleted, _ = AuditEvent.objects.filter(at__lt=older_than).delete()
    return deleted


@transaction.atomic
def lockouts_release(*, attempts: QuerySet[AccessAttempt], by: AbstractBaseUser, address: str) -> int:
    """Unlock the username and address pairs of these failed-sign-in records; one audit event per pair."""
    pairs = sorted(set(attempts.values_list("username", "ip_address")), key=lambda pair: (pair[0] or "", pair[1] or ""))
    for username, ip_address in pairs:
        axes_reset(username=username, ip=ip_address)
        audit_record(
            kind=AuditKind.UNLOCK,
            username=username or "",
            actor=_name(by),
            address=address,
            detail=f"sign-in from {ip_address} allowed again",
        )
    return len(pairs)


@transaction.atomic
def token_issue(
    *, user: AbstractBaseUser, replace: bool = False, by: AbstractBaseUser | None = None, address: str = ""
) -> Token:
    """The user's API token, created if they have none (or replacing theirs when `replace`)."""
    if replace:
        tokens_revoke(tokens=Token.objects.filter(user=user), by=by, address=address)
    token, created = Token.objects.get_or_create(user=user)
    if created:
        audit_record(kind=AuditKind.TOKEN_CREATED, username=user.get_username(), actor=_name(by), address=address)
    return token


@transaction.atomic
def tokens_revoke(*, tokens: QuerySet[Token], by: AbstractBaseUser | None = None, address: str = "") -> int:
    """Delete these API tokens: requests that send them are refused (401) from now on."""
    usernames = list(tokens.values_list("user__username", flat=True))
    tokens.delete()
    for username in usernames:
        audit_record(kind=AuditKind.TOKEN_REVOKED, username=username, actor=_name(by), address=address)
    return len(usernames)


@dataclass(frozen=True)
class Access:
    """What a user account may do: the parts whose changes are audited."""

    is_staff: bool
    is_superuser: bool
    groups: frozenset[str]

    @classmethod
    def of(cls, user: AbstractBaseUser) -> "Access":
        if user.pk is None:
            return cls(is_staff=False, is_superuser=False, groups=frozenset())
        return cls(
            is_staff=user.is_staff,
            is_superuser=user.is_superuser,
            groups=frozenset(user.groups.values_list("name", flat=True)),
        )


def _flag_changes(before: Access, after: Access) -> list[str]:
    changes = []
    for flag, label in (("is_staff", "staff"), ("is_superuser", "superuser")):
        old, new = getattr(before, flag), getattr(after, flag)
        if old != new:
            changes.append(f"{label}: {'yes' if old else 'no'} -> {'yes' if new else 'no'}")
    return changes


@transaction.atomic
def access_change_record(
    *, user: AbstractBaseUser, before: Access, by: AbstractBaseUser | None = None, address: str = ""
) -> list[AuditEvent]:
    """Audit what changed in the user's staff flags and role groups since `before` (nothing if nothing did)."""
    after = Access.of(user)
    changes: list[tuple[AuditKind, str]] = []
    flags = _flag_changes(before, after)
    if flags:
        changes.append((AuditKind.STAFF_CHANGED, "; ".join(flags)))
    added, removed = sorted(after.groups - before.groups), sorted(before.groups - after.groups)
    if added or removed:
        parts = [f"added {', '.join(added)}" if added else "", f"removed {', '.join(removed)}" if removed else ""]
        changes.append((AuditKind.ROLE_CHANGED, "; ".join(part for part in parts if part)))
    return [
        audit_record(kind=kind, username=user.get_username(), actor=_name(by), address=address, detail=detail)
        for kind, detail in changes
    ]
