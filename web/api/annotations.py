"""The REST API for labels, adjudications, agreement and one claim's ClaimReview (exports: web/api/exports.py).

ClaimReview is for reviewers and admins (data users get a reviewer account and a token).
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
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
from web.api.exports import ClaimReviewSerializer, JSONForErrors, claimreview_public_url
from web.filters import StrictFilterBackend, updated_filters

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
    updated_after, updated_before = updated_filters("Label")

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
    filter_backends = [StrictFilterBackend]
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


CLAIMREVIEW_EXAMPLE = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "@id": "https://factcheck.example.org/claims/12/#claimreview",
    "url": "https://factcheck.example.org/claims/12/",
    "claimReviewed": "40 drones were shot down overnight",
    "itemReviewed": {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "headline": "Overnight attack", "url": "https://example.org/a"},
        "author": {"@type": "Organization", "name": "Ministry of Defence"},
        "datePublished": "2025-01-02",
    },
    "author": {"@type": "Organization", "name": "Example Fact Check", "url": "https://factcheck.example.org/"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Verified",
    },
    "reviewBody": "The army's figure is 12.",
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
            'unverified 3 "Unverified", disputed 1 "Disputed". `url` is CLAIMDESK_PUBLIC_URL + CLAIMREVIEW_PATH '
            "(your public page for the review) and `@id` that URL + #claimreview; `reviewBody` is the reviewer's "
            "rationale; `datePublished` is when the consensus was reached (the adjudication, else the latest "
            "label); `author` is settings CLAIMREVIEW_AUTHOR_NAME / _URL. 503 when CLAIMDESK_PUBLIC_URL is unset."
        ),
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                ClaimReviewSerializer, examples=[OpenApiExample("ClaimReview", value=CLAIMREVIEW_EXAMPLE)]
            ),
            404: OpenApiResponse(description="No such claim, or it has no consensus verdict yet."),
        },
    )
    def get(self, request, pk: int, *args, **kwargs):
        claims = Claim.objects.filter(pk=pk)
        clusters = claim_cluster_ids(claim_ids=[pk])
        rows = next(claim_export_batches(claims=claims, clusters=clusters), [])
        if not rows:
            raise NotFound(f"There is no claim {pk}.")
        row = rows[0]
        if not row["verdict"]:
            raise NotFound(f"Claim {pk} has no consensus verdict yet, so it has no ClaimReview.")
        if row["verdict"] not in exports.VERDICT_RATINGS:
            raise NotFound(f"Claim {pk} has a verdict ClaimReview cannot rate ({row['verdict']!r}).")
        url = exports.claimreview_url(row, public_url=claimreview_public_url(), path=settings.CLAIMREVIEW_PATH)
        review = exports.claimreview(
            row, url=url, author_name=settings.CLAIMREVIEW_AUTHOR_NAME, author_url=settings.CLAIMREVIEW_AUTHOR_URL
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
