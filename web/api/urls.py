"""Everything under /api/. Names are namespaced: reverse("api:claim-list"), reverse("api:export-claims-jsonl")."""

from django.http import JsonResponse
from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt
from rest_framework.routers import SimpleRouter

from web.api.annotations import (
    AdjudicationView,
    AgreementView,
    AnnotationViewSet,
    ClaimReviewView,
    ReviewNextView,
)
from web.api.claims import ArticleViewSet, ClaimViewSet, SourceViewSet
from web.api.exports import (
    ArticleJSONLExportView,
    ClaimCSVExportView,
    ClaimJSONLExportView,
    ClaimParquetExportView,
    ClaimReviewJSONLExportView,
)
from web.api.jobs import ExportCreateView, ImportCreateView, JobViewSet
from web.api.webhooks import WebhookDeliveryListView, WebhookViewSet

app_name = "api"


@csrf_exempt  # like every DRF view: an unknown path answers 404 in JSON, never Django's HTML CSRF page
def api_not_found(request, *args, **kwargs):
    """Unknown paths under /api/ answer in JSON like every other API error, not with the site's HTML page."""
    return JsonResponse({"detail": "Not found."}, status=404)


router = SimpleRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("sources", SourceViewSet, basename="source")
router.register("annotations", AnnotationViewSet, basename="annotation")
router.register("jobs", JobViewSet, basename="job")
router.register("webhooks", WebhookViewSet, basename="webhook")

urlpatterns = [
    path("claims/<int:pk>/claimreview/", ClaimReviewView.as_view(), name="claim-claimreview"),
    path("claims/<int:pk>/adjudication/", AdjudicationView.as_view(), name="claim-adjudication"),
    path("agreement/", AgreementView.as_view(), name="agreement"),
    path("review/next/", ReviewNextView.as_view(), name="review-next"),
    path("export/claims.jsonl", ClaimJSONLExportView.as_view(), name="export-claims-jsonl"),
    path("export/claims.csv", ClaimCSVExportView.as_view(), name="export-claims-csv"),
    path("export/claims.parquet", ClaimParquetExportView.as_view(), name="export-claims-parquet"),
    path("export/articles.jsonl", ArticleJSONLExportView.as_view(), name="export-articles-jsonl"),
    path("export/claimreview.jsonl", ClaimReviewJSONLExportView.as_view(), name="export-claimreview-jsonl"),
    path("imports/", ImportCreateView.as_view(), name="imports"),
    path("exports/", ExportCreateView.as_view(), name="exports"),
    path("webhooks/<int:pk>/deliveries/", WebhookDeliveryListView.as_view(), name="webhook-deliveries"),
    *router.urls,
    re_path(r"^[\s\S]*$", api_not_found),  # any path, even one with a newline in it
]
