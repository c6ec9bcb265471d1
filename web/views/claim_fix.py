"""Fix a claim in place: its span (offsets, with the text they cover shown live), source, cue and quote flag."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from annotations.models import ClaimFixProposal
from annotations.services import claim_correct, claim_fix_decide, claim_fix_propose
from claims.forms import add_service_errors
from claims.models import Claim, ClaimStatus, Source
from claims.selectors import article_sources
from core.roles import is_annotator, is_reviewer, role_required
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
@role_required(is_annotator)
def claim_fix(request: HttpRequest, pk: int) -> HttpResponse:
    """Reviewers fix the claim; annotators propose the same fix for a reviewer to accept or reject."""
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
        reviewer = is_reviewer(request.user)
        if "preview" not in request.POST and not reviewer:
            try:
                claim_fix_propose(claim=claim, user=request.user, **_changes(data), note=data["note"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Fix proposed: a reviewer will accept or reject it.")
                return redirect("claim_detail", pk=claim.pk)
        elif "preview" not in request.POST:
            try:
                result = claim_correct(claim=claim, user=request.user, **_changes(data))
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
    context = {"claim": claim, "article": claim.article, "form": form, "excerpt": excerpt, "body": body}
    return render(request, "web/claim_fix.html", {**context, "reviewer": is_reviewer(request.user)}, status=status)


def _changes(data: dict) -> dict:
    """The fix form's fields as claim_update / claim_fix_propose take them."""
    names = ("start", "end", "cue", "is_direct_quote", "source", "new_source_name", "source_kind", "source_mention")
    return {name: data[name] for name in names}


@require_POST
@login_required
@role_required(is_reviewer)
def proposal_decide(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_object_or_404(ClaimFixProposal, pk=pk)
    decision = request.POST.get("decision")
    if decision not in ("accept", "reject"):
        messages.error(request, "Choose to accept or reject the proposed fix.")
        return redirect("claim_detail", pk=proposal.claim_id)
    try:
        claim_fix_decide(proposal=proposal, reviewer=request.user, accept=decision == "accept")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Proposed fix accepted and applied." if decision == "accept" else "Fix rejected.")
    return redirect("claim_detail", pk=proposal.claim_id)
