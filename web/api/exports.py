"""The streamed exports: claims as JSONL, CSV and Parquet, ClaimReview JSONL, and articles as JSONL.

`export_open(kind=..., params=...)` validates the query parameters and returns the file's bytes as an iterator;
the views stream it and a worker (the snapshot jobs) can write it to a file the same way. The claims are read in
keyset pages of EXPORT_BATCH_SIZE (`claim_export_batches`), each page in one consistent snapshot, formatted
(`annotations.exports`) and sent before the next is read, so a million claims take the memory of one page.

Every export states the moment it reflects in `X-ClaimDesk-As-Of` (and in its trailer): every change committed
before it is in the file; a change made while it streams may be, with its own `updated_at`. The next incremental
sync asks for `updated_after=<as_of>`. Exports are for reviewers and admins (data users get a reviewer account).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.gzip import gzip_page
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.renderers import JSONRenderer

from annotations import exports
from annotations.models import Verdict
from annotations.selectors import article_export_batches, claim_export_batches
from claims.models import Article, Claim, ClaimOrigin, ClaimStatus, SourceKind
from core.api import IsReviewer
from matching.selectors import claim_cluster_ids
from web.filters import ArticleFilter, ClaimFilter, StrictFilterBackend, refuse_unknown_parameters

EXPORT_BATCH_SIZE = 2000
BOOLEANS = {"false": False, "0": False, "no": False, "true": True, "1": True, "yes": True}


class NotConfigured(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "This server is not configured for this yet."
    default_code = "not_configured"


@dataclass(frozen=True)
class ExportFile:
    name: str  # claims, claimreview, articles
    extension: str
    content_type: str
    as_of: datetime
    chunks: Iterator[bytes]

    @property
    def filename(self) -> str:
        return f"claimdesk-{self.name}-{self.as_of:%Y%m%dT%H%M%SZ}.{self.extension}"


@dataclass(frozen=True)
class ExportKind:
    name: str
    extension: str
    content_type: str
    options: tuple[str, ...]  # query parameters besides the filters


KINDS = {
    "claims.jsonl": ExportKind("claims", "jsonl", "application/x-ndjson; charset=utf-8", ("history", "trailer")),
    "claims.csv": ExportKind("claims", "csv", "text/csv; charset=utf-8", ("escape_formulas", "trailer")),
    "claims.parquet": ExportKind("claims", "parquet", "application/vnd.apache.parquet", ()),
    "claimreview.jsonl": ExportKind("claimreview", "jsonl", "application/x-ndjson; charset=utf-8", ("trailer",)),
    "articles.jsonl": ExportKind("articles", "jsonl", "application/x-ndjson; charset=utf-8", ("claims", "trailer")),
}


def _flag(params: Mapping[str, str], name: str, default: bool) -> bool:
    raw = params.get(name, "")
    raw = raw.strip().lower() if isinstance(raw, str) else ""
    if not raw:
        return default
    if raw not in BOOLEANS:
        raise ValidationError({name: ["Must be true or false."]})
    return BOOLEANS[raw]


def _filtered(filterset_class, params: Mapping[str, str], queryset, request=None):
    filterset = filterset_class(data=params, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset.qs


def claimreview_public_url() -> str:
    if not settings.CLAIMDESK_PUBLIC_URL:
        raise NotConfigured("Set CLAIMDESK_PUBLIC_URL (your organisation's public site): ClaimReview links to it.")
    return settings.CLAIMDESK_PUBLIC_URL


def export_open(*, kind: str, params: Mapping[str, str], request=None) -> ExportFile:
    """The export `kind` (a key of KINDS) for these query parameters, as an iterator of bytes.

    Raises ValidationError (a 400) for an unknown parameter or a bad value before any row is read.
    """
    spec = KINDS[kind]
    filterset_class = ArticleFilter if spec.name == "articles" else ClaimFilter
    refuse_unknown_parameters(params, [*filterset_class.base_filters, *spec.options])
    trailer = _flag(params, "trailer", True)
    as_of = timezone.now()
    if spec.name == "articles":
        articles = _filtered(ArticleFilter, params, Article.objects.all(), request)
        with_claims = _flag(params, "claims", False)
        batches = article_export_batches(
            articles=articles,
            claims=Claim.objects.all() if with_claims else None,
            clusters=claim_cluster_ids() if with_claims else None,
        )
        chunks = exports.jsonl_chunks(batches, as_of=as_of, trailer=trailer)
        return ExportFile(spec.name, spec.extension, spec.content_type, as_of, chunks)
    claims = Claim.objects.exclude(consensus_verdict="") if spec.name == "claimreview" else Claim.objects.all()
    claims = _filtered(ClaimFilter, params, claims, request)
    with_history = _flag(params, "history", False)
    escape_formulas = _flag(params, "escape_formulas", True)
    public_url = claimreview_public_url() if spec.name == "claimreview" else ""
    # Confirmed matches are human decisions, so far fewer than claims: one query up front for the export.
    batches = claim_export_batches(
        claims=claims, clusters=claim_cluster_ids(), batch_size=EXPORT_BATCH_SIZE, with_history=with_history
    )
    if kind == "claims.jsonl":
        chunks = exports.jsonl_chunks(batches, as_of=as_of, trailer=trailer)
    elif kind == "claims.csv":
        chunks = exports.csv_chunks(batches, as_of=as_of, escape_formulas=escape_formulas, trailer=trailer)
    elif kind == "claims.parquet":
        from annotations.parquet import parquet_chunks  # pyarrow only in the processes that write Parquet

        chunks = parquet_chunks(batches, as_of=as_of)
    else:
        chunks = exports.claimreview_chunks(
            batches,
            public_url=public_url,
            path=settings.CLAIMREVIEW_PATH,
            author_name=settings.CLAIMREVIEW_AUTHOR_NAME,
            author_url=settings.CLAIMREVIEW_AUTHOR_URL,
            as_of=as_of,
            trailer=trailer,
        )
    return ExportFile(spec.name, spec.extension, spec.content_type, as_of, chunks)


class JSONForErrors(BaseContentNegotiation):
    """Exports answer with their own file type whatever the Accept header says; errors are JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def streamed(export: ExportFile) -> StreamingHttpResponse:
    response = StreamingHttpResponse(export.chunks, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["X-ClaimDesk-As-Of"] = export.as_of.isoformat()
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # let a proxy pass the rows on as they come
    return response


# The export record, for the OpenAPI schema (the rows are built by annotations.selectors, not by these classes).


class ExportArticleSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField(help_text='The article\'s link, or "" when it has none.')
    publisher = serializers.CharField(help_text='"" when unknown.')
    published_at = serializers.DateTimeField(allow_null=True)


class ExportSourceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SourceKind.choices)


class ExportLabelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    annotator = serializers.CharField(help_text="Username.")
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    note = serializers.CharField()
    evidence_url = serializers.CharField(help_text='A link, or "".')
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ExportAdjudicationSerializer(serializers.Serializer):
    reviewer = serializers.CharField(help_text="Username of the reviewer who set or last changed it.")
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    rationale = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ClaimExportRecordSerializer(serializers.Serializer):
    """One claim in every claim export (a JSONL line, a CSV row flattened with `_`, a Parquet row)."""

    id = serializers.IntegerField()
    article = ExportArticleSerializer()
    text = serializers.CharField(help_text="Exactly the article body from `start` to `end`.")
    start = serializers.IntegerField(help_text="Offset in the article body, in Unicode code points (as Python).")
    end = serializers.IntegerField(help_text="End offset (exclusive), in Unicode code points.")
    start_utf16 = serializers.IntegerField(help_text="`start` in UTF-16 code units (JavaScript, Java, .NET).")
    end_utf16 = serializers.IntegerField(help_text="`end` in UTF-16 code units.")
    source = ExportSourceSerializer(allow_null=True, help_text="Who made the claim; null when unknown.")
    source_mention = serializers.CharField(help_text="How the article named the source.")
    cue = serializers.CharField(help_text='The reporting verb ("said"), or "".')
    is_direct_quote = serializers.BooleanField()
    confidence = serializers.FloatField(allow_null=True, help_text="Extraction's confidence, 0-1; null if manual.")
    position = serializers.IntegerField(help_text="Order of the claim within its article, from 0.")
    origin = serializers.ChoiceField(choices=ClaimOrigin.choices)
    extraction_rule = serializers.CharField(
        help_text='Id of the extraction rule that made the claim; "" if added by hand.'
    )
    extractor_version = serializers.CharField(help_text='The extractor version that made it; "" if added by hand.')
    is_flagged_not_claim = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        help_text="Last change to the claim's text, source, flags, labels or adjudication (what updated_after reads)."
    )
    label_count = serializers.IntegerField()
    status = serializers.ChoiceField(choices=ClaimStatus.choices)
    verdict = serializers.ChoiceField(
        choices=Verdict.choices, allow_null=True, help_text="The consensus verdict (adjudicated, else agreed)."
    )
    annotations = ExportLabelSerializer(many=True, help_text="Every label, oldest first.")
    adjudication = ExportAdjudicationSerializer(allow_null=True, help_text="A reviewer's final verdict, or null.")
    cluster = serializers.IntegerField(allow_null=True, help_text="Cluster of confirmed matches (smallest claim id).")


