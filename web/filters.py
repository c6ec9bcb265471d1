"""Query-string filters for the claims, articles and sources API, and for the exports (the same claim filters).

A value that does not parse or names nothing (an unknown article id, a verdict we do not have) is a 400 with the
parameter's message, never an empty list or a 500; so is a parameter we do not have (`?statsu=`), which was
silently ignored and returned everything.

`updated_after` (exclusive) and `updated_before` (inclusive) make windows that tile: a client that syncs with
`updated_after=<the as_of of its last sync>` gets exactly what changed since.
"""

from collections.abc import Iterable, Mapping

import django_filters
from django import forms
from django.db.models import QuerySet
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from annotations import blind
from annotations.models import Verdict
from claims.models import Article, Claim, ClaimStatus, Source, SourceKind
from claims.validators import validate_storable_datetime
from matching.selectors import claims_in_cluster


class StorableIsoDateTimeField(IsoDateTimeField):
    default_validators = [validate_storable_datetime]


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    """ISO 8601 date-time whose offset and range every database accepts (else a 400, not a database error)."""

    field_class = StorableIsoDateTimeField


def updated_filters(what: str) -> tuple[DateTimeFilter, DateTimeFilter]:
    return (
        DateTimeFilter(
            field_name="updated_at", lookup_expr="gt", help_text=f"{what} changed after this moment (ISO 8601)."
        ),
        DateTimeFilter(
            field_name="updated_at", lookup_expr="lte", help_text=f"{what} last changed at or before (ISO 8601)."
        ),
    )


CLAIM_CHANGES = "Claim (its text, source, flags, labels or adjudication)"
ALWAYS_ALLOWED = frozenset({"format"})  # DRF's ?format=json


def refuse_unknown_parameters(params: Mapping[str, object], allowed: Iterable[str]) -> None:
    """A 400 naming every query parameter that is not in `allowed`, with the ones that are."""
    allowed = set(allowed) | ALWAYS_ALLOWED
    unknown = sorted(name for name in params if name not in allowed)
    if unknown:
        message = f"Unknown query parameter. The parameters here are: {', '.join(sorted(allowed - ALWAYS_ALLOWED))}."
        raise ValidationError({name: [message] for name in unknown})


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter's backend, with unknown query parameters refused (the view's pagination ones are known, and
    any the view lists in `extra_query_parameters`)."""

    def filter_queryset(self, request, queryset, view):
        allowed = set(getattr(view, "extra_query_parameters", ()))
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        paginator = getattr(view, "paginator", None)
        for attribute in ("cursor_query_param", "page_size_query_param", "page_query_param"):
            name = getattr(paginator, attribute, None)
            if name:
                allowed.add(name)
        refuse_unknown_parameters(request.query_params, allowed)
        return super().filter_queryset(request, queryset, view)


MAX_ID = 2**63 - 1


class IdFilter(django_filters.NumberFilter):
    """A whole number from 1 to the largest id a database stores: 1.5 or 1e30 is a 400, never a 500."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class ClaimFilter(django_filters.FilterSet):
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all(), help_text="Article id.")
    source = django_filters.ModelChoiceFilter(queryset=Source.objects.all(), help_text="Source id.")
    verdict = django_filters.ChoiceFilter(
        field_name="consensus_verdict",
        choices=Verdict.choices,
        method="filter_blind",
        help_text="The consensus verdict (adjudicated, else unanimous once a claim has all its labels).",
    )
    status = django_filters.ChoiceFilter(
        choices=ClaimStatus.choices,
        method="filter_blind",
        help_text="Where the claim is in labelling. Annotators: verdict and status reach only claims they labelled.",
    )
    flagged = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")], method="filter_flagged", help_text="Flagged as not a claim."
    )
    created_after = DateTimeFilter(
        field_name="created_at", lookup_expr="gte", help_text="Claim stored at or after (ISO 8601)."
    )
    created_before = DateTimeFilter(
        field_name="created_at", lookup_expr="lt", help_text="Claim stored before (ISO 8601)."
    )
    published_after = DateTimeFilter(
        field_name="article__published_at", lookup_expr="gte", help_text="Article published at or after (ISO 8601)."
    )
    published_before = DateTimeFilter(
        field_name="article__published_at", lookup_expr="lt", help_text="Article published before (ISO 8601)."
    )
    updated_after, updated_before = updated_filters(CLAIM_CHANGES)
    search = django_filters.CharFilter(
        field_name="text", lookup_expr="icontains", max_length=200, help_text="Words in the claim text."
    )
    cluster = IdFilter(method="filter_cluster", help_text="Claims of one cluster of confirmed matches (its id).")
    publisher = django_filters.CharFilter(
        field_name="article__publisher", max_length=200, help_text="The article's publisher, exactly."
    )
    source_name = django_filters.CharFilter(
        field_name="source__name", lookup_expr="icontains", max_length=200, help_text="Words in the source's name."
    )
    label_count = IdFilter(
        field_name="label_count",
        method="filter_blind",
        min_value=0,
        max_value=1000,
        help_text="Claims with this many labels. Annotators: only among claims they labelled.",
    )
    extraction_rule = django_filters.CharFilter(
        max_length=60, help_text="The id of the extraction rule that made the claim."
    )

    class Meta:
        model = Claim
        fields = []

    def filter_cluster(self, queryset: QuerySet[Claim], name: str, value: int) -> QuerySet[Claim]:
        return queryset.filter(pk__in=claims_in_cluster(cluster_id=int(value)).values("pk"))

    def filter_flagged(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(is_flagged_not_claim=value == "true")

    def filter_blind(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Blind labelling: a plain annotator filters by verdict or status only among claims they labelled."""
        return blind.claims_with_consensus_visible(self.request.user, queryset.filter(**{name: value}))


class ArticleFilter(django_filters.FilterSet):
    publisher = django_filters.CharFilter(max_length=200, help_text="The publisher's name, exactly.")
    published_after = DateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="Published at or after (ISO 8601)."
    )
    published_before = DateTimeFilter(
        field_name="published_at", lookup_expr="lt", help_text="Published before (ISO 8601)."
    )
    updated_after, updated_before = updated_filters("Article")
    search = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", max_length=200, help_text="Words in the title."
    )

    class Meta:
        model = Article
        fields = []


class SourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices, help_text="What sort of source.")
    search = django_filters.CharFilter(
        field_name="name", lookup_expr="icontains", max_length=200, help_text="Words in the name."
    )

    class Meta:
        model = Source
        fields = []
