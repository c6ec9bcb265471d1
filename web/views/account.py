"""A user's own API token: create (shown once), replace, revoke. No terminal or admin needed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from rest_framework.authtoken.models import Token

from core.services import token_create, token_revoke


@require_http_methods(["GET", "HEAD"])
@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    token = Token.objects.filter(user=request.user).only("created").first()
    return render(request, "web/account_token.html", {"token_created": token.created if token else None})


@never_cache  # the key is in this one response and nowhere else the browser keeps
@require_POST
@login_required
def token_create_view(request: HttpRequest) -> HttpResponse:
    token = token_create(user=request.user)
    return render(request, "web/account_token.html", {"new_key": token.key, "token_created": token.created})


@require_POST
@login_required
def token_revoke_view(request: HttpRequest) -> HttpResponse:
    if token_revoke(user=request.user):
        messages.success(request, "Token revoked: it no longer works on the API.")
    else:
        messages.info(request, "You had no token.")
    return redirect("account_token")
