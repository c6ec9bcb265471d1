"""The REST API for webhooks (admins only): register, list, change and remove them, and read a webhook's
delivery log. Views only translate: parse, call a webhooks service, render. What is delivered: README "Webhooks"."""

from __future__ import annotations

import django_filters
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.response import Response

from core.api import IdCursorPagination, IsAdmin, NoUnknownFieldsSerializer, StrictCharField
from web.filters import StrictFilterBackend
from webhooks.models import DELIVERY_LOG_FIELDS, DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent
from webhooks.services import webhook_create, webhook_delete, webhook_update

EVENTS_HELP = (
    "Which events to receive: claim.created, claim.updated, label.created, label.updated, label.deleted, "
    "adjudication.created, adjudication.updated, adjudication.deleted."
)


class WebhookSerializer(serializers.ModelSerializer):
    url = serializers.CharField(help_text="Where each event is POSTed (http or https).")
    events = serializers.ListField(child=serializers.ChoiceField(choices=WebhookEvent.choices), help_text=EVENTS_HELP)
    created_by = serializers.CharField(source="created_by.username", default=None, allow_null=True)

    class Meta:
        model = Webhook
        fields = ["id", "url", "events", "description", "is_active", "created_by", "created_at", "updated_at"]


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(
        help_text="Keep it: it signs every delivery (X-ClaimDesk-Signature). Shown here, and to admins in the admin."
    )

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]


class WebhookInputSerializer(NoUnknownFieldsSerializer):
    url = StrictCharField(
        max_length=2000,
        help_text="http or https. Loopback, private and link-local addresses are refused unless DEBUG is on.",
    )
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=WebhookEvent.choices), allow_empty=False, help_text=EVENTS_HELP
    )
    description = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    is_active = serializers.BooleanField(required=False, default=True, help_text="Inactive webhooks receive nothing.")


EXAMPLE = OpenApiExample(
    "Webhook",
    value={"url": "https://hooks.example.org/claimdesk", "events": ["label.created", "adjudication.created"]},
    request_only=True,
)


@extend_schema_view(
    list=extend_schema(summary="List webhooks (admins)"),
    retrieve=extend_schema(summary="A webhook (admins)"),
    destroy=extend_schema(summary="Remove a webhook and its delivery log (admins)"),
)
class WebhookViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Webhooks: signed JSON POSTs when labels, adjudications and claims change. Admins only."""

    serializer_class = WebhookSerializer
    permission_classes = [IsAdmin]
    filter_backends = [StrictFilterBackend]
    pagination_class = IdCursorPagination
    queryset = Webhook.objects.select_related("created_by").order_by("id")
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    @extend_schema(
        summary="Register a webhook (admins)",
        description="201 with the webhook and its signing `secret`. A bad or refused `url` is a 400 on `url`.",
        request=WebhookInputSerializer,
        examples=[EXAMPLE],
        responses={201: WebhookCreatedSerializer, 400: OpenApiResponse(description="Messages per field.")},
    )
    def create(self, request, *args, **kwargs):
        data = WebhookInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        webhook = webhook_create(user=request.user, **data.validated_data)
        return Response(WebhookCreatedSerializer(webhook).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change a webhook's URL, events, description or is_active (admins)",
        request=WebhookInputSerializer(partial=True),
        examples=[OpenApiExample("Deactivate", value={"is_active": False}, request_only=True)],
        responses={200: WebhookSerializer, 400: OpenApiResponse(description="Messages per field.")},
    )
    def partial_update(self, request, *args, **kwargs):
        webhook = self.get_object()
        data = WebhookInputSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        webhook = webhook_update(webhook=webhook, user=request.user, **data.validated_data)
        return Response(WebhookSerializer(webhook).data)

    def perform_destroy(self, instance):
        webhook_delete(webhook=instance, user=self.request.user)


class WebhookDeliverySerializer(serializers.ModelSerializer):
    delivery = serializers.UUIDField(source="uuid", help_text="The X-ClaimDesk-Delivery header and `delivery` field.")

    class Meta:
        model = WebhookDelivery
        fields = ["id", "delivery", *DELIVERY_LOG_FIELDS]


class DeliveryFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=DeliveryStatus.choices, help_text="pending, delivered or failed.")
    event = django_filters.ChoiceFilter(choices=WebhookEvent.choices, help_text="One event name.")

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event"]


class NewestFirst(IdCursorPagination):
    ordering = "-id"


@extend_schema(summary="A webhook's delivery log, newest first (admins)", tags=["webhooks"])
class WebhookDeliveryListView(generics.ListAPIView):
    serializer_class = WebhookDeliverySerializer
    permission_classes = [IsAdmin]
    filter_backends = [StrictFilterBackend]
    filterset_class = DeliveryFilter
    pagination_class = NewestFirst
    queryset = WebhookDelivery.objects.none()  # for the schema

    def get_queryset(self):
        webhook = generics.get_object_or_404(Webhook.objects.all(), pk=self.kwargs["pk"])
        return WebhookDelivery.objects.filter(webhook=webhook)
