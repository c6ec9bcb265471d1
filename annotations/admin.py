from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from simple_history.admin import SimpleHistoryAdmin

from annotations.models import Adjudication, Annotation, ClaimReservation, ClaimSkip, Verdict
from annotations.services import verdict_record_save_as_admin, verdict_records_delete_as_admin
from claims.admin import carry_on_with
from claims.models import Article, Claim, ClaimOrigin
from claims.services import claim_create, claim_save_as_admin, claim_validate_span, claims_delete


class KeepsConsensusAdmin(SimpleHistoryAdmin):
    """Every save and delete of a label or adjudication in the admin goes through the service that recomputes the
    claim's status, verdict and label count (the change form, the delete page and the bulk delete action)."""

    def save_model(self, request, obj, form, change):
        previous = form.initial.get("claim") if change else None
        verdict_record_save_as_admin(record=obj, actor=request.user, previous_claim_id=previous)

    def delete_model(self, request, obj):
        verdict_records_delete_as_admin(records=[obj], actor=request.user)

    def delete_queryset(self, request, queryset):
        verdict_records_delete_as_admin(records=list(queryset), actor=request.user)


@admin.register(Annotation)
class AnnotationAdmin(KeepsConsensusAdmin):
    list_display = ["id", "claim", "annotator", "verdict", "created_at", "updated_at"]
    list_filter = ["verdict", "annotator", "created_at"]
    search_fields = ["claim__text", "note", "annotator__username"]
    date_hierarchy = "created_at"
    list_select_related = ["claim", "annotator"]
    raw_id_fields = ["claim", "annotator"]
    history_list_display = ["verdict", "note"]


@admin.register(Adjudication)
class AdjudicationAdmin(KeepsConsensusAdmin):
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


class AnnotationInline(admin.TabularInline):
    model = Annotation
    fields = ["annotator", "verdict", "note", "evidence_url", "updated_at"]
    readonly_fields = ["updated_at"]
    raw_id_fields = ["annotator"]
    extra = 0


def _verdict_counts():
    return {
        f"n_{verdict}": Count("annotations", filter=Q(annotations__verdict=verdict), distinct=True)
        for verdict in Verdict.values
    }


class ClaimAddForm(forms.ModelForm):
    """A claim is a span of its article: the text is taken from the offsets, never typed."""

    class Meta:
        model = Claim
        fields = ["article", "start", "end", "source", "source_mention", "cue", "is_direct_quote"]

    def clean(self):
        data = super().clean()
        article, start, end = data.get("article"), data.get("start"), data.get("end")
        if article is not None and start is not None and end is not None:
            try:
                claim_validate_span(article=article, text=article.body[start:end], start=start, end=end)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    self.add_error(field if field in self.fields else None, messages)
        return data


class RecentArticleFilter(admin.SimpleListFilter):
    """The newest articles to pick from (a list of every article would not fit); any article's claims are at
    ?article=ID, which the claim browser's article links use too."""

    title = "article"
    parameter_name = "article"
    RECENT = 15

    def lookups(self, request, model_admin):
        recent = list(Article.objects.order_by("-created_at", "-id").values_list("pk", "title")[: self.RECENT])
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(pk) != chosen for pk, _ in recent):
            recent += list(Article.objects.filter(pk=int(chosen)).values_list("pk", "title"))
        return [(str(pk), title if len(title) <= 50 else title[:47] + "...") for pk, title in recent]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(article_id=int(value))


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    # Narrow columns so a row fits a laptop screen; the article is a filter (and a link on the change page).
    list_display = ["id", "short_text", "source", "status", "consensus_verdict", "label_count", "is_flagged_not_claim"]
    list_display_links = ["id", "short_text"]
    list_filter = [
        "status",
        "consensus_verdict",
        "extraction_rule",
        RecentArticleFilter,
        "is_flagged_not_claim",
        "origin",
        "is_direct_quote",
        "source__kind",
        "created_at",
    ]
    search_fields = ["text", "source_mention", "source__name", "article__title"]
    date_hierarchy = "created_at"
    list_select_related = ["article", "source"]
    autocomplete_fields = ["source"]
    raw_id_fields = ["article"]
    # Status, verdict and label count follow from the labels (claim_refresh_consensus); never typed here.
    readonly_fields = [
        "status",
        "consensus_verdict",
        "label_count",
        "verdict_counts",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
    ]
    inlines = [AnnotationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(**_verdict_counts())

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            # Offsets and text are tied to the article body; fix a wrong span by adding a new claim instead.
            return ["article", "text", "start", "end", *self.readonly_fields]
        return self.readonly_fields

    @admin.display(description="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description="verdicts")
    def verdict_counts(self, obj):
        return " · ".join(f"{label}: {getattr(obj, f'n_{value}', 0)}" for value, label in Verdict.choices)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ClaimAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ClaimAddForm.Meta.fields
        return super().get_fields(request, obj)

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_formset(self, request, form, formset, change):
        """Labels edited or deleted in the inline go through the same services as the label admin."""
        if formset.model is not Annotation:
            return super().save_formset(request, form, formset, change)
        for record in formset.save(commit=False):
            verdict_record_save_as_admin(record=record, actor=request.user)
        verdict_records_delete_as_admin(records=formset.deleted_objects, actor=request.user)
        formset.save_m2m()

    def save_model(self, request, obj, form, change):
        if change:
            claim_save_as_admin(claim=obj, user=request.user, changed=form.changed_data)
            return
        claim = claim_create(
            article=obj.article,
            start=obj.start,
            end=obj.end,
            source=obj.source,
            source_mention=obj.source_mention,
            cue=obj.cue,
            is_direct_quote=obj.is_direct_quote,
            origin=ClaimOrigin.MANUAL,
            created_by=request.user,
        )
        carry_on_with(obj, claim, ["text", "position"])

    def delete_model(self, request, obj):
        claims_delete(claims=[obj], user=request.user)

    def delete_queryset(self, request, queryset):
        claims_delete(claims=list(queryset), user=request.user)
