"""Fix a claim in place: its span (offsets, with the text they cover shown live), source, cue and quote flag."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from annotations.services import claim_correct
from claims.forms import add_service_errors
from claims.models import Claim, ClaimStatus, Source
from claims.selectors import article_sources
from core.roles import is_reviewer, role_required
from web.forms import ClaimFixForm

UNPROCESSABLE = 422
CONTEXT_CHARS = 400  # article text shown either side of the claim


def _sources_for(claim: Claim):
    """The sources of the article's claims (the likeliest choices); the claim's own is always among them."""
    ids = article_sources(article=claim.article).values("pk")
    return Source.objects.filter(Q(pk__in=ids) | Q(pk=claim.source_id)).order_by("name")


def _excerpt(body: str, start: int, end: int) -> dict:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(body), end + CONTEXT_CHARS)
    return {"before": body[lo:start], "span": body[start:end], "after": body[end:hi], "lo": lo, "hi": hi}


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@role_required(is_reviewer)
def claim_fix(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article", "source"), pk=pk)
    initial = {
        "start": claim.start,
        "end": claim.end,
        "source_mention": claim.source_mention,
        "cue": claim.cue,
        "is_direct_quote": claim.is_direct_quote,
    }
    form = ClaimFixForm(request.POST or None, initial=initial, sources=_sources_for(claim))
    start, end = claim.start, claim.end
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        start, end = data["start"], data["end"]
        if "preview" not in request.POST:
            try:
                result = claim_correct(
                    claim=claim,
                    user=request.user,
                    start=data["start"],
                    end=data["end"],
                    cue=data["cue"],
                    is_direct_quote=data["is_direct_quote"],
                    source=data["source"],
                    new_source_name=data["new_source_name"],
                    source_kind=data["source_kind"],
                    source_mention=data["source_mention"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if not result.changed:
                    messages.info(request, "Nothing changed.")
                elif result.text_changed_materially and claim.status != ClaimStatus.UNLABELLED:
                    messages.warning(
                        request,
                        "Claim fixed. Its words changed, so its labels (kept in its history as given to the old "
                        "text) no longer count and it is back in the review queue.",
                    )
                else:
                    messages.success(request, "Claim fixed: " + ", ".join(result.changed).replace("_", " ") + ".")
                return redirect("claim_detail", pk=claim.pk)
    body = claim.article.body
    valid_span = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)
    excerpt = _excerpt(body, start, end) if valid_span else _excerpt(body, claim.start, claim.end)
    status = UNPROCESSABLE if form.is_bound and form.errors else 200
    return render(
        request,
        "web/claim_fix.html",
        {"claim": claim, "article": claim.article, "form": form, "excerpt": excerpt, "body": body},
        status=status,
    )
