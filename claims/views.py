"""Pages for articles and for fixing what extraction got wrong. Thin: parse, call a service or selector, render."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST

from annotations.roles import is_annotator, is_reviewer
from annotations.selectors import my_verdicts_for_article
from claims.forms import (
    ArticlePasteForm,
    ArticleSearchForm,
    ArticleUploadForm,
    ClaimFlagForm,
    ClaimNewForm,
    ClaimSourceForm,
    add_service_errors,
)
from claims.importers import SUPPORTED_SUFFIXES, ImportFileError, iter_records
from claims.models import Article, Claim, ClaimStatus
from claims.selectors import article_claims, article_list_for, article_publishers, article_sources
from claims.services import article_ingest, claim_create, claim_flag, claim_set_source, source_resolve

ARTICLES_PER_PAGE = 20
UNPROCESSABLE = 422  # a form with errors, shown again

# ---------------------------------------------------------------------------------------------------------------
# Marked-up article text. Built here in Python with format_html so every character of user text is escaped.
# The text nodes of the result are exactly the body's characters (newlines sit in hidden spans, badges come from
# CSS ::after), so the browser can turn a text selection back into body offsets.
# ---------------------------------------------------------------------------------------------------------------

_CR = SafeString("&#13;")  # the HTML parser would turn a literal CR into LF; a reference keeps it a CR
_NEWLINE = SafeString('<span class="nl">\n</span>')  # kept as text for offsets, hidden by CSS


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css: str
    href: str = ""
    label: str = ""  # the span's title
    badge: str = ""  # shown as a small badge after the span, by CSS so it is not part of the text
    element_id: str = ""
    depth: int = 0  # higher sits inside lower when spans overlap
    data: dict = field(default_factory=dict)


def _text(text: str) -> SafeString:
    return format_html_join(_CR, "{}", ((part,) for part in text.split("\r")))


def _wrap(span: Span, inner: SafeString, *, first: bool, last: bool, anchor: bool) -> SafeString:
    attrs = {"class": span.css, **span.data}
    if anchor:
        attrs.update({"href": span.href, "draggable": "false"})
    if first and span.element_id:
        attrs["id"] = span.element_id
    if span.label:
        attrs["title"] = span.label
    if span.badge and last:
        attrs["data-label"] = span.badge
    tag = "a" if anchor else "span"
    return format_html("<{} {}>{}</{}>", tag, format_html_join(" ", '{}="{}"', attrs.items()), inner, tag)


def _render_line(body: str, start: int, end: int, spans: list[Span]) -> SafeString:
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        html = _text(body[a:b])
        covering = sorted((s for s in inside if s.start <= a and s.end >= b), key=lambda s: (-s.depth, s.end - s.start))
        anchored = False
        for span in covering:  # innermost first, wrapped outwards
            anchor = bool(span.href) and not anchored
            anchored = anchored or anchor
            html = _wrap(span, html, first=a == max(span.start, start), last=b == min(span.end, end), anchor=anchor)
        pieces.append(html)
    return format_html_join("", "{}", ((p,) for p in pieces))


def marked_text(body: str, spans: list[Span], start: int = 0, end: int | None = None) -> SafeString:
    """body[start:end] as one <p> per line with the spans marked; newlines kept as hidden text."""
    end = len(body) if end is None else end
    paragraphs = []
    line_start = start
    while line_start <= end:
        newline = body.find("\n", line_start, end)
        line_end = end if newline == -1 else newline
        line = _render_line(body, line_start, line_end, spans)
        newline_html = _NEWLINE if newline != -1 else ""
        css = "line" if line_end > line_start and body[line_start:line_end].strip() else "line blank"
        paragraphs.append(format_html('<p class="{}">{}{}</p>', css, line, newline_html))
        if newline == -1:
            break
        line_start = newline + 1
    return format_html_join("", "{}", ((p,) for p in paragraphs))


def _nearest(paragraph: str, offset: int, needle: str, claim: Claim, avoid: tuple[int, int] | None):
    """Where `needle` occurs in the paragraph closest to the claim, preferring places outside the claim."""
    needle = (needle or "").strip()
    if not needle or len(needle) > 300:
        return None
    best = None
    pattern = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(paragraph):
        s, e = match.start() + offset, match.end() + offset
        if avoid and s < avoid[1] and e > avoid[0]:
            continue
        inside = s < claim.end and e > claim.start
        distance = 0 if inside else min(abs(s - claim.end), abs(claim.start - e))
        key = (inside, distance)
        if best is None or key < best[0]:
            best = (key, (s, e))
    return best[1] if best else None


def claim_paragraph(claim: Claim, others: list[Claim]) -> SafeString:
    """The line(s) of the article holding the claim, with the claim, its source mention and cue marked."""
    body = claim.article.body
    start = body.rfind("\n", 0, claim.start) + 1
    newline = body.find("\n", claim.end)
    end = len(body) if newline == -1 else newline
    paragraph = body[start:end]
    spans = [Span(claim.start, claim.end, "claim-focus", depth=2, element_id="focus-claim")]
    mention = _nearest(paragraph, start, claim.source_mention, claim, None)
    if mention:
        spans.append(Span(*mention, "mention", label="source as named", depth=3))
    cue = _nearest(paragraph, start, claim.cue, claim, mention)
    if cue:
        spans.append(Span(*cue, "cue", label="cue", depth=3))
    spans += [
        Span(o.start, o.end, "claim-other", depth=1)
        for o in others
        if o.pk != claim.pk and o.start < end and o.end > start
    ]
    return marked_text(body, spans, start, end)


def claim_status(claim: Claim, *, mine: str | None, reviewer: bool) -> tuple[str, str]:
    """(css class, text) for a claim's mark. Annotators see only their own verdict and counts, never others'."""
    needed = settings.LABELS_PER_CLAIM
    if claim.is_flagged_not_claim:
        return "st-flagged", "flagged: not a claim"
    if reviewer:
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
    if claim.status == ClaimStatus.ADJUDICATED or claim.label_count >= needed:
        return "st-complete", "has all its labels"
    return "st-needs", f"needs labels ({claim.label_count} of {needed})"


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
            "can_add": request.user.has_perm("claims.add_article"),
        },
    )


@require_http_methods(["GET", "HEAD"])
@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    claims = list(article_claims(article=article))
    mine = my_verdicts_for_article(user=request.user, article=article)
    reviewer = is_reviewer(request.user)
    review_url = reverse("review")
    spans, rows = [], []
    for number, claim in enumerate(claims, start=1):
        css, label = claim_status(claim, mine=mine.get(claim.pk), reviewer=reviewer)
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
            "labels_needed": settings.LABELS_PER_CLAIM,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
@permission_required("claims.add_article", raise_exception=True)
def article_new(request: HttpRequest) -> HttpResponse:
    """Paste one article; on success go straight to it, with its extracted claims marked."""
    form = ArticlePasteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
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
                messages.success(request, f"Article added with {result.claims_created} extracted claims.")
            else:
                messages.info(request, "This text is already here: showing the existing article.")
            return redirect("article_detail", pk=result.article.pk)
    status = UNPROCESSABLE if form.is_bound else 200
    return render(request, "claims/article_new.html", {"form": form, "upload_form": ArticleUploadForm()}, status=status)


@dataclass
class FileReport:
    name: str
    created: int = 0
    existing: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


def _error_text(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items())
    return " ".join(error.messages)


def _import_upload(upload, user) -> FileReport:
    name = Path(upload.name or "upload").name or "upload"
    report = FileReport(name=name)
    if Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
        report.errors.append(f"{name}: unsupported file type (use .txt or .jsonl)")
        return report
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        for record in iter_records(path):
            if isinstance(record, ImportFileError):
                report.errors.append(str(record).replace(str(path), name))
                continue
            label = record.label.replace(str(path), name)
            try:
                result = article_ingest(
                    body=record.body,
                    title=record.title,
                    url=record.url,
                    publisher=record.publisher,
                    published_at=record.published_at,
                    created_by=user,
                )
            except ValidationError as error:
                report.errors.append(f"{label}: {_error_text(error)}")
                continue
            report.created += result.created
            report.existing += not result.created
            report.claims += result.claims_created
            report.articles.append(result.article)
    return report


@require_POST
@login_required
@permission_required("claims.add_article", raise_exception=True)
def article_upload(request: HttpRequest) -> HttpResponse:
    """Import .txt/.jsonl files; one bad line never stops the rest, and every error is listed by file and line."""
    form = ArticleUploadForm(request.POST, request.FILES)
    reports = []
    if form.is_valid():
        reports = [_import_upload(upload, request.user) for upload in form.cleaned_data["files"]]
        articles = [a for r in reports for a in r.articles]
        if len(articles) == 1 and not any(r.errors for r in reports):
            messages.success(request, f"Imported with {reports[0].claims} extracted claims.")
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
