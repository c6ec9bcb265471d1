"""Reads of the security app."""

from datetime import datetime

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max
from django.http import HttpRequest


def lockout_ends_at(*, request: HttpRequest, username: str, address: str) -> datetime | None:
    """When this username may sign in again from this address: the cool-off runs from the last counted failure."""
    cool_off = get_cool_off(request)
    last = AccessAttempt.objects.filter(username=username, ip_address=address).aggregate(last=Max("attempt_time"))
    if cool_off is None or last["last"] is None:
        return None
    return last["last"] + cool_off
