"""Pages for articles and for fixing what extraction got wrong. Thin: parse, call a service or selector, render."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from annotations import blind
from annotations.forms import AdjudicationForm
from annotations.models import Adjudication, Annotation, Verdict
from annotations.selectors import annotation_of, claim_history, my_verdicts_for_article
from annotations.services import articles_import
from claims.forms import (
    ArticlePasteForm,
    ArticleSearchForm,
    ArticleUploadForm,
    ClaimFlagForm,
    ClaimNewForm,
    ClaimSourceForm,
    add_service_errors,
)
from claims.importers import SUPPORTED_DESCRIPTION, SUPPORTED_SUFFIXES, article_fields_from_input, iter_records
from claims.markup import Span, claim_paragraph, marked_text
from claims.models import Article, Claim, ClaimStatus
from claims.selectors import article_claims, article_list_for, article_publishers, article_sources
from claims.services import (
    ImportReport,
    article_ingest,
    claim_create,
    claim_flag,
    claim_set_source,
    source_resolve,
)
from core.roles import can_add_articles, is_annotator, is_reviewer, role_required
from jobs.selectors import import_running_for
from jobs.services import job_import_start
from matching.selectors import claim_matches

ARTICLES_PER_PAGE = 20
# One key per verdict, Prodigy style; the letters are there for people who think in words. Used by the review page,
# the adjudication queue and the claim page's adjudication form.
VERDICT_KEYS = [(Verdict.VERIFIED, "1", "v"), (Verdict.DISPUTED, "2", "d"), (Verdict.UNVERIFIED, "3", "u")]
UNPROCESSABLE = 422  # a form with errors, shown again


def claim_status(claim: Claim, *, user, mine: str | None) -> tuple[str, str]:
    """(css class, text) for a claim's mark. Annotators see only their own verdict, never others' or counts."""
    needed = settings.LABELS_PER_CLAIM
    if claim.is_flagged_not_claim:
        return "st-flagged", "flagged: not a claim"
    if blind.sees_all_labels(user):
        consensus = claim.consensus_verdict
        yours = f" · you: {mine}" if mine else ""
        return {
            ClaimStatus.ADJUDICATED: ("st-done", f"adjudicated: {consensus}{yours}"),
            ClaimStatus.AGREED: ("st-done", f"agreed: {consensus}{yours}"),
            ClaimStatus.CONFLICTING: ("st-conflict", f"conflicting labels{yours}"),
            ClaimStatus.IN_PROGRESS: ("st-partial", f"{claim.label_count} of {needed} labels{yours}"),
        }.get(claim.status, ("st-needs", f"no labels yet{yours}"))
    if mine:
        return f"st-mine v-{mine}", f"labelled by you: {mine}"
    # Blind labelling: no count of others' labels, only whether this annotator can still label it, and why not.
    if blind.lock_reason(user, claim=claim, labelled_by_me=False):
        return "st-complete", "closed to new labels"
    return "st-needs", "needs your label"


def _claims(count: int) -> str:
    return f"{count} extracted claim{pluralize(count)}"


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


# ---------------------------------------------------------------------------------------------------------------
# Views
# ---------------------------------------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD"])
@login_required
def article_list(request: HttpRequest) -> HttpResponse:
    form = ArticleSearchForm(request.GET or None, publishers=article_publishers())
    q = publisher = ""
    if form.is_valid():
        q, publisher = form.cleaned_data["q"], form.cleaned_data["publisher"]
    page = Paginator(article_list_for(user=request.user, q=q, publisher=publisher), ARTICLES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "claims/article_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_add": can_add_articles(request.user),
            "importing": import_running_for(user=request.user),
        },
    )


@require_http_methods(["GET", "HEAD"])
@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    claims = list(article_claims(article=article))
    mine = my_verdicts_for_article(user=request.user, article=article)
    review_url = reverse("review")
    spans, rows = [], []
    for number, claim in enumerate(claims, start=1):
        css, label = claim_status(claim, user=request.user, mine=mine.get(claim.pk))
        spans.append(
            Span(
                claim.start,
                claim.end,
                f"claim {css}",
                href=f"{review_url}?claim={claim.pk}",
                label=f"Claim {number}: {label}",
                badge=f"{number} · {label.split(' (')[0]}",
                element_id=f"claim-{claim.pk}",
                data={"data-claim": claim.pk},
            )
        )
        rows.append({"claim": claim, "number": number, "css": css, "label": label})
    return render(
        request,
        "claims/article_detail.html",
        {
            "article": article,
            "body_html": marked_text(article.body, spans),
            "rows": rows,
            "new_claim_form": ClaimNewForm(),
            "can_fix": is_annotator(request.user),
            "reviewer": blind.sees_all_labels(request.user),
            "labels_needed": settings.LABELS_PER_CLAIM,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@role_required(can_add_articles)
def article_new(request: HttpRequest) -> HttpResponse:
    """Paste one article; on success go straight to it, with its extracted claims marked."""
    form = ArticlePasteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            # A pasted web page (HTML) is read for its article and metadata; fields the user filled in win.
            data = article_fields_from_input(form.cleaned_data)
            result = article_ingest(
                body=data["body"],
                title=data["title"],
                url=data["url"],
                publisher=data["publisher"],
                published_at=data["published_at"],
                created_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if result.created:
                messages.success(request, f"Article added with {_claims(result.claims_created)}.")
            else:
                messages.info(request, "This text is already here: showing the existing article.")
            return redirect("article_detail", pk=result.article.pk)
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "claims/article_new.html", {"form": form, "upload_form": ArticleUploadForm()}, status=status)


@dataclass
class FileReport:
    name: str
    report: ImportReport


def _import_upload(upload, user) -> FileReport:
    """Save the upload where iter_records can read it, import it, and name the file (not the temp path) in errors."""
    name = Path(upload.name or "upload").name or "upload"
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        errors = [f"{name}: unsupported file type ({SUPPORTED_DESCRIPTION})"]
        return FileReport(name, ImportReport(created=0, existing=0, claims=0, errors=errors, articles=[]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        report = articles_import(records=iter_records(path), created_by=user)
    report.errors = [error.replace(str(path), name) for error in report.errors]
    return FileReport(name, report)


def _refused(error: ValidationError) -> ImportReport:
    return ImportReport(created=0, existing=0, claims=0, errors=error.messages, articles=[])


def _supported(name: str | None) -> bool:
    return Path(name or "").suffix.lower() in SUPPORTED_SUFFIXES


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@role_required(can_add_articles)
def article_upload(request: HttpRequest) -> HttpResponse:
    """Import .txt/.jsonl files; one bad line never stops the rest, and every error is listed by file and line."""
    if request.method != "POST":  # the import report is shown at this address; reloading it must not be a 405
        return redirect("article_new")
    form = ArticleUploadForm(request.POST, request.FILES)
    reports = []
    if form.is_valid():
        uploads = form.cleaned_data["files"]
        # Large files go to the background workers, so the request answers at once; the jobs page shows progress.
        big = [u for u in uploads if u.size > settings.IMPORT_INLINE_MAX_BYTES and _supported(u.name)]
        jobs, refused = [], []
        for upload in big:
            try:
                jobs.append(job_import_start(user=request.user, name=upload.name, file=upload))
            except ValidationError as error:  # not text at all: said at once, like an unsupported type
                refused.append(FileReport(upload.name, _refused(error)))
        if jobs:
            messages.info(request, f"{len(jobs)} large file{pluralize(len(jobs))} queued: progress is shown here.")
            if len(jobs) == len(uploads):
                return redirect("job_detail", pk=jobs[0].pk) if len(jobs) == 1 else redirect("job_list")
        reports = refused + [_import_upload(upload, request.user) for upload in uploads if upload not in big]
        articles = [a for r in reports for a in r.report.articles]
        if len(articles) == 1 and not any(r.report.errors for r in reports):
            messages.success(request, f"Imported with {_claims(reports[0].report.claims)}.")
            return redirect("article_detail", pk=articles[0].pk)
    return render(
        request,
        "claims/article_new.html",
        {"form": ArticlePasteForm(), "upload_form": form, "reports": reports},
        status=200 if form.is_valid() else UNPROCESSABLE,
    )


def _require_annotator(request: HttpRequest) -> None:
    if not is_annotator(request.user):
        raise PermissionDenied("Only annotators, reviewers and admins can change claims.")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def claim_new(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a claim the extraction missed. The browser fills the offsets from a text selection; the form works bare."""
    article = get_object_or_404(Article, pk=pk)
    _require_annotator(request)
    form = ClaimNewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            source = source_resolve(name=data["source_name"]) if data["source_name"].strip() else None
            claim = claim_create(
                article=article,
                start=data["start"],
                end=data["end"],
                text=data["text"],
                source=source,
                source_mention=data["source_name"].strip(),
                created_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Claim added. It is marked in the text below and in the review queue.")
            return redirect(f"{reverse('article_detail', args=[article.pk])}#claim-{claim.pk}")
    status = UNPROCESSABLE if request.method == "POST" else 200
    return render(request, "claims/claim_new.html", {"article": article, "form": form}, status=status)


@require_POST
@login_required
def claim_flag_view(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=pk)
    _require_annotator(request)
    form = ClaimFlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whether to flag or unflag the claim.")
        return redirect(_safe_next(request, reverse("article_detail", args=[claim.article_id])))
    flagged = form.cleaned_data["flagged"]
    claim_flag(claim=claim, user=request.user, flagged=flagged)
    if flagged:
        messages.success(request, "Flagged as not a claim: it leaves the review queue.")
    else:
        messages.success(request, "The flag is removed: the claim is back in the review queue.")
    return redirect(_safe_next(request, reverse("article_detail", args=[claim.article_id])))


@require_POST
@login_required
def claim_source_view(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=pk)
    _require_annotator(request)
    form = ClaimSourceForm(request.POST, sources=article_sources(article=claim.article))
    if form.is_valid():
        data = form.cleaned_data
        try:
            claim = claim_set_source(
                claim=claim, user=request.user, source=data["source"], new_name=data["new_name"], kind=data["kind"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Source set to {claim.source.name}.")
            return redirect(_safe_next(request, reverse("article_detail", args=[claim.article_id])))
    for problem in [*form.non_field_errors(), *(e for name in form.fields for e in form.errors.get(name, []))]:
        messages.error(request, f"Source not changed: {problem}")
    return redirect(_safe_next(request, reverse("article_detail", args=[claim.article_id])))


# ---------------------------------------------------------------------------------------------------------------
# The claim page: everything about one claim. Reviewers see every label and the full history; annotators see only
# their own label (blind labelling) and the consensus once it is final.
# ---------------------------------------------------------------------------------------------------------------


HISTORY_FIELDS = {
    "source_mention": "named as",
    "is_flagged_not_claim": "flagged as not a claim",
    "evidence_url": "evidence link",
}


YES_NO = {"True": "yes", "False": "no"}


def _history_rows(events) -> list[dict]:
    """History events for the page: readable field names, and no "— → —" lines for fields that stayed empty."""
    rows = []
    for event in events:
        changes = [
            (HISTORY_FIELDS.get(name, name), YES_NO.get(before, before), YES_NO.get(after, after))
            for name, (before, after) in event.changes.items()
            if before != after
        ]
        rows.append({"event": event, "changes": changes})
    return rows


def render_claim_page(
    request: HttpRequest, claim: Claim, *, adjudication_form: AdjudicationForm | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    claim = get_object_or_404(Claim.objects.select_related("article", "source"), pk=claim.pk)
    reviewer = is_reviewer(user)
    mine = annotation_of(user=user, claim=claim)
    access = blind.claim_access(user, claim=claim, labelled_by_me=mine is not None)
    css, label = claim_status(claim, user=user, mine=mine.verdict if mine else None)
    final = access.sees_consensus and claim.status in (ClaimStatus.AGREED, ClaimStatus.ADJUDICATED)
    context = {
        "claim": claim,
        "article": claim.article,
        "paragraph": claim_paragraph(claim, list(article_claims(article=claim.article))),
        "status_css": css,
        "status_label": label,
        "consensus": claim.consensus_verdict if final else "",
        "mine": mine,
        "reviewer": reviewer,
        "can_label": is_annotator(user),
        "lock_reason": access.lock_reason,
    }
    if reviewer:
        adjudication = Adjudication.objects.filter(claim=claim).select_related("reviewer").first()
        initial = {"origin": "claim", "verdict": adjudication.verdict if adjudication else None}
        context.update(
            {
                "labels": list(
                    Annotation.objects.filter(claim=claim).select_related("annotator").order_by("created_at", "id")
                ),
                "adjudication": adjudication,
                "history": _history_rows(claim_history(claim=claim)),
                "matches": claim_matches(claim=claim),
                "form": adjudication_form or AdjudicationForm(initial=initial),
                "verdict_keys": VERDICT_KEYS,
            }
        )
    return render(request, "claims/claim_detail.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
@login_required
def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_claim_page(request, get_object_or_404(Claim, pk=pk))
