"""The REST API for labels, the streamed exports and ClaimReview.

Exports stream: the claims are read in keyset pages of EXPORT_BATCH_SIZE (`claim_export_batches`), each page is
formatted (`annotations.exports`) and sent before the next is read, so a million claims take the memory of one
page. Exports and ClaimReview are for reviewers and admins (data users get a reviewer account and a token).
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.http import StreamingHttpResponse
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import BasePermission
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from annotations import exports
from annotations.models import Adjudication, Annotation, Verdict
from annotations.selectors import agreement_report, annotations_listed_for, claim_export_batches, claims_visible_to
from annotations.services import (
    annotation_delete,
    annotation_submit,
    claim_adjudicate,
    claim_reopen,
    review_next_claim,
)
from claims.models import Claim
from core.api import (
    IdCursorPagination,
    IsAnnotator,
    IsReviewer,
    NoUnknownFieldsSerializer,
    StrictCharField,
    StrictPrimaryKeyRelatedField,
    URLAsTextModelSerializer,
)
from core.roles import is_admin, is_reviewer
from matching.selectors import claim_cluster_ids
from web.api.claims import ClaimSerializer
from web.filters import ClaimFilter

EXPORT_BATCH_SIZE = 2000


class NewestFirstCursorPagination(IdCursorPagination):
    ordering = "-id"


class StaffDeletes(BasePermission):
    message = "Only staff can delete labels."

    def has_permission(self, request, view) -> bool:
        return request.method != "DELETE" or is_admin(request.user)


class AnnotationSerializer(URLAsTextModelSerializer):
    annotator = serializers.CharField(source="annotator.username", read_only=True)

    class Meta:
        model = Annotation
        fields = ["id", "claim", "annotator", "verdict", "note", "evidence_url", "created_at", "updated_at"]
        read_only_fields = fields


class AnnotationInputSerializer(NoUnknownFieldsSerializer):
    claim = StrictPrimaryKeyRelatedField(queryset=Claim.objects.all(), help_text="The claim's id.")
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    note = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    evidence_url = StrictCharField(
        required=False, allow_blank=True, default="", max_length=2000, help_text="An http(s) link, or empty."
    )


class AnnotationFilter(django_filters.FilterSet):
    claim = django_filters.ModelChoiceFilter(queryset=Claim.objects.all(), help_text="Claim id.")
    # A name, not a choice of accounts: an unknown username matches no labels, exactly like an account with none,
    # so the filter cannot be used to find out who has an account (issue 17).
    annotator = django_filters.CharFilter(
        field_name="annotator__username",
        max_length=150,
        help_text="Annotator's username (reviewers and admins only; annotators see only their own labels).",
    )
    verdict = django_filters.ChoiceFilter(choices=Verdict.choices, help_text="The label's verdict.")

    class Meta:
        model = Annotation
        fields = []

    def is_valid(self) -> bool:
        """Annotators may not filter by annotator at all, whatever the name: the same 400 for every name."""
        valid = super().is_valid()
        if valid and self.form.cleaned_data.get("annotator") and not is_reviewer(self.request.user):
            self.form.add_error("annotator", "Only reviewers and admins can filter labels by annotator.")
            return False
        return valid


@extend_schema_view(
    list=extend_schema(summary="List labels: your own, or everyone's for reviewers and admins"),
    retrieve=extend_schema(summary="One label (annotators: only their own)"),
    destroy=extend_schema(summary="Delete a label (staff only); the claim's consensus is recomputed"),
)
class AnnotationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet
):
    serializer_class = AnnotationSerializer
    permission_classes = [IsAnnotator, StaffDeletes]
    filter_backends = [DjangoFilterBackend]
    filterset_class = AnnotationFilter
    pagination_class = NewestFirstCursorPagination
    lookup_value_regex = r"\d+"
    queryset = Annotation.objects.none()

    def get_queryset(self):
        return annotations_listed_for(user=self.request.user)

    @extend_schema(
        summary="Label a claim, or change your label on it",
        description=(
            "One label per claim and annotator: posting again for the same claim updates your label. "
            "201 when created, 200 when it already existed (updated, or unchanged if the same)."
        ),
        request=AnnotationInputSerializer,
        examples=[
            OpenApiExample(
                "Label",
                value={"claim": 12, "verdict": "disputed", "note": "Denied by the ministry", "evidence_url": ""},
                request_only=True,
            )
        ],
        responses={
            201: AnnotationSerializer,
            200: OpenApiResponse(AnnotationSerializer, description="Your existing label, updated."),
            400: OpenApiResponse(
                description="Messages per field, e.g. an unknown claim, or a claim that already has all its labels."
            ),
        },
    )
    def create(self, request, *args, **kwargs):
        serializer = AnnotationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = annotation_submit(annotator=request.user, **serializer.validated_data)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(AnnotationSerializer(result.annotation).data, status=code)

    def perform_destroy(self, instance):
        annotation_delete(annotation=instance, actor=self.request.user)


class JSONForErrors(BaseContentNegotiation):
    """Exports answer with their own file type whatever the Accept header says; errors are JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def _attachment(chunks, *, content_type: str, name: str, extension: str) -> StreamingHttpResponse:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="claimdesk-{name}-{stamp}.{extension}"'
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # let a proxy pass the rows on as they come
    return response


