"""The client's address, as lockouts, API throttling and the audit trail all see it."""

from django.conf import settings
from django.http import HttpRequest
from python_ipware import IpWare


def client_address(request: HttpRequest) -> str:
    """The address of whoever sent the request, trusting exactly TRUSTED_PROXY_COUNT proxies in front of us.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so the client is the
    TRUSTED_PROXY_COUNT-th entry from the right; anything further left was written by the client and is ignored.
    ipware counts only the proxies listed in the header (not the one we are connected to), hence the minus one.
    A header too short or not an address falls back to the socket's address, never to the client's own claim.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        ipware = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1)
        address, _ = ipware.get_client_ip(request.META)
        if address is not None:
            return str(address)
    return request.META.get("REMOTE_ADDR", "")
