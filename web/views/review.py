"""Home, the review page and the reviewers' pages (adjudication queue, dashboard).

An htmx request gets a partial, a plain one the whole page or a redirect, so everything works without JavaScript.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import replace_url

from annotations import blind, charts
from annotations.forms import AdjudicationForm, LabelForm, add_service_errors, seconds_since_shown, shown_token
from annotations.models import Adjudication, Annotation
from annotations.selectors import (
    agreement_report,
    annotations_visible_to,
    annotator_progress,
    claim_held_by_other,
    claims_for_adjudication,
    labels_per_day,
)
from annotations.services import (
    annotation_submit,
    annotation_undo_last,
    claim_adjudicate,
    claim_reopen,
    review_next_claim,
    review_open_claim,
    review_skip,
)
from claims.forms import ClaimSourceForm
from claims.markup import claim_paragraph
from claims.models import Claim, ClaimStatus, Source
from claims.selectors import article_claims
from core.roles import is_annotator, is_reviewer
from matching.models import MatchStatus
from matching.selectors import claim_match_suggestions
from web.views.articles import VERDICT_KEYS, render_claim_page
from web.views.progress import progress_context

DASHBOARD_ROWS = 25  # rows per agreement table; the rest are counted
UNPROCESSABLE = 422  # htmx is configured (base.html) to swap 422 responses, so errors show in place


@require_http_methods(["GET", "HEAD"])
@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {"is_annotator": is_annotator(request.user), "is_reviewer": is_reviewer(request.user)}
    if context["is_annotator"]:
        context["progress"] = annotator_progress(user=request.user)
    if context["is_reviewer"]:
        context["conflicts"] = claims_for_adjudication().count()
    return render(request, "annotations/home.html", context)


def claim_id_from(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise Http404("No such claim.") from None


def claim_from(value) -> Claim:
    return get_object_or_404(Claim.objects.select_related("article", "source"), pk=claim_id_from(value))


def require_annotator(request: HttpRequest) -> None:
    if not is_annotator(request.user):
        raise PermissionDenied("Only annotators, reviewers and admins can review claims.")


def match_context(claim: Claim) -> dict:
    """The "possibly the same claim as" box. Only the other claims' consensus verdicts, which are final, are shown:
    never anyone's individual label (blind labelling)."""
    matches = claim_match_suggestions(claim=claim)
    first_open = next((m for m in matches if m.status == MatchStatus.SUGGESTED and not m.contradicts), None)
    reusable = next(
        (m for m in matches if m.status == MatchStatus.CONFIRMED and m.consensus_verdict and _final(m.claim_status)),
        None,
    )
    return {"matches": matches, "first_open_match": first_open, "reusable_match": reusable}


def _final(status: str) -> bool:
    return status in (ClaimStatus.AGREED, ClaimStatus.ADJUDICATED)