class ExportView(generics.GenericAPIView):
    """Base for the streamed exports: the claims list's filters, reviewers and admins only."""

    permission_classes = [IsReviewer]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONForErrors
    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilter
    pagination_class = None
    queryset = Claim.objects.all()

    def batches(self, *, with_review_dates: bool = False, with_history: bool = False):
        claims = self.filter_queryset(self.get_queryset())
        return claim_export_batches(
            claims=claims,
            # Confirmed matches are human decisions, so far fewer than claims: one query up front for the export.
            clusters=claim_cluster_ids(),
            batch_size=EXPORT_BATCH_SIZE,
            with_review_dates=with_review_dates,
            with_history=with_history,
        )


JSONL_EXAMPLE = (
    '{"id":12,"text":"40 drones were shot down overnight","start":31,"end":66,"article":{"id":3,"title":"...",'
    '"url":"https://example.org/a","publisher":"Example Wire","published_at":"2025-01-02T08:00:00+00:00"},'
    '"source":{"name":"Ministry of Defence","kind":"government"},"source_mention":"The ministry","cue":"said",'
    '"quote":false,"annotations":[{"annotator":"ann","verdict":"verified","note":"","evidence_url":""}],'
    '"verdict":"verified","status":"agreed","adjudication":null,"cluster":null}\n'
)
HISTORY_PARAMETER = OpenApiParameter(
    "history",
    OpenApiTypes.BOOL,
    description="Add `history`: every recorded change of the claim's labels and adjudication (who, when, what).",
)


HISTORY_VALUES = {"": False, "false": False, "0": False, "no": False, "true": True, "1": True, "yes": True}


class ClaimJSONLExportView(ExportView):
    @extend_schema(
        summary="Export claims as JSON lines (streamed)",
        operation_id="export_claims_jsonl",
        filters=True,
        parameters=[HISTORY_PARAMETER],
        description=(
            "One JSON object per claim and line, in id order, with its article, source, labels, consensus `verdict` "
            "(null when none), `status`, the reviewer's `adjudication` (verdict, rationale, reviewer, at; or null) "
            "and the `cluster` of confirmed matches (the smallest claim id in it; or null). Takes the claims list's "
            "filters. Streamed: any number of claims."
        ),
        responses={
            (200, "application/x-ndjson"): OpenApiResponse(
                OpenApiTypes.STR, examples=[OpenApiExample("Line", value=JSONL_EXAMPLE)]
            ),
            400: OpenApiResponse(description="A filter value (or `history`) is invalid."),
        },
    )
    def get(self, request, *args, **kwargs):
        history = request.query_params.get("history", "").strip().lower()
        if history not in HISTORY_VALUES:
            raise ValidationError({"history": ["Must be true or false."]})
        with_history = HISTORY_VALUES[history]
        chunks = exports.jsonl_chunks(self.batches(with_history=with_history))
        return _attachment(chunks, content_type="application/x-ndjson; charset=utf-8", name="claims", extension="jsonl")


class ClaimCSVExportView(ExportView):
    @extend_schema(
        summary="Export claims as CSV (streamed)",
        operation_id="export_claims_csv",
        filters=True,
        description=(
            "One row per claim with a header row; `annotations` is a JSON list in one column. UTF-8 with a byte-order "
            "mark so that Excel opens it correctly. Takes the claims list's filters."
        ),
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            400: OpenApiResponse(description="A filter value is invalid."),
        },
    )
    def get(self, request, *args, **kwargs):
        chunks = exports.csv_chunks(self.batches())
        return _attachment(chunks, content_type="text/csv; charset=utf-8", name="claims", extension="csv")


