from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from claims.models import Article, Claim, Source
from claims.services import article_ingest, article_validate_input, articles_delete, content_sha256, source_merge


def carry_on_with(obj, stored, fields: list[str]) -> None:
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
        carry_on_with(obj, result.article, ["content_sha256", "created_at"])

    # Deleting an article deletes its claims: the service tells the webhooks (claim.deleted).
    def delete_model(self, request, obj):
        articles_delete(articles=[obj], user=request.user)

    def delete_queryset(self, request, queryset):
        articles_delete(articles=list(queryset), user=request.user)


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

    actions = ["merge"]

    @admin.action(description="Merge the selected sources into the one with most claims")
    def merge(self, request, queryset) -> None:
        # A source with claims cannot be deleted (its claims would lose their speaker); merging keeps them.
        sources = sorted(queryset, key=lambda source: (-source.n_claims, source.pk))
        if len(sources) < 2:
            self.message_user(request, "Select two or more sources to merge.", messages.WARNING)
            return
        into = source_merge(sources=sources[1:], into=sources[0], user=request.user)
        self.message_user(request, f"Merged {len(sources) - 1} source(s) into “{into.name}”.", messages.SUCCESS)