def render_review(
    request: HttpRequest, claim: Claim | None, *, form: LabelForm | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    context = {"claim": claim, "verdict_keys": VERDICT_KEYS, "progress": annotator_progress(user=user)}
    if claim is not None:
        if not (Claim.article.is_cached(claim) and Claim.reservation.related.is_cached(claim)):
            claim = Claim.objects.select_related("article", "source", "reservation").get(pk=claim.pk)
        labels = annotations_visible_to(user=user, claim=claim)  # blind: others' only for reviewers
        mine = next((a for a in labels if a.annotator_id == user.pk), None)
        access = blind.claim_access(user, claim=claim, labelled_by_me=mine is not None)
        paragraph_claims = list(article_claims(article=claim.article))
        context.update(
            {
                "claim": claim,
                "article": claim.article,
                "paragraph": claim_paragraph(claim, paragraph_claims),
                "mine": mine,
                "others": [a for a in labels if a.annotator_id != user.pk],
                "held_by_other": claim_held_by_other(user=user, claim=claim),
                "lock_reason": access.lock_reason,
                "form": form or LabelForm(),
                "shown": shown_token(claim.pk),
                "source_form": _source_form(paragraph_claims),
                **match_context(claim),
            }
        )
    template = "annotations/partials/review.html" if request.htmx else "annotations/review.html"
    return render(request, template, context, status=status)


def _source_form(claims: list[Claim]) -> ClaimSourceForm:
    """The "change who makes this claim" form, its choices the article's sources from the claims already read
    (claim_source_view validates a choice against article_sources() when the form is sent)."""
    sources = sorted({c.source for c in claims if c.source is not None}, key=lambda s: (s.name, s.pk))
    form = ClaimSourceForm(sources=Source.objects.none())
    form.fields["source"].choices = [("", form.fields["source"].empty_label), *((s.pk, s.name) for s in sources)]
    return form


@require_http_methods(["GET", "HEAD"])
@login_required
def review(request: HttpRequest) -> HttpResponse:
    """The next claim for me, or the one asked for with ?claim=ID."""
    require_annotator(request)
    if "claim" in request.GET:
        claim = review_open_claim(annotator=request.user, claim=claim_from(request.GET["claim"]))
    else:
        claim = review_next_claim(annotator=request.user)
    return render_review(request, claim)


def next_claim_response(request: HttpRequest) -> HttpResponse:
    if not request.htmx:
        return redirect("review")
    response = render_review(request, review_next_claim(annotator=request.user))
    return replace_url(response, reverse("review"))


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def review_submit(request: HttpRequest) -> HttpResponse:
    # Without JavaScript a label with an error is shown again at this address; reloading it later (or following it
    # from the history) must land on the review page, not on a blank "405 Method Not Allowed".
    if request.method != "POST":
        return redirect("review")
    require_annotator(request)
    pk = claim_id_from(request.POST.get("claim"))
    form = LabelForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            # The service reads (and locks) the claim itself: no separate read here on the way to the next claim.
            result = annotation_submit(
                claim=Claim(pk=pk),
                annotator=request.user,
                verdict=data["verdict"],
                note=data["note"],
                evidence_url=data["evidence_url"],
                seconds_spent=seconds_since_shown(data["shown"], pk),
            )
        except Claim.DoesNotExist:
            raise Http404("No such claim.") from None
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            label = result.annotation.get_verdict_display()
            messages.success(request, f"Saved: {label} for “{result.annotation.claim}”.")
            return next_claim_response(request)
    return render_review(request, claim_from(pk), form=form, status=UNPROCESSABLE)


@require_POST
@login_required
def review_skip_view(request: HttpRequest) -> HttpResponse:
    require_annotator(request)
    claim = claim_from(request.POST.get("claim"))
    review_skip(annotator=request.user, claim=claim)
    messages.info(request, "Skipped. It comes back when nothing else is left.")
    return next_claim_response(request)


@require_POST
@login_required
def review_undo(request: HttpRequest) -> HttpResponse:
    """Take back my most recent label and show that claim again, ready for a new verdict."""
    require_annotator(request)
    try:
        claim = annotation_undo_last(annotator=request.user)
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
        return next_claim_response(request)
    if claim is None:
        messages.info(request, "Nothing to undo: you have no labels yet.")
        return next_claim_response(request)
    messages.info(request, f"Undone: your label on “{claim}” is removed. Label it again.")
    url = f"{reverse('review')}?claim={claim.pk}"
    if not request.htmx:
        return redirect(url)
    return replace_url(render_review(request, claim), url)


# ---------------------------------------------------------------------------------------------------------------
# Reviewers: the adjudication queue, reopening, and the agreement dashboard.
# ---------------------------------------------------------------------------------------------------------------


def require_reviewer(request: HttpRequest) -> None:
    if not is_reviewer(request.user):
        raise PermissionDenied("Only reviewers and admins can do this.")


def next_conflicting(after: Claim | None = None) -> Claim | None:
    """The first conflicting claim in article order, or the first one after `after` (to pass one by)."""
    claims = claims_for_adjudication().order_by("article_id", "position", "id")
    if after is not None:
        claims = claims.filter(
            Q(article_id__gt=after.article_id)
            | Q(article_id=after.article_id, position__gt=after.position)
            | Q(article_id=after.article_id, position=after.position, pk__gt=after.pk)
        )
    return claims.first()


def next_conflicting_after(claim: Claim) -> Claim | None:
    """The next conflicting claim after this one, going round to the start: passing the last one is not the end."""
    return next_conflicting(claim) or next_conflicting()


def render_adjudicate(
    request: HttpRequest, claim: Claim | None, *, form: AdjudicationForm | None = None, status: int = 200
) -> HttpResponse:
    context = {"claim": claim, "verdict_keys": VERDICT_KEYS, "waiting": claims_for_adjudication().count()}
    if claim is not None:
        labels = list(Annotation.objects.filter(claim=claim).select_related("annotator").order_by("created_at", "id"))
        context.update(
            {
                "article": claim.article,
                "paragraph": claim_paragraph(claim, list(article_claims(article=claim.article))),
                "labels": labels,
                "adjudication": Adjudication.objects.filter(claim=claim).select_related("reviewer").first(),
                "form": form or AdjudicationForm(initial={"origin": "queue"}),
            }
        )
    template = "annotations/partials/adjudicate.html" if request.htmx else "annotations/adjudicate.html"
    return render(request, template, context, status=status)


@require_http_methods(["GET", "HEAD"])
@login_required
def adjudicate(request: HttpRequest) -> HttpResponse:
    """Conflicting claims one at a time; ?claim=ID opens any claim, ?after=ID passes one by."""
    require_reviewer(request)
    if "claim" in request.GET:
        claim = claim_from(request.GET["claim"])
    elif "after" in request.GET:
        claim = next_conflicting_after(claim_from(request.GET["after"]))
    else:
        claim = next_conflicting()
    return render_adjudicate(request, claim)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def adjudicate_submit(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":  # as review_submit: this address is shown again when a verdict has an error
        return redirect("adjudicate")
    require_reviewer(request)
    claim = claim_from(request.POST.get("claim"))
    form = AdjudicationForm(request.POST)
    from_claim_page = request.POST.get("origin") == "claim"
    if form.is_valid():
        try:
            adjudication = claim_adjudicate(
                claim=claim,
                reviewer=request.user,
                verdict=form.cleaned_data["verdict"],
                rationale=form.cleaned_data["rationale"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Final verdict: {adjudication.get_verdict_display()} for “{claim}”.")
            if from_claim_page:
                return redirect("claim_detail", pk=claim.pk)
            # Go on from this claim, so the ones passed by (s) come back only after the rest of the queue.
            if not request.htmx:
                return redirect(f"{reverse('adjudicate')}?after={claim.pk}")
            return replace_url(render_adjudicate(request, next_conflicting_after(claim)), reverse("adjudicate"))
    if from_claim_page:
        return render_claim_page(request, claim, adjudication_form=form, status=UNPROCESSABLE)
    return render_adjudicate(request, claim, form=form, status=UNPROCESSABLE)


@require_POST
@login_required
def claim_reopen_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw a claim's final verdict; it goes back to its labels' status (and the queue if they conflict)."""
    require_reviewer(request)
    claim = get_object_or_404(Claim, pk=pk)
    claim = claim_reopen(claim=claim, reviewer=request.user)
    messages.success(request, f"Reopened: the claim is {claim.get_status_display().lower()} again.")
    return redirect("claim_detail", pk=claim.pk)


def _day_tick(day) -> str:
    return f"{day.day} {day:%b}"


@require_http_methods(["GET", "HEAD"])
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Agreement figures and three pictures, all from agreement_report() and labels_per_day()."""
    require_reviewer(request)
    report = agreement_report()
    days = labels_per_day(days=30)
    context = {
        "report": report,
        "alpha": charts.decimal(report.overall.alpha, 3),
        "pairs": [
            {
                "a": p.coder_a,
                "b": p.coder_b,
                "kappa": charts.decimal(p.kappa, 3),
                "shared": p.shared_units,
                "observed": charts.percent(p.observed_agreement),
            }
            for p in report.pairs
        ],
        "by_article": [(g, charts.decimal(g.alpha.alpha, 3)) for g in report.by_article[:DASHBOARD_ROWS]],
        "more_articles": max(len(report.by_article) - DASHBOARD_ROWS, 0),
        "by_source": [(g, charts.decimal(g.alpha.alpha, 3)) for g in report.by_source[:DASHBOARD_ROWS]],
        "more_sources": max(len(report.by_source) - DASHBOARD_ROWS, 0),
        "annotators": [
            {
                "figures": a,
                "median": charts.NOT_AVAILABLE if a.median_seconds is None else f"{a.median_seconds:.0f} s",
                "agreement": charts.percent(a.agreement_with_consensus),
            }
            for a in report.annotators
        ],
        "verdict_chart": charts.stacked_bars(report.verdicts_by_source),
        "verdict_rows": [
            (name, [counts.get(v, 0) for v in charts.VERDICT_ORDER], sum(counts.values()))
            for name, counts in report.verdicts_by_source
        ],
        "verdict_names": charts.VERDICT_ORDER,
        "day_chart": charts.columns([(day.isoformat(), _day_tick(day), n) for day, n in days], tick_every=7),
        "agreement_chart": charts.share_bars([(a.username, a.agreement_with_consensus) for a in report.annotators]),
        **progress_context(),
    }
    return render(request, "annotations/dashboard.html", context)
