"""The real URLs plus a plain DRF list (a ModelSerializer over the same claims, unpaginated): the baseline that
bench/export.py compares the streamed exports with. Benchmark-only: mounted by bench/settings.py alone."""

from django.db.models import Prefetch
from django.urls import path
from rest_framework import generics, serializers

from annotations.models import Annotation
from claims.models import Article, Claim, Source
from config.urls import urlpatterns as site_urlpatterns
from core.api import IsReviewer


class BaselineArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "title", "url", "publisher", "published_at"]


class BaselineSourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["name", "kind"]


class BaselineAnnotationSerializer(serializers.ModelSerializer):
    annotator = serializers.CharField(source="annotator.username")

    class Meta:
        model = Annotation
        fields = ["annotator", "verdict", "note", "evidence_url"]


class BaselineClaimSerializer(serializers.ModelSerializer):
    article = BaselineArticleSerializer()
    source = BaselineSourceSerializer(allow_null=True)
    annotations = BaselineAnnotationSerializer(many=True)
    quote = serializers.BooleanField(source="is_direct_quote")
    verdict = serializers.CharField(source="consensus_verdict")

    class Meta:
        model = Claim
        fields = [
            "id", "text", "start", "end", "article", "source", "source_mention", "cue", "quote", "annotations",
            "verdict", "status",
        ]  # fmt: skip


class BaselineClaimList(generics.ListAPIView):
    """What one would write first: select_related + prefetch_related, the whole list rendered as one JSON array."""

    permission_classes = [IsReviewer]
    serializer_class = BaselineClaimSerializer
    pagination_class = None
    filter_backends = []
    queryset = (
        Claim.objects.select_related("article", "source")
        .defer("article__body")
        .prefetch_related(Prefetch("annotations", queryset=Annotation.objects.select_related("annotator")))
        .order_by("id")
    )


urlpatterns = [path("bench/baseline/claims/", BaselineClaimList.as_view()), *site_urlpatterns]
