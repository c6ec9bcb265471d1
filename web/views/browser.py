"""The claim browser (reviewers: find, select, act in bulk, export) and /claims/mine/ (an annotator's labels)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from annotations.queue import claim_takes_labels
from annotations.selectors import labels_of
from annotations.services import BulkAction, claims_bulk_apply
from claims.forms import add_service_errors
from claims.models import Claim, ClaimStatus
from core.roles import is_annotator, is_reviewer, role_required
from web.browser_filters import (
    DEFAULT_SORT,
    MAIN_FILTERS,
    NOT_FILTERS,
    RENAMED_FILTERS,
    SORTS,
    ClaimBrowserFilter,
    keyset_page,
)
from web.forms import BulkForm

PAGE_SIZE = 50
UNPROCESSABLE = 422
EXPORTS = [
    ("JSON lines", "api:export-claims-jsonl"),
    ("CSV", "api:export-claims-csv"),
    ("ClaimReview", "api:export-claimreview-jsonl"),
]


def _browser_context(request: HttpRequest, query: QueryDict, bulk_form: BulkForm | None = None) -> dict:
    claims = Claim.objects.select_related("article", "source").defer("article__body")
    filters = ClaimBrowserFilter(query, queryset=claims, request=request)
    sort = query.get("sort") if query.get("sort") in SORTS else DEFAULT_SORT
    rows, next_cursor = [], None
    if filters.is_valid():
        rows, next_cursor = keyset_page(filters.qs, sort=sort, after=query.get("after", ""), size=PAGE_SIZE)
    filter_query = query.copy()
    for name in NOT_FILTERS:
        filter_query.pop(name, None)
    for name in [k for k, v in filter_query.items() if v == ""]:
        filter_query.pop(name)  # empty fields from the form: keep shared links short
    next_query = filter_query.copy()
    if next_cursor:
        next_query["sort"], next_query["after"] = sort, next_cursor
    suffix = f"?{filter_query.urlencode()}" if filter_query else ""
    form = filters.form
    more = [form[name] for name in form.fields if name not in MAIN_FILTERS]
    return {
        "filters": filters,
        "main_filters": [form[name] for name in MAIN_FILTERS],
        "more_filters": more,
        "more_active": any(query.get(field.name) for field in more) or any(field.errors for field in more),
        "rows": rows,
        "sort": sort,
        "sorts": [(key, label) for key, (label, _, _) in SORTS.items()],
        "first_page": not query.get("after"),
        "this_query": query.urlencode(),
        "filter_query": filter_query.urlencode(),
        "next_query": next_query.urlencode() if next_cursor else "",
        "exports": [(label, reverse(name) + suffix) for label, name in EXPORTS],
        "bulk_form": bulk_form or BulkForm(claim_ids=[], initial={"query": query.urlencode()}),
        "bulk_actions": BulkAction,
        "labels_needed": settings.LABELS_PER_CLAIM,
    }


@require_http_methods(["GET", "HEAD"])
@login_required
@role_required(is_reviewer)
def claim_browser(request: HttpRequest) -> HttpResponse:
    """Every claim, filtered by the query string (so a view is a link), a keyset page at a time."""
    if any(old in request.GET for old in RENAMED_FILTERS):
        # A link shared before these filters took the API's names: the same view at its address now.
        query = request.GET.copy()
        for old, new in RENAMED_FILTERS.items():
            if old in query:
                query.setlist(new, query.pop(old))
        return redirect(f"{reverse('claim_browser')}?{query.urlencode()}", permanent=True)
    context = _browser_context(request, request.GET)
    status = 200 if context["filters"].is_valid() else 400
    return render(request, "web/claim_browser.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@role_required(is_reviewer)
def claims_bulk(request: HttpRequest) -> HttpResponse:
    """One action on the selected claims; on success back to the same filtered list, else the list with the error."""
    if request.method != "POST":
        return redirect("claim_browser")
    form = BulkForm(request.POST, claim_ids=[int(v) for v in request.POST.getlist("claims") if v.isdigit()])
    query = QueryDict(request.POST.get("query", "")[:4000])
    if form.is_valid():
        data = form.cleaned_data
        claims = list(Claim.objects.filter(pk__in=data["claims"]).order_by("pk"))
        try:
            done = claims_bulk_apply(
                claims=claims,
                user=request.user,
                action=data["action"],
                verdict=data["verdict"],
                rationale=data["rationale"],
                source=data["source"],
                new_source_name=data["new_name"],
                source_kind=data["kind"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            action = dict(BulkAction.choices)[data["action"]].lower()
            messages.success(request, f"Done: {action} for {done} claim{pluralize(done)}.")
            return redirect(f"{reverse('claim_browser')}?{query.urlencode()}" if query else "claim_browser")
    context = _browser_context(request, query, bulk_form=form)
    context["selected"] = {str(pk) for pk in request.POST.getlist("claims")}
    return render(request, "web/claim_browser.html", context, status=UNPROCESSABLE)


@require_http_methods(["GET", "HEAD"])
@login_required
@role_required(is_annotator)
def claims_mine(request: HttpRequest) -> HttpResponse:
    """The claims I labelled, newest label first, with my verdict and a way back while the claim is open.

    Blind labelling: only my own verdict and, once final, the consensus (as the claim page shows it).
    """
    labels = labels_of(user=request.user)
    after = request.GET.get("after", "")
    if after.isdigit() and len(after) <= 19:
        labels = labels.filter(pk__lt=int(after))
    page = list(labels[: PAGE_SIZE + 1])
    more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    rows = []
    for label in page:
        claim = label.claim
        final = claim.status in (ClaimStatus.AGREED, ClaimStatus.ADJUDICATED)
        rows.append(
            {
                "label": label,
                "claim": claim,
                "final": claim.consensus_verdict if final else "",
                "open": claim_takes_labels(claim),
            }
        )
    return render(
        request,
        "web/claims_mine.html",
        {"rows": rows, "next_after": page[-1].pk if more else None, "first_page": not after},
    )
