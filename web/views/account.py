"""A user's own API token: create (shown once), replace, revoke. No terminal or admin needed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from rest_framework.authtoken.models import Token

from security.client import client_address
from security.services import token_issue, tokens_revoke


@require_http_methods(["GET", "HEAD"])
@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    token = Token.objects.filter(user=request.user).only("created").first()
    return render(request, "web/account_token.html", {"token_created": token.created if token else None})


@never_cache  # the key is in this one response and nowhere else the browser keeps
@require_POST
@login_required
def token_create_view(request: HttpRequest) -> HttpResponse:
    # Through the audited services: a new token replaces the old one, and both events are in the audit trail.
    token = token_issue(user=request.user, replace=True, by=request.user, address=client_address(request))
    return render(request, "web/account_token.html", {"new_key": token.key, "token_created": token.created})


@require_POST
@login_required
def token_revoke_view(request: HttpRequest) -> HttpResponse:
    mine = Token.objects.filter(user=request.user)
    if tokens_revoke(tokens=mine, by=request.user, address=client_address(request)):
        messages.success(request, "Token revoked: it no longer works on the API.")
    else:
        messages.info(request, "You had no token.")
    return redirect("account_token")
