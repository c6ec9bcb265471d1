"""Who is signing in from where: the client's address (lockouts, API throttling, the audit trail) and the username
an attempt names (lockouts)."""

from django.conf import settings
from django.contrib.auth import get_user_model
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


def sign_in_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username a sign-in attempt names, as django-axes records it: cut to the longest username there can be.

    Nothing limits what a client types, and axes stores it in a 255-character column (a longer one was a 500 on
    PostgreSQL); no account has a longer name, so the cut loses nothing.
    """
    # The two-factor sign-in form prefixes its fields with its step name ("auth-").
    username = credentials.get("username") if credentials else getattr(request, "POST", {}).get("auth-username")
    if username is None:
        return None
    user_model = get_user_model()
    return str(username)[: user_model._meta.get_field(user_model.USERNAME_FIELD).max_length]
