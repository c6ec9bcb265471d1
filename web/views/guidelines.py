"""The annotation guidelines: everyone reads them, reviewers edit them (every version kept in history)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from annotations.selectors import guidelines_current, guidelines_history
from annotations.services import guidelines_update
from claims.forms import add_service_errors
from core.markdown import render_markdown
from core.roles import is_reviewer, role_required
from web.forms import GuidelinesForm

UNPROCESSABLE = 422


@require_http_methods(["GET", "HEAD"])
@login_required
def guidelines(request: HttpRequest) -> HttpResponse:
    current = guidelines_current()
    reviewer = is_reviewer(request.user)
    return render(
        request,
        "web/guidelines.html",
        {
            "guidelines": current,
            "html": render_markdown(current.text),
            "can_edit": reviewer,
            "history": list(guidelines_history()) if reviewer else [],
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@role_required(is_reviewer)
def guidelines_edit(request: HttpRequest) -> HttpResponse:
    current = guidelines_current()
    form = GuidelinesForm(request.POST or None, initial={"text": current.text})
    if request.method == "POST" and form.is_valid():
        try:
            guidelines_update(text=form.cleaned_data["text"], user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Guidelines saved. The earlier version is kept in their history.")
            return redirect("guidelines")
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "web/guidelines_edit.html", {"form": form}, status=status)
