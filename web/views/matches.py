"""The review page's "possibly the same claim" box (decide a match, reuse its verdict) and the reviewers' clusters.

The decisions answer like the review page: an htmx request gets the review partial, a plain one a redirect.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import replace_url

from matching.forms import MatchDecisionForm
from matching.models import ClaimMatch, MatchStatus
from matching.selectors import cluster_list
from matching.services import claim_match_apply_verdict, claim_match_decide
from web.views.review import (
    UNPROCESSABLE,
    claim_from,
    next_claim_response,
    render_review,
    require_annotator,
    require_reviewer,
)

DECIDED = {MatchStatus.CONFIRMED: "Confirmed: the same claim.", MatchStatus.REJECTED: "Rejected: not the same claim."}


def _this_claim(request: HttpRequest, claim) -> HttpResponse:
    url = f"{reverse('review')}?claim={claim.pk}"
    if not request.htmx:
        return redirect(url)
    return replace_url(render_review(request, claim), url)


def _match_of(request: HttpRequest, pk: int):
    """The match and the claim on screen, which must be one of its two claims."""
    match = get_object_or_404(ClaimMatch, pk=pk)
    claim = claim_from(request.POST.get("claim"))
    if claim.pk not in (match.claim_id, match.other_id):
        raise ValidationError("This match is not about the claim on screen.")
    return match, claim


@require_POST
@login_required
def match_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm or reject a suggested match; the same claim stays on screen."""
    require_annotator(request)
    try:
        match, claim = _match_of(request, pk)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400)
    form = MatchDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whether the claims are the same (confirm) or not (reject).")
        return replace_url(render_review(request, claim, status=UNPROCESSABLE), request.get_full_path())
    status = form.cleaned_data["status"]
    try:
        claim_match_decide(match=match, user=request.user, status=status)
    except ValidationError as error:  # e.g. confirming a match that contradicts the claim
        messages.error(request, f"Not saved: {' '.join(error.messages)}")
        return replace_url(render_review(request, claim, status=UNPROCESSABLE), request.get_full_path())
    messages.success(request, DECIDED.get(status, "The match is a suggestion again."))
    return _this_claim(request, claim)


@require_POST
@login_required
def match_apply_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    """Label the claim on screen with the final verdict of the claim it is confirmed to be; then the next claim."""
    require_annotator(request)
    try:
        match, claim = _match_of(request, pk)
        result = claim_match_apply_verdict(match=match, claim=claim, annotator=request.user)
    except ValidationError as error:
        if "claim" not in request.POST or not request.POST["claim"].isdigit():
            raise
        messages.error(request, f"Not saved: {' '.join(error.messages)}")
        return render_review(request, claim_from(request.POST["claim"]), status=UNPROCESSABLE)
    messages.success(request, f"Saved: {result.annotation.get_verdict_display()} (same as the matched claim).")
    return next_claim_response(request)


@require_http_methods(["GET", "HEAD"])
@login_required
def clusters(request: HttpRequest) -> HttpResponse:
    """Claims confirmed to be the same, grouped; a cluster whose claims carry different verdicts is flagged."""
    require_reviewer(request)
    found = cluster_list()
    return render(
        request,
        "matching/clusters.html",
        {"clusters": found, "inconsistent": sum(not c.is_consistent for c in found)},
    )
