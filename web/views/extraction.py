"""Reviewers' feedback on the extractor: which rules make the claims people flag or fix."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from claims.extraction import EXTRACTOR_VERSION
from claims.selectors import extraction_rule_report
from core.roles import is_reviewer, role_required


@require_http_methods(["GET", "HEAD"])
@login_required
@role_required(is_reviewer)
def extraction_report(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "claims/extraction_report.html",
        {"report": extraction_rule_report(), "extractor_version": EXTRACTOR_VERSION},
    )
