from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from simple_history.admin import SimpleHistoryAdmin

from annotations.models import Annotation, Verdict
from claims.models import Article, Claim, ClaimOrigin, Source
from claims.services import article_ingest, article_validate_input, claim_create, claim_validate_span, content_sha256


def _carry_on_with(obj, stored, fields: list[str]) -> None:
    """Adds go through a service, which stores its own row: the admin carries on (message, redirect) with it."""
    obj.pk = stored.pk
    for field in fields:
        setattr(obj, field, getattr(stored, field))
    obj._state.adding = False
    obj._state.db = stored._state.db


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = [
        "position",
        "text",
        "source",
        "source_mention",
        "cue",
        "is_direct_quote",
        "origin",
        "is_flagged_not_claim",
    ]
    readonly_fields = ["position", "text", "source_mention", "cue", "is_direct_quote", "origin"]
    autocomplete_fields = ["source"]
    show_change_link = True
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Claims are added at exact offsets through the claim form or the UI, never as free text here.
        return False


class ArticleAddForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "body", "url", "publisher", "published_at", "language"]

    def clean(self):
        data = super().clean()
        try:
            article_validate_input(
                title=data.get("title") or "",
                body=data.get("body") or "",
                url=data.get("url") or "",
                published_at=data.get("published_at"),
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
            return data
        duplicate = Article.objects.filter(content_sha256=content_sha256(data["body"])).first()
        if duplicate is not None:
            self.add_error("body", f"This text is already article #{duplicate.pk}: “{duplicate.title}”.")
        return data


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "claim_count", "created_by", "created_at"]
    list_filter = ["publisher", "language", "created_at"]
    search_fields = ["title", "body", "url", "publisher"]
    date_hierarchy = "created_at"
    list_select_related = ["created_by"]
    inlines = [ClaimInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_claims=Count("claims"))

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = ArticleAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # The body is fixed once stored: every claim's offsets index into it.
        if obj is not None:
            return ["body", "content_sha256", "created_by", "created_at"]
        return []

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        result = article_ingest(
            title=obj.title,
            body=obj.body,
            url=obj.url,
            publisher=obj.publisher,
            published_at=obj.published_at,
            language=obj.language,
            created_by=request.user,
        )
        _carry_on_with(obj, result.article, ["content_sha256", "created_at"])


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


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = [
        "id",
        "short_text",
        "article",
        "source",
        "cue",
        "is_direct_quote",
        "origin",
        "is_flagged_not_claim",
        "verdict_counts",
    ]
    list_display_links = ["id", "short_text"]
    list_filter = ["origin", "is_flagged_not_claim", "is_direct_quote", "source__kind", "created_at"]
    search_fields = ["text", "source_mention", "source__name", "article__title"]
    date_hierarchy = "created_at"
    list_select_related = ["article", "source"]
    autocomplete_fields = ["source"]
    raw_id_fields = ["article"]
    readonly_fields = ["verdict_counts", "created_by", "created_at", "updated_by", "updated_at"]
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

    def save_model(self, request, obj, form, change):
        if change:
            obj.updated_by = request.user
            super().save_model(request, obj, form, change)
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
        _carry_on_with(obj, claim, ["text", "position"])


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "key", "claim_count"]
    list_filter = ["kind"]
    search_fields = ["name", "key", "aliases"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_claims=Count("claims"))

    @admin.display(description="claims", ordering="n_claims")
    def claim_count(self, obj):
        return obj.n_claims
