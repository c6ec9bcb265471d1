"""The jobs page: your background jobs with progress bars that htmx refreshes until each job finishes, and the
forms that start re-extraction, a matching rebuild or an export snapshot. Thin: parse, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.roles import is_reviewer
from jobs.selectors import job_errors, jobs_visible_to
from jobs.services import EXPORT_FORMATS, job_cancel, job_export_start, job_matching_rebuild_start, job_reextract_start

JOBS_LISTED = 50
POLL_SECONDS = 2


@require_http_methods(["GET", "HEAD"])
@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = list(jobs_visible_to(user=request.user)[:JOBS_LISTED])
    context = {
        "jobs": jobs,
        "poll": POLL_SECONDS,
        "formats": list(EXPORT_FORMATS),
        "reviewer": is_reviewer(request.user),
    }
    return render(request, "jobs/job_list.html", context)


@require_http_methods(["GET", "HEAD"])
@login_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole page, or for htmx's poll just the job's progress panel (which stops polling once finished)."""
    job = get_object_or_404(jobs_visible_to(user=request.user), pk=pk)
    compact = request.GET.get("compact") == "1"
    errors = [] if compact else job_errors(job=job)
    context = {"job": job, "errors": errors, "poll": POLL_SECONDS, "compact": compact}
    if request.htmx:
        return render(request, "jobs/partials/job_progress.html", context)
    return render(request, "jobs/job_detail.html", context)


@require_POST
@login_required
def job_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(jobs_visible_to(user=request.user), pk=pk)
    try:
        job_cancel(job=job, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Job cancelled.")
    return redirect("job_detail", pk=job.pk)


@require_POST
@login_required
def job_start(request: HttpRequest) -> HttpResponse:
    """Reviewers start re-extraction of every article, a matching rebuild, or an export snapshot of every claim."""
    what = request.POST.get("kind", "")
    try:
        if what == "reextract":
            job = job_reextract_start(user=request.user)
        elif what == "matching":
            job = job_matching_rebuild_start(user=request.user)
        elif what == "export":
            fmt = request.POST.get("format", "")
            job = job_export_start(user=request.user, filters={}, fmt=fmt, base_url=request.build_absolute_uri("/"))
        else:
            messages.error(request, "Choose what to start.")
            return redirect("job_list")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("job_list")
    return redirect("job_detail", pk=job.pk)
