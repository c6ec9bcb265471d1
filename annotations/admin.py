from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from annotations.models import Adjudication, Annotation, ClaimReservation, ClaimSkip


@admin.register(Annotation)
class AnnotationAdmin(SimpleHistoryAdmin):
    list_display = ["id", "claim", "annotator", "verdict", "created_at", "updated_at"]
    list_filter = ["verdict", "annotator", "created_at"]
    search_fields = ["claim__text", "note", "annotator__username"]
    date_hierarchy = "created_at"
    list_select_related = ["claim", "annotator"]
    raw_id_fields = ["claim", "annotator"]
    history_list_display = ["verdict", "note"]


@admin.register(Adjudication)
class AdjudicationAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "reviewer", "verdict", "updated_at"]
    list_filter = ["verdict", "reviewer"]
    search_fields = ["claim__text", "rationale"]
    date_hierarchy = "updated_at"
    list_select_related = ["claim", "reviewer"]
    raw_id_fields = ["claim", "reviewer"]
    history_list_display = ["verdict", "rationale"]


@admin.register(ClaimReservation)
class ClaimReservationAdmin(admin.ModelAdmin):
    list_display = ["claim", "annotator", "shown_at", "expires_at"]
    list_filter = ["annotator"]
    search_fields = ["claim__text", "annotator__username"]
    list_select_related = ["claim", "annotator"]
    raw_id_fields = ["claim", "annotator"]


@admin.register(ClaimSkip)
class ClaimSkipAdmin(admin.ModelAdmin):
    list_display = ["claim", "annotator", "created_at"]
    list_filter = ["annotator"]
    search_fields = ["claim__text", "annotator__username"]
    list_select_related = ["claim", "annotator"]
    raw_id_fields = ["claim", "annotator"]