class ArticleExportRecordSerializer(serializers.Serializer):
    """One article in /api/export/articles.jsonl, and what import_articles and POST /api/articles/ read back."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    publisher = serializers.CharField()
    published_at = serializers.DateTimeField(allow_null=True)
    language = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    body = serializers.CharField(help_text="The text every claim offset indexes into.")
    claims = ClaimExportRecordSerializer(many=True, required=False, help_text="With ?claims=true, by position.")


class ExportEndSerializer(serializers.Serializer):
    rows = serializers.IntegerField(help_text="Records before this line.")
    as_of = serializers.DateTimeField(help_text="The moment the export reflects (also X-ClaimDesk-As-Of).")
    skipped = serializers.ListField(
        child=serializers.DictField(), help_text="Claims that could not be written: {id, reason}."
    )


class ExportTrailerSerializer(serializers.Serializer):
    _end = ExportEndSerializer(help_text="The last line of a complete JSONL export (leave out with ?trailer=false).")


def _json_ld(name: str, fields: dict[str, serializers.Field]) -> type[serializers.Serializer]:
    """A schema-only serializer whose field names are JSON-LD keys ("@type", "@id"), which a class body cannot spell."""
    return type(name, (serializers.Serializer,), fields)


def _of_type(name: str) -> serializers.CharField:
    return serializers.CharField(help_text=f'Always "{name}".')


ClaimReviewOrganizationSerializer = _json_ld(
    "ClaimReviewOrganization",
    {
        "@type": _of_type("Organization"),
        "name": serializers.CharField(),
        "url": serializers.CharField(required=False, help_text="CLAIMREVIEW_AUTHOR_URL, when set."),
    },
)
ClaimReviewSpeakerSerializer = _json_ld(
    "ClaimReviewSpeaker",
    {
        "@type": serializers.CharField(help_text='"Person" or "Organization".'),
        "name": serializers.CharField(help_text="The claim's source."),
    },
)
ClaimReviewAppearanceSerializer = _json_ld(
    "ClaimReviewAppearance",
    {
        "@type": _of_type("CreativeWork"),
        "headline": serializers.CharField(help_text="The article's title."),
        "url": serializers.CharField(required=False, help_text="The article's link, when it has one."),
        "datePublished": serializers.DateField(required=False),
        "publisher": ClaimReviewOrganizationSerializer(required=False),
    },
)
ClaimReviewItemSerializer = _json_ld(
    "ClaimReviewItem",
    {
        "@type": _of_type("Claim"),
        "appearance": ClaimReviewAppearanceSerializer(),
        "author": ClaimReviewSpeakerSerializer(required=False, help_text="Who made the claim, when known."),
        "datePublished": serializers.DateField(required=False),
    },
)
ClaimReviewRatingSerializer = _json_ld(
    "ClaimReviewRating",
    {
        "@type": _of_type("Rating"),
        "ratingValue": serializers.IntegerField(help_text="verified 5, unverified 3, disputed 1."),
        "bestRating": serializers.IntegerField(),
        "worstRating": serializers.IntegerField(),
        "alternateName": serializers.CharField(help_text="Verified, Unverified or Disputed."),
    },
)
ClaimReviewSerializer = _json_ld(
    "ClaimReview",
    {
        "@context": serializers.CharField(help_text='Always "https://schema.org".'),
        "@type": _of_type("ClaimReview"),
        "@id": serializers.CharField(help_text="`url` + #claimreview: stable across exports."),
        "url": serializers.CharField(help_text="CLAIMDESK_PUBLIC_URL + CLAIMREVIEW_PATH."),
        "claimReviewed": serializers.CharField(),
        "itemReviewed": ClaimReviewItemSerializer(),
        "author": ClaimReviewOrganizationSerializer(),
        "reviewRating": ClaimReviewRatingSerializer(),
        "reviewBody": serializers.CharField(required=False, help_text="The reviewer's rationale, if adjudicated."),
        "datePublished": serializers.DateField(required=False, help_text="When the consensus was reached."),
    },
)


def _parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.BOOL, description=description)


TRAILER = _parameter("trailer", 'End with the `{"_end": ...}` line (`#end,...` in CSV). Default true.')
AS_OF = OpenApiParameter(
    "X-ClaimDesk-As-Of",
    OpenApiTypes.DATETIME,
    location=OpenApiParameter.HEADER,
    response=True,
    description="The moment the export reflects: pass it as `updated_after` in the next incremental sync.",
)
OPTION_PARAMETERS = {
    "history": _parameter("history", "Add `history`: every change of the claim's labels and adjudication."),
    "escape_formulas": _parameter(
        "escape_formulas", "Prefix ' to text starting with = + - @ tab or CR (default true); false: lossless."
    ),
    "claims": _parameter("claims", "Nest each article's claims (export records) under `claims`."),
    "trailer": TRAILER,
}
DESCRIPTIONS = {
    "claims.jsonl": "One ClaimExportRecord per line, in id order, then the ExportTrailer line.",
    "claims.csv": (
        "One row per claim (ClaimExportRecord flattened: `article_title`, `source_name`, `adjudication_verdict`...; "
        "`annotations` a JSON list), a header row, UTF-8 with a BOM. Text is quoted; null is an empty unquoted "
        "cell. Last line `#end,rows=N,as_of=...` (skip it, e.g. pandas `skipfooter=1`)."
    ),
    "claims.parquet": (
        "ClaimExportRecord rows (nested structs, UTC timestamps), zstd, one row group per 20,000 claims, streamed. "
        "The footer's key-value metadata holds `claimdesk.as_of`, `claimdesk.rows` and `claimdesk.skipped`."
    ),
    "claimreview.jsonl": (
        "One schema.org ClaimReview per line for claims with a consensus verdict (agreed or adjudicated; "
        "`?verdict=` to choose), `url` and `@id` on CLAIMDESK_PUBLIC_URL, then the ExportTrailer line."
    ),
    "articles.jsonl": "One ArticleExportRecord per line (with its text), in id order, then the ExportTrailer line.",
}


def _lines(name: str, record) -> PolymorphicProxySerializer:
    """A JSONL line: a record, or the trailer that ends a complete file."""
    return PolymorphicProxySerializer(
        component_name=name, serializers=[record, ExportTrailerSerializer], resource_type_field_name=None
    )


def _export_schema(kind: str):
    spec = KINDS[kind]
    media = spec.content_type.split(";")[0]
    record = {
        "claims.jsonl": _lines("ClaimExportLine", ClaimExportRecordSerializer),
        "claims.csv": OpenApiTypes.STR,
        "claims.parquet": OpenApiTypes.BINARY,
        "claimreview.jsonl": _lines("ClaimReviewExportLine", ClaimReviewSerializer),
        "articles.jsonl": _lines("ArticleExportLine", ArticleExportRecordSerializer),
    }[kind]
    return extend_schema(
        summary=f"Export {spec.name} as {spec.extension} (streamed; gzip with Accept-Encoding: gzip)",
        operation_id=f"export_{kind.replace('.', '_')}",
        filters=True,
        parameters=[AS_OF, *(OPTION_PARAMETERS[name] for name in spec.options)],
        description=DESCRIPTIONS[kind] + " Unknown query parameters are a 400.",
        responses={
            (200, media): OpenApiResponse(record, description="Each line (row) is one record."),
            400: OpenApiResponse(description="An unknown query parameter or a bad value, by name."),
        },
    )


@method_decorator(gzip_page, name="dispatch")
class ExportView(generics.GenericAPIView):
    """Base for the streamed exports: the list's filters, reviewers and admins only."""

    kind = "claims.jsonl"
    permission_classes = [IsReviewer]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONForErrors
    filter_backends = [StrictFilterBackend]
    filterset_class = ClaimFilter
    pagination_class = None
    queryset = Claim.objects.none()

    def get(self, request, *args, **kwargs):
        return streamed(export_open(kind=self.kind, params=request.query_params, request=request))


def export_view(kind: str):
    """The view class for one export, with its own schema."""
    filterset = ArticleFilter if kind.startswith("articles") else ClaimFilter

    @_export_schema(kind)
    def get(self, request, *args, **kwargs):
        return ExportView.get(self, request, *args, **kwargs)

    return type(
        f"Export{kind.replace('.', '_').title().replace('_', '')}View",
        (ExportView,),
        {"kind": kind, "filterset_class": filterset, "queryset": filterset._meta.model.objects.none(), "get": get},
    )


ClaimJSONLExportView = export_view("claims.jsonl")
ClaimCSVExportView = export_view("claims.csv")
ClaimParquetExportView = export_view("claims.parquet")
ClaimReviewJSONLExportView = export_view("claimreview.jsonl")
ArticleJSONLExportView = export_view("articles.jsonl")
