"""Home and the review page. An htmx request gets the review partial, a plain one the whole page or a redirect."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import replace_url

from annotations.forms import LabelForm, add_service_errors, seconds_since_shown, shown_token
from annotations.models import Verdict
from annotations.roles import is_annotator
from annotations.selectors import annotation_of, annotations_visible_to, annotator_progress, claim_held_by_other
from annotations.services import (
    annotation_submit,
    annotation_undo_last,
    review_next_claim,
    review_open_claim,
    review_skip,
)
from claims.forms import ClaimSourceForm
from claims.models import Claim
from claims.selectors import article_claims, article_sources
from claims.views import claim_paragraph

# One key per verdict, Prodigy style; the letters are there for people who think in words.
VERDICT_KEYS = [(Verdict.VERIFIED, "1", "v"), (Verdict.DISPUTED, "2", "d"), (Verdict.UNVERIFIED, "3", "u")]
UNPROCESSABLE = 422  # htmx is configured (base.html) to swap 422 responses, so errors show in place


@require_http_methods(["GET", "HEAD"])
@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {"is_annotator": is_annotator(request.user)}
    if context["is_annotator"]:
        context["progress"] = annotator_progress(user=request.user)
    return render(request, "annotations/home.html", context)


def _claim_from(value) -> Claim:
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise Http404("No such claim.") from None
    return get_object_or_404(Claim.objects.select_related("article", "source"), pk=pk)


def _require_annotator(request: HttpRequest) -> None:
    if not is_annotator(request.user):
        raise PermissionDenied("Only annotators, reviewers and admins can review claims.")


def _render_review(
    request: HttpRequest, claim: Claim | None, *, form: LabelForm | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    context = {"claim": claim, "verdict_keys": VERDICT_KEYS, "progress": annotator_progress(user=user)}
    if claim is not None:
        claim = Claim.objects.select_related("article", "source").get(pk=claim.pk)
        mine = annotation_of(user=user, claim=claim)
        labels = list(annotations_visible_to(user=user, claim=claim))
        context.update(
            {
                "claim": claim,
                "article": claim.article,
                "paragraph": claim_paragraph(claim, list(article_claims(article=claim.article))),
                "mine": mine,
                "others": [a for a in labels if a.annotator_id != user.pk],
                "held_by_other": claim_held_by_other(user=user, claim=claim),
                "full": mine is None and claim.label_count >= settings.LABELS_PER_CLAIM,
                "form": form or LabelForm(),
                "shown": shown_token(claim.pk),
                "source_form": ClaimSourceForm(sources=article_sources(article=claim.article)),
            }
        )
    template = "annotations/partials/review.html" if request.htmx else "annotations/review.html"
    return render(request, template, context, status=status)


@require_http_methods(["GET", "HEAD"])
@login_required
def review(request: HttpRequest) -> HttpResponse:
    """The next claim for me, or the one asked for with ?claim=ID."""
    _require_annotator(request)
    if "claim" in request.GET:
        claim = review_open_claim(annotator=request.user, claim=_claim_from(request.GET["claim"]))
    else:
        claim = review_next_claim(annotator=request.user)
    return _render_review(request, claim)


def _next(request: HttpRequest) -> HttpResponse:
    if not request.htmx:
        return redirect("review")
    response = _render_review(request, review_next_claim(annotator=request.user))
    return replace_url(response, reverse("review"))


@require_POST
@login_required
def review_submit(request: HttpRequest) -> HttpResponse:
    _require_annotator(request)
    claim = _claim_from(request.POST.get("claim"))
    form = LabelForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = annotation_submit(
                claim=claim,
                annotator=request.user,
                verdict=data["verdict"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                seconds_spent=seconds_since_shown(data["shown"], claim.pk),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            label = result.annotation.get_verdict_display()
            messages.success(request, f"Saved: {label} for “{claim}”.")
            return _next(request)
    return _render_review(request, claim, form=form, status=UNPROCESSABLE)


@require_POST
@login_required
def review_skip_view(request: HttpRequest) -> HttpResponse:
    _require_annotator(request)
    claim = _claim_from(request.POST.get("claim"))
    review_skip(annotator=request.user, claim=claim)
    messages.info(request, "Skipped. It comes back when nothing else is left.")
    return _next(request)


@require_POST
@login_required
def review_undo(request: HttpRequest) -> HttpResponse:
    """Take back my most recent label and show that claim again, ready for a new verdict."""
    _require_annotator(request)
    claim = annotation_undo_last(annotator=request.user)
    if claim is None:
        messages.info(request, "Nothing to undo: you have no labels yet.")
        return _next(request)
    messages.info(request, f"Undone: your label on “{claim}” is removed. Label it again.")
    url = f"{reverse('review')}?claim={claim.pk}"
    if not request.htmx:
        return redirect(url)
    return replace_url(_render_review(request, claim), url)
