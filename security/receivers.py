"""The audit trail hears sign-ins, failed sign-ins and lockouts from django.contrib.auth and django-axes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from security.client import client_address
from security.models import AuditKind
from security.services import audit_record


def _address(request) -> str:
    return client_address(request) if request is not None else ""


@receiver(user_logged_in, dispatch_uid="security.audit_sign_in")
def audit_sign_in(sender, request, user, **kwargs):
    audit_record(kind=AuditKind.SIGN_IN, username=user.get_username(), address=_address(request))


@receiver(user_login_failed, dispatch_uid="security.audit_sign_in_failed")
def audit_sign_in_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the username is kept.
    audit_record(
        kind=AuditKind.SIGN_IN_FAILED, username=str(credentials.get("username") or ""), address=_address(request)
    )


@receiver(user_locked_out, dispatch_uid="security.audit_lockout")
def audit_lockout(sender, request, username, ip_address, **kwargs):
    audit_record(kind=AuditKind.LOCKOUT, username=username or "", address=ip_address or "")
