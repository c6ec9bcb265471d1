"""The REST API for background jobs: start an import, an export snapshot, a re-extraction or a matching rebuild,
follow a job, cancel it, download a snapshot. Views only translate: parse, call a jobs service or selector, render."""

from __future__ import annotations

from types import SimpleNamespace

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from claims.models import Article, Claim
from core.api import MAX_ID, CanAddArticle, IsAnnotator, IsReviewer, NoUnknownFieldsSerializer, StrictCharField
from core.parsers import JSONParser
from jobs.models import Job, JobKind
from jobs.selectors import job_errors, jobs_visible_to
from jobs.services import (
    EXPORT_FORMATS,
    export_snapshot_open,
    job_cancel,
    job_export_start,
    job_import_start,
    job_matching_rebuild_start,
    job_reextract_start,
)
from web.filters import ArticleFilter, ClaimFilter


def reextract_articles(filters: dict):
    """The articles a re-extraction by filters covers: the article list's filters."""
    found = ArticleFilter(filters, queryset=Article.objects.all())
    if not found.is_valid():
        raise DjangoValidationError(found.errors.get_json_data())
    return found.qs


def export_claims(filters: dict, user):
    """The claims an export snapshot covers: the streamed export's filters, applied for the job's owner."""
    found = ClaimFilter(filters, queryset=Claim.objects.all(), request=SimpleNamespace(user=user))
    if not found.is_valid():
        raise DjangoValidationError(found.errors.get_json_data())
    return found.qs


class JobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=JobKind.choices)
    status = serializers.CharField()
    started_by = serializers.CharField(source="started_by.username", default=None)
    total = serializers.IntegerField()
    done = serializers.IntegerField()
    created = serializers.IntegerField(help_text="Imports: new articles (the rest were already here).")
    percent = serializers.IntegerField()
    errors = serializers.SerializerMethodField(help_text="Per-item errors (file and line for imports).")
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)
    file = serializers.SerializerMethodField(help_text="Export snapshots: where to download it, its size and SHA-256.")

    def get_errors(self, job) -> list[str]:
        return job_errors(job=job)

    def get_file(self, job) -> dict | None:
        if not job.result_name:
            return None
        request = self.context["request"]
        url = request.build_absolute_uri(reverse("api:job-file", args=[job.pk]))
        return {"url": url, "size": job.result_size, "sha256": job.result_sha256}


def _accepted(job, request) -> Response:
    body = JobSerializer(job, context={"request": request}).data
    location = reverse("api:job-detail", args=[job.pk])
    return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": location})


STARTABLE = {JobKind.REEXTRACT: "Re-extract articles", JobKind.MATCHING: "Rebuild matching"}
MAX_ARTICLE_IDS = 10_000  # more than this: choose them by filters


class JobStartSerializer(NoUnknownFieldsSerializer):
    kind = serializers.ChoiceField(
        choices=list(STARTABLE.items()),
        help_text="`reextract`: run the current extraction rules again over articles, keeping every claim people "
        "touched. `matching`: rebuild the claim-matching index and suggestions. Imports and export snapshots "
        "have their own endpoints (`/api/imports/`, `/api/exports/`).",
    )
    articles = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID),
        required=False,
        allow_empty=False,
        max_length=MAX_ARTICLE_IDS,
        help_text="`reextract` only: these article ids.",
    )
    filters = serializers.DictField(
        child=StrictCharField(),
        required=False,
        help_text="`reextract` only: the articles that the article list's filters select "
        "(`publisher`, `published_after`, `search`...). Neither `articles` nor `filters`: every article.",
    )

    def validate(self, data):
        if data["kind"] == JobKind.MATCHING:
            extra = sorted(name for name in ("articles", "filters") if name in data)
            if extra:
                raise serializers.ValidationError({name: ["Only for kind `reextract`."] for name in extra})
        if "articles" in data and "filters" in data:
            raise serializers.ValidationError({"filters": ["Give article ids or filters, not both."]})
        filters = data.get("filters")
        if filters is not None:
            unknown = sorted(set(filters) - set(ArticleFilter.base_filters))
            if unknown:
                known = ", ".join(sorted(ArticleFilter.base_filters))
                raise serializers.ValidationError(
                    {"filters": [f"Unknown filter: {', '.join(unknown)}. The filters are: {known}."]}
                )
            found = ArticleFilter(filters, queryset=Article.objects.none())
            if not found.is_valid():
                raise serializers.ValidationError({"filters": found.errors})
        return data