class ClaimReviewJSONLExportView(ExportView):
    def get_queryset(self):
        return Claim.objects.exclude(consensus_verdict="")

    @extend_schema(
        summary="Export ClaimReview JSON-LD for every claim with a consensus verdict (streamed)",
        operation_id="export_claimreview_jsonl",
        filters=True,
        description="One schema.org ClaimReview per line. Takes the claims list's filters.",
        responses={
            (200, "application/x-ndjson"): OpenApiTypes.STR,
            400: OpenApiResponse(description="A filter value is invalid."),
        },
    )
    def get(self, request, *args, **kwargs):
        chunks = exports.claimreview_chunks(
            self.batches(with_review_dates=True),
            base_url=request.build_absolute_uri("/"),
            author_name=settings.CLAIMREVIEW_AUTHOR_NAME,
            author_url=settings.CLAIMREVIEW_AUTHOR_URL,
        )
        return _attachment(
            chunks, content_type="application/x-ndjson; charset=utf-8", name="claimreview", extension="jsonl"
        )


CLAIMREVIEW_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://claimdesk.example.org/articles/3/#claim-12",
    "claimReviewed": "40 drones were shot down overnight",
    "itemReviewed": {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "headline": "Overnight attack", "url": "https://example.org/a"},
        "author": {"@type": "Organization", "name": "Ministry of Defence"},
        "datePublished": "2025-01-02",
    },
    "author": {"@type": "Organization", "name": "ClaimDesk"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Verified",
    },
    "datePublished": "2025-01-03",
}


class ClaimReviewView(generics.GenericAPIView):
    """JSON-LD whatever the Accept header asks (`application/ld+json` included); errors are JSON."""

    permission_classes = [IsReviewer]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONForErrors
    queryset = Claim.objects.all()
    pagination_class = None
    filter_backends = []

    @extend_schema(
        summary="schema.org ClaimReview JSON-LD for one claim",
        operation_id="claims_claimreview",
        description=(
            'Only for a claim with a consensus verdict (404 otherwise). Rating on 1-5: verified 5 "Verified", '
            'unverified 3 "Unverified", disputed 1 "Disputed". `datePublished` is when the consensus was reached '
            "(the adjudication, else the latest label); `author` is settings CLAIMREVIEW_AUTHOR_NAME / _URL."
        ),
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT, examples=[OpenApiExample("ClaimReview", value=CLAIMREVIEW_EXAMPLE)]
            ),
            404: OpenApiResponse(description="No such claim, or it has no consensus verdict yet."),
        },
    )
    def get(self, request, pk: int, *args, **kwargs):
        claims = Claim.objects.filter(pk=pk)
        clusters = claim_cluster_ids(claim_ids=[pk])
        rows = next(claim_export_batches(claims=claims, clusters=clusters, with_review_dates=True), [])
        if not rows:
            raise NotFound(f"There is no claim {pk}.")
        row = rows[0]
        if not row["verdict"]:
            raise NotFound(f"Claim {pk} has no consensus verdict yet, so it has no ClaimReview.")
        review = exports.claimreview(
            row,
            url=request.build_absolute_uri(exports.claim_page_path(row)),
            author_name=settings.CLAIMREVIEW_AUTHOR_NAME,
            author_url=settings.CLAIMREVIEW_AUTHOR_URL,
        )
        return Response(review, content_type="application/ld+json")


class AdjudicationInputSerializer(NoUnknownFieldsSerializer):
    verdict = serializers.ChoiceField(choices=Verdict.choices, help_text="The claim's final verdict.")
    rationale = StrictCharField(max_length=5000, trim_whitespace=True, help_text="Why; required.")


class AdjudicationSerializer(serializers.ModelSerializer):
    reviewer = serializers.SlugRelatedField(
        slug_field="username", read_only=True, help_text="The reviewer who set or last changed it."
    )

    class Meta:
        model = Adjudication
        fields = ["claim", "reviewer", "verdict", "rationale", "created_at", "updated_at"]


