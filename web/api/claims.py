"""The REST API for articles, claims and sources. Views only translate: parse, call a service or selector, render.

Blind labelling: a plain annotator sees, on each claim, only their own label; the consensus `verdict`, `status`
and `label_count` only on claims they have labelled (null otherwise); and `verdict_counts` of sources never.
Filtering by verdict or status likewise only reaches the claims they labelled. Reviewers and admins see all.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response

from annotations import blind
from annotations.models import Annotation, Verdict
from annotations.selectors import claims_visible_to
from annotations.services import article_ingest_labelled
from claims.importers import article_fields_from_input
from claims.models import Article, Claim, ClaimStatus, Source
from claims.selectors import article_list_with_claim_counts, source_list_with_verdict_counts
from claims.services import article_ingest
from core.api import (
    CanAddArticle,
    IdCursorPagination,
    IsAnnotator,
    NoUnknownFieldsSerializer,
    StrictCharField,
    URLAsTextModelSerializer,
)
from core.exception_handlers import PayloadTooLarge
from matching.selectors import claim_cluster_id, claim_matches
from web.filters import ArticleFilter, ClaimFilter, SourceFilter, StrictFilterBackend

# JSON escapes can make the request several times the text's UTF-8 size (\u0416 is 6 bytes for 2); beyond this
# the body is refused unread.
REQUEST_OVERHEAD_FACTOR, REQUEST_OVERHEAD_BYTES = 3, 64 * 1024


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "kind"]


class ArticleBriefSerializer(URLAsTextModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "url", "publisher", "published_at"]


class ArticleClaimSerializer(serializers.ModelSerializer):
    """A claim as part of its article: where it is and who said it, without any labels."""

    source = SourceBriefSerializer(allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "text",
            "start",
            "end",
            "source",
            "source_mention",
            "cue",
            "is_direct_quote",
            "position",
            "created_at",
            "updated_at",
        ]


class ArticleSerializer(URLAsTextModelSerializer):
    claim_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "published_at",
            "language",
            "created_at",
            "updated_at",
            "claim_count",
        ]


class ArticleDetailSerializer(URLAsTextModelSerializer):
    claims = ArticleClaimSerializer(many=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "title",
            "url",
            "publisher",
            "published_at",
            "language",
            "created_at",
            "updated_at",
            "body",
            "claims",
        ]


class ArticleCreateSerializer(NoUnknownFieldsSerializer):
    title = StrictCharField(
        required=False, allow_blank=True, max_length=500, default="", help_text="Defaults to the text's first line."
    )
    # Not trimmed: the claims' offsets index into the text exactly as sent.
    body = StrictCharField(
        trim_whitespace=False, help_text="The article text; claim offsets (`start`, `end`) index into it as sent."
    )
    url = StrictCharField(
        required=False, allow_blank=True, max_length=2000, default="", help_text="http(s) link; unique when given."
    )
    publisher = StrictCharField(required=False, allow_blank=True, max_length=200, default="")
    published_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    language = StrictCharField(required=False, max_length=16, default="en")
    claims = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text=(
            "Claims to keep exactly as given instead of extracting them: claim records as the exports write them "
            "(`text`, `start`, `end` in code points, `source` {name, kind}, `source_mention`, `cue`, "
            "`is_direct_quote`, `is_flagged_not_claim`, `confidence`, `origin`; ids, timestamps and derived state "
            "are ignored). Each must slice out of `body`; any bad one is a 400 listing it by index. Their "
            "`annotations` and `adjudication` come in too when an admin posts them (annotators and reviewers found "
            "by user name); from anyone else a claim carrying them is a 400."
        ),
    )
    # An article record from /api/export/articles.jsonl can be posted as it is: these belong to its old instance.
    ignored = NoUnknownFieldsSerializer.ignored | {"id", "created_at", "updated_at"}


def _refuse_oversized_article(request) -> None:
    """413 for an article body over settings.ARTICLE_MAX_BYTES; very large requests are refused unread."""
    limit = settings.ARTICLE_MAX_BYTES
    message = f"The article text is larger than the limit of {limit:,} bytes."
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit * REQUEST_OVERHEAD_FACTOR + REQUEST_OVERHEAD_BYTES:
        raise PayloadTooLarge({"body": [message]})
    data = request.data
    body = data.get("body") if hasattr(data, "get") else None
    if isinstance(body, str) and len(body.encode("utf-8", errors="surrogatepass")) > limit:
        raise PayloadTooLarge({"body": [message]})


@extend_schema_view(
    list=extend_schema(summary="List articles, newest first"),
    retrieve=extend_schema(summary="An article with its text and extracted claims"),
)
class ArticleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [IsAnnotator, CanAddArticle]
    filter_backends = [StrictFilterBackend]
    filterset_class = ArticleFilter
    lookup_value_regex = r"\d+"
    queryset = Article.objects.none()

    @property
    def request_max_bytes(self) -> int:
        """What core.parsers.JSONParser reads: room for an article of ARTICLE_MAX_BYTES in escaped JSON."""
        return settings.ARTICLE_MAX_BYTES * REQUEST_OVERHEAD_FACTOR + REQUEST_OVERHEAD_BYTES

    def get_queryset(self):
        if self.action == "list":
            return article_list_with_claim_counts()
        claims = Claim.objects.select_related("source").order_by("position", "start")
        return Article.objects.prefetch_related(Prefetch("claims", queryset=claims))

    def get_serializer_class(self):
        if self.action == "list":
            return ArticleSerializer
        if self.action == "create":
            return ArticleCreateSerializer
        return ArticleDetailSerializer

    @extend_schema(
        summary="Add an article and extract its claims",
        description=(
            "201 with the new article and its extracted claims. Sending text that is already stored (the same text "
            "after normalising Unicode, line ends and trailing spaces) changes nothing and answers 200 with the "
            "existing article. A URL used by another article is a 400 on `url`; a body over ARTICLE_MAX_BYTES "
            "(2 MB by default) is a 413. Reviewers and admins only."
        ),
        request=ArticleCreateSerializer,
        examples=[
            OpenApiExample(
                "Article",
                value={
                    "title": "Overnight drone attack",
                    "body": "Overnight drone attack\nThe ministry said that 40 drones were shot down overnight.\n",
                    "url": "https://example.org/a",
                    "publisher": "Example Wire",
                    "published_at": "2025-01-02T08:00:00Z",
                },
                request_only=True,
            )
        ],
        responses={
            201: ArticleDetailSerializer,
            200: OpenApiResponse(ArticleDetailSerializer, description="The same text was already stored."),
            400: OpenApiResponse(description="Messages per field, e.g. an empty `body` or a `url` already used."),
            413: OpenApiResponse(description="The article text is over ARTICLE_MAX_BYTES (a message on `body`)."),
        },
    )
    def create(self, request, *args, **kwargs):
        _refuse_oversized_article(request)
        serializer = ArticleCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # An HTML document as the body is read for its article and metadata (trafilatura); given fields win.
        data = article_fields_from_input(serializer.validated_data)
        if "claims" in data:
            # Claims in the export's record format: kept as given, not extracted again; an admin's with their labels.
            result = article_ingest_labelled(**data, created_by=request.user)
        else:
            result = article_ingest(**data, created_by=request.user)
        article = self.get_queryset().get(pk=result.article.pk)
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(ArticleDetailSerializer(article).data, status=code)


class ClaimAnnotationSerializer(URLAsTextModelSerializer):
    annotator = serializers.CharField(source="annotator.username", read_only=True)

    class Meta:
        model = Annotation
        fields = ["id", "annotator", "verdict", "note", "evidence_url", "created_at", "updated_at"]


class ClaimAdjudicationSerializer(serializers.Serializer):
    reviewer = serializers.CharField(source="reviewer.username")
    verdict = serializers.ChoiceField(choices=Verdict.choices)
    rationale = serializers.CharField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ClaimSerializer(serializers.ModelSerializer):
    article = ArticleBriefSerializer(read_only=True)
    source = SourceBriefSerializer(read_only=True, allow_null=True)
    label_count = serializers.IntegerField(read_only=True, allow_null=True)
    status = serializers.ChoiceField(choices=ClaimStatus.choices, read_only=True, allow_null=True)
    verdict = serializers.ChoiceField(
        source="consensus_verdict",
        choices=Verdict.choices,
        read_only=True,
        allow_null=True,
        help_text="The consensus verdict: adjudicated, else unanimous once the claim has all its labels; else null.",
    )
    annotations = ClaimAnnotationSerializer(
        source="visible_annotations",
        many=True,
        read_only=True,
        help_text="Everyone's labels for reviewers and admins; only your own for annotators.",
    )
    adjudication = serializers.SerializerMethodField(
        help_text="A reviewer's final verdict with its rationale, or null; like `verdict`, null for annotators "
        "on claims they have not labelled."
    )

    class Meta:
        model = Claim
        fields = [
            "id",
            "article",
            "text",
            "start",
            "end",
            "source",
            "source_mention",
            "cue",
            "is_direct_quote",
            "confidence",
            "position",
            "origin",
            "is_flagged_not_claim",
            "created_at",
            "updated_at",
            "label_count",
            "status",
            "verdict",
            "annotations",
            "adjudication",
        ]

    @extend_schema_field(ClaimAdjudicationSerializer(allow_null=True))
    def get_adjudication(self, claim) -> dict | None:
        adjudication = getattr(claim, "adjudication", None) if hasattr(claim, "adjudication") else None
        return ClaimAdjudicationSerializer(adjudication).data if adjudication is not None else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["verdict"] = data["verdict"] or None
        request = self.context.get("request")
        labelled_by_me = getattr(instance, "labelled_by_me", False)
        if request is None or not blind.sees_consensus(request.user, labelled_by_me=labelled_by_me):
            data["label_count"] = data["status"] = data["verdict"] = data["adjudication"] = None
        return data


class ClaimMatchSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim_id", help_text="The other claim.")
    score = serializers.FloatField()
    status = serializers.ChoiceField(choices=["suggested", "confirmed", "rejected"])
    relation = serializers.ChoiceField(
        choices=["same", "contradicts"],
        help_text="`contradicts`: the same subject, but a number, negation, outcome, place or time differs, or the pair"
        " model reads one as contradicting the other.",
    )
    similarity = serializers.FloatField(allow_null=True, help_text="Cosine similarity of the sentence embeddings.")
    guards_held = serializers.ListField(child=serializers.CharField(), help_text="Checks both claims agree on.")
    guards_differ = serializers.ListField(child=serializers.CharField(), help_text="Checks on which they differ.")
    read_as_same = serializers.FloatField(
        allow_null=True,
        help_text="The pair model's chance (0 to 1) that the two state the same claim, reading both at once: it reads"
        " each pair the other checks find the same, and under 0.3 keeps them apart (check `meaning`); it also reads a"
        " pair only the `names` check keeps apart, and at 0.96 or more makes it the same claim (`guards_overruled`)."
        " Null when it did not read the pair.",
    )
    guards_overruled = serializers.ListField(
        child=serializers.CharField(),
        help_text="Checks that differed but the pair model's reading overruled: `names` when it reads another name for"
        " one thing (a translation's name for a company, 'Africa's most populous country' for Nigeria).",
    )


class ClaimDetailSerializer(ClaimSerializer):
    matches = serializers.SerializerMethodField(help_text="Probably the same claim in other articles, best first.")
    cluster = serializers.SerializerMethodField(
        help_text="The group of confirmed matches this claim belongs to (its smallest claim id), or null."
    )

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "matches", "cluster"]

    @extend_schema_field(ClaimMatchSerializer(many=True))
    def get_matches(self, claim):
        return ClaimMatchSerializer(claim_matches(claim=claim), many=True).data

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_cluster(self, claim) -> int | None:
        return claim_cluster_id(claim=claim)


@extend_schema_view(
    list=extend_schema(summary="List claims (cursor pages, by id)"),
    retrieve=extend_schema(summary="A claim with its labels as far as you may see them, and its matches"),
)
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ClaimSerializer

    def get_serializer_class(self):
        return ClaimDetailSerializer if self.action == "retrieve" else ClaimSerializer

    permission_classes = [IsAnnotator]
    filter_backends = [StrictFilterBackend]
    filterset_class = ClaimFilter
    pagination_class = IdCursorPagination
    lookup_value_regex = r"\d+"
    queryset = Claim.objects.none()

    def get_queryset(self):
        return claims_visible_to(user=self.request.user)


class VerdictCountsSerializer(serializers.Serializer):
    verified = serializers.IntegerField(source="verified_count")
    disputed = serializers.IntegerField(source="disputed_count")
    unverified = serializers.IntegerField(source="unverified_count")


class SourceSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        child=serializers.CharField(), read_only=True, help_text="Other names this source appears under."
    )
    claim_count = serializers.IntegerField(read_only=True)
    verdict_counts = VerdictCountsSerializer(
        source="*",
        read_only=True,
        allow_null=True,
        help_text="Claims per consensus verdict; null for annotators (blind labelling).",
    )

    class Meta:
        model = Source
        fields = ["id", "name", "kind", "aliases", "created_at", "updated_at", "claim_count", "verdict_counts"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if not self.context.get("show_verdicts"):
            data["verdict_counts"] = None
        return data


@extend_schema_view(
    list=extend_schema(summary="List sources with their claim counts per consensus verdict"),
    retrieve=extend_schema(summary="A source with its claim counts per consensus verdict"),
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = SourceSerializer
    permission_classes = [IsAnnotator]
    filter_backends = [StrictFilterBackend]
    filterset_class = SourceFilter
    lookup_value_regex = r"\d+"
    queryset = Source.objects.none()

    def get_queryset(self):
        return source_list_with_verdict_counts()

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "show_verdicts": blind.sees_all_labels(self.request.user)}