@extend_schema_view(
    list=extend_schema(summary="List your background jobs (everyone's for reviewers and admins), newest first"),
    retrieve=extend_schema(summary="A background job: status, progress, per-item errors, snapshot file"),
)
class JobViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Your jobs (everyone's for reviewers and admins), newest first; reviewers start re-extraction and matching."""

    serializer_class = JobSerializer
    permission_classes = [IsAnnotator]
    parser_classes = [JSONParser]  # a list of up to 10,000 article ids is JSON, not form fields
    queryset = Job.objects.none()  # for the schema: ids are integers

    def get_queryset(self):
        return jobs_visible_to(user=self.request.user)

    @extend_schema(
        summary="Start a re-extraction or a matching rebuild in the background (reviewers and admins)",
        request=JobStartSerializer,
        responses={
            202: JobSerializer,
            400: OpenApiResponse(description="Unknown kind or field, unknown article id, invalid filter."),
            403: OpenApiResponse(description="Not a reviewer or admin."),
        },
    )
    def create(self, request, *args, **kwargs):
        data = JobStartSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        if fields["kind"] == JobKind.MATCHING:
            job = job_matching_rebuild_start(user=request.user)
        else:
            job = job_reextract_start(
                user=request.user, article_ids=fields.get("articles"), filters=fields.get("filters")
            )
        return _accepted(job, request)

    @extend_schema(
        summary="Cancel a job (chunks not yet started are skipped)",
        request=None,
        responses={200: JobSerializer, 400: OpenApiResponse(description="Already finished.")},
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        job = job_cancel(job=self.get_object(), user=request.user)
        return Response(self.get_serializer(job).data)

    @extend_schema(
        summary="Download an export snapshot (reviewers and admins)",
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            400: OpenApiResponse(description="Not a finished export, or its file has expired."),
        },
    )
    @action(detail=True, methods=["get"], url_path="file", permission_classes=[IsReviewer])
    def file(self, request, pk=None):
        job = self.get_object()
        handle = export_snapshot_open(job=job, user=request.user)
        extension = EXPORT_FORMATS[job.params["format"]]
        response = FileResponse(handle, as_attachment=True, filename=job.result_name.rsplit("/", 1)[-1])
        response["Content-Type"] = extension[1]
        response["Content-Length"] = str(job.result_size)
        response["Digest"] = f"sha-256={job.result_sha256}"
        response["Cache-Control"] = "no-store"
        return response


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A .jsonl file (one article object per line) or a .txt article.")


class ImportCreateView(APIView):
    permission_classes = [IsAnnotator, CanAddArticle]
    parser_classes = [MultiPartParser]

    @extend_schema(
        summary="Import a file of articles in the background",
        request={"multipart/form-data": ImportInputSerializer},
        responses={
            202: JobSerializer,
            400: OpenApiResponse(description="No file, an empty one, not .txt/.jsonl/.html/.htm, or not UTF-8 text."),
        },
        tags=["jobs"],
    )
    def post(self, request, *args, **kwargs):
        data = ImportInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data["file"]
        job = job_import_start(user=request.user, name=upload.name, file=upload)
        return _accepted(job, request)


class ExportCreateView(APIView):
    permission_classes = [IsReviewer]

    @extend_schema(
        summary="Write an export snapshot to a file in the background",
        request=inline_serializer(
            "ExportSnapshotInput",
            {
                "format": serializers.ChoiceField(choices=list(EXPORT_FORMATS)),
                "filters": serializers.DictField(child=serializers.CharField(), required=False),
            },
        ),
        responses={202: JobSerializer, 400: OpenApiResponse(description="Unknown format or invalid filter.")},
        tags=["export"],
    )
    def post(self, request, *args, **kwargs):
        data = request.data if hasattr(request.data, "get") else {}
        unknown = sorted(set(data) - {"format", "filters", "csrfmiddlewaretoken"})
        if unknown:
            raise serializers.ValidationError({name: ["Unknown field."] for name in unknown})
        filters = data.get("filters") or {}
        if not isinstance(filters, dict) or not all(isinstance(v, str) for v in filters.values()):
            raise serializers.ValidationError({"filters": ["An object of filter names to string values."]})
        unknown = sorted(set(filters) - set(ClaimFilter.base_filters))
        if unknown:
            raise serializers.ValidationError({"filters": [f"Unknown filter: {', '.join(unknown)}."]})
        found = ClaimFilter(filters, queryset=Claim.objects.none(), request=request)
        if not found.is_valid():
            raise serializers.ValidationError({"filters": found.errors})
        fmt = data.get("format")
        job = job_export_start(
            user=request.user,
            filters=filters,
            fmt=fmt if isinstance(fmt, str) else "",
            base_url=request.build_absolute_uri("/"),
        )
        return _accepted(job, request)