class AdjudicationView(generics.GenericAPIView):
    """A reviewer's final verdict on a claim: POST sets or changes it, DELETE reopens the claim."""

    permission_classes = [IsReviewer]
    serializer_class = AdjudicationSerializer
    queryset = Claim.objects.all()

    @extend_schema(
        summary="Settle a claim with a final verdict and a rationale (reviewers and admins)",
        description=(
            "Becomes the claim's consensus verdict. Posting again changes it; the earlier one stays in history."
        ),
        request=AdjudicationInputSerializer,
        examples=[
            OpenApiExample(
                "Adjudication",
                value={"verdict": "verified", "rationale": "The ministry's figure matches the army's."},
                request_only=True,
            )
        ],
        responses={
            201: AdjudicationSerializer,
            200: OpenApiResponse(AdjudicationSerializer, description="The claim's adjudication, changed."),
            400: OpenApiResponse(description="Messages per field."),
        },
    )
    def post(self, request, pk: int, *args, **kwargs):
        claim = self.get_object()
        serializer = AdjudicationInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        existed = Adjudication.objects.filter(claim=claim).exists()
        adjudication = claim_adjudicate(claim=claim, reviewer=request.user, **serializer.validated_data)
        code = status.HTTP_200_OK if existed else status.HTTP_201_CREATED
        return Response(AdjudicationSerializer(adjudication).data, status=code)

    @extend_schema(
        summary="Reopen a claim: withdraw its final verdict (reviewers and admins)",
        responses={204: None},
    )
    def delete(self, request, pk: int, *args, **kwargs):
        claim_reopen(claim=self.get_object(), reviewer=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PairAgreementSerializer(serializers.Serializer):
    annotator_a = serializers.CharField(source="coder_a")
    annotator_b = serializers.CharField(source="coder_b")
    cohen_kappa = serializers.FloatField(source="kappa", allow_null=True)
    shared_claims = serializers.IntegerField(source="shared_units")
    observed_agreement = serializers.FloatField(allow_null=True)


class GroupAgreementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    krippendorff_alpha = serializers.FloatField(source="alpha.alpha", allow_null=True)
    claims = serializers.IntegerField(source="alpha.units")
    labels = serializers.IntegerField(source="alpha.labels")


class AnnotatorFiguresSerializer(serializers.Serializer):
    annotator = serializers.CharField(source="username")
    labels = serializers.IntegerField()
    median_seconds = serializers.FloatField(allow_null=True)
    agreement_with_consensus = serializers.FloatField(allow_null=True)
    compared_with_consensus = serializers.IntegerField(source="compared")


class AgreementSerializer(serializers.Serializer):
    krippendorff_alpha = serializers.FloatField(
        source="overall.alpha",
        allow_null=True,
        help_text="Nominal alpha over claims with two or more labels; null when undefined (one category only).",
    )
    claims = serializers.IntegerField(source="overall.units", help_text="Claims with two or more labels.")
    labels = serializers.IntegerField(source="overall.labels")
    pairs = PairAgreementSerializer(many=True)
    by_article = GroupAgreementSerializer(many=True)
    by_source = GroupAgreementSerializer(many=True)
    annotators = AnnotatorFiguresSerializer(many=True)


class AgreementView(generics.GenericAPIView):
    permission_classes = [IsReviewer]
    serializer_class = AgreementSerializer

    @extend_schema(
        summary="Inter-annotator agreement: Krippendorff's alpha, Cohen's kappa per pair, per annotator",
        description="Over every label so far, overall, per pair of annotators, per article and per source. "
        "Reviewers and admins only.",
    )
    def get(self, request, *args, **kwargs):
        return Response(AgreementSerializer(agreement_report()).data)


class ReviewNextView(generics.GenericAPIView):
    """The review queue for API clients: the same choice and reservation as the web review page."""

    permission_classes = [IsAnnotator]
    serializer_class = ClaimSerializer

    @extend_schema(
        summary="The next claim for you to label, reserved for you for a few minutes",
        description=(
            "Fewest labels first; never a claim you labelled or another annotator holds. Label it with "
            "POST /api/annotations/. 204 when nothing is left for you."
        ),
        operation_id="review_next",
        request=None,
        responses={200: ClaimSerializer, 204: OpenApiResponse(description="Nothing left to label.")},
    )
    def post(self, request, *args, **kwargs):
        claim = review_next_claim(annotator=request.user)
        if claim is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        claim = claims_visible_to(user=request.user).get(pk=claim.pk)
        return Response(ClaimSerializer(claim, context=self.get_serializer_context()).data)
