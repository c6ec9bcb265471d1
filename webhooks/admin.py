import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from webhooks.models import DELIVERY_LOG_FIELDS, Webhook, WebhookDelivery, WebhookEvent
from webhooks.services import (
    deliveries_redeliver,
    webhook_create,
    webhook_events_validate,
    webhook_update,
    webhook_url_validate,
)


class WebhookForm(forms.ModelForm):
    url = forms.CharField(max_length=2000, label="URL", help_text="http(s); a public address unless DEBUG is on.")
    events = forms.MultipleChoiceField(choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Webhook
        fields = ["url", "events", "description", "is_active"]

    def _checked(self, name, check):
        try:
            return check(self.cleaned_data[name])
        except ValidationError as error:
            raise ValidationError(error.message_dict[name]) from None

    def clean_url(self):
        return self._checked("url", webhook_url_validate)

    def clean_events(self):
        return self._checked("events", webhook_events_validate)


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    """Register URLs for events. The secret is shown on the webhook's page (only admins reach it)."""

    form = WebhookForm
    list_display = ["url", "description", "event_list", "is_active", "created_by", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "description"]
    readonly_fields = ["secret", "created_by", "created_at", "updated_at"]

    @admin.display(description="events")
    def event_list(self, obj):
        return ", ".join(obj.events)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def save_model(self, request, obj, form, change):
        fields = {name: form.cleaned_data[name] for name in ("url", "events", "description", "is_active")}
        if change:
            webhook_update(webhook=obj, user=request.user, **fields)
            return
        stored = webhook_create(user=request.user, **fields)
        obj.pk, obj.secret, obj.created_at = stored.pk, stored.secret, stored.created_at
        obj._state.adding, obj._state.db = False, stored._state.db
        self.message_user(request, f"Its signing secret: {stored.secret}", messages.INFO)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: read only; failed or delivered ones can be sent again."""

    list_display = ["id", "created_at", "webhook", "event", "status", "attempts", "response_status", "short_error"]
    list_filter = ["status", "event", "webhook", "created_at"]
    search_fields = ["uuid", "error"]
    list_select_related = ["webhook"]
    date_hierarchy = "created_at"
    actions = ["redeliver"]
    fields = ["webhook", "uuid", *DELIVERY_LOG_FIELDS, "payload"]
    readonly_fields = fields

    @admin.display(description="error")
    def short_error(self, obj):
        return obj.error[:80]

    @admin.display(description="body sent")
    def payload(self, obj):
        try:
            text = json.dumps(json.loads(obj.body), indent=2, ensure_ascii=False)
        except ValueError:
            text = obj.body
        return format_html("<pre>{}</pre>", text)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Send the selected deliveries again")
    def redeliver(self, request, queryset):
        count = deliveries_redeliver(deliveries=list(queryset), user=request.user)
        self.message_user(request, f"Queued {count} delivery(ies) again; pending ones were left as they are.")
