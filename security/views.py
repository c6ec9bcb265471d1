"""The lockout page (django-axes calls it when a sign-in is refused)."""

from axes.helpers import get_client_username
from django.conf import settings
from django.shortcuts import render
from django.utils import timezone

from security.client import client_address
from security.selectors import lockout_ends_at


def locked_out(request, original_response=None, credentials=None):
    """429 with the time this username may try again from this address."""
    username = get_client_username(request, credentials) or ""
    retry_at = lockout_ends_at(request=request, username=username, address=client_address(request))
    context = {"retry_at": retry_at, "failure_limit": settings.AXES_FAILURE_LIMIT}
    response = render(request, "registration/locked_out.html", context, status=429)
    if retry_at is not None:
        response["Retry-After"] = str(max(1, int((retry_at - timezone.now()).total_seconds())))
    return response
