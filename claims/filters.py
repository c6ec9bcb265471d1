"""Query-string filters for the claims, articles and sources API, and for the exports (the same claim filters).

A value that does not parse or names nothing (an unknown article id, a verdict we do not have) is a 400 with the
parameter's message, never an empty list or a 500.
"""

import django_filters
from django.db.models import Exists, OuterRef, QuerySet
from django_filters.fields import IsoDateTimeField

from annotations.models import Annotation, Verdict
from annotations.roles import is_reviewer
from claims.models import Article, Claim, ClaimStatus, Source, SourceKind
from claims.validators import validate_storable_datetime
from matching.selectors import claims_in_cluster


class StorableIsoDateTimeField(IsoDateTimeField):
    default_validators = [validate_storable_datetime]


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    """ISO 8601 date-time whose offset and range every database accepts (else a 400, not a database error)."""

    field_class = StorableIsoDateTimeField


class ClaimFilter(django_filters.FilterSet):
    article = django_filters.ModelChoiceFilter(queryset=Article.objects.all(), help_text="Article id.")
    source = django_filters.ModelChoiceFilter(queryset=Source.objects.all(), help_text="Source id.")
    verdict = django_filters.ChoiceFilter(
        field_name="consensus_verdict",
        choices=Verdict.choices,
        method="filter_blind",
        help_text="The consensus verdict (adjudicated, else unanimous once a claim has all its labels).",
    )
    status = django_filters.ChoiceFilter(choices=ClaimStatus.choices, method="filter_blind")
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
    search = django_filters.CharFilter(
        field_name="text", lookup_expr="icontains", max_length=200, help_text="Words in the claim text."
    )
    cluster = django_filters.NumberFilter(
        method="filter_cluster", min_value=1, help_text="Claims of one cluster of confirmed matches (its id)."
    )

    class Meta:
        model = Claim
        fields = []

    def filter_cluster(self, queryset: QuerySet[Claim], name: str, value) -> QuerySet[Claim]:
        return queryset.filter(pk__in=claims_in_cluster(cluster_id=int(value)).values("pk"))

    def filter_flagged(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        return queryset.filter(is_flagged_not_claim=value == "true")

    def filter_blind(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Blind labelling: a plain annotator filters by verdict or status only among claims they labelled."""
        queryset = queryset.filter(**{name: value})
        user = getattr(self.request, "user", None)
        if user is not None and not is_reviewer(user):
            queryset = queryset.filter(Exists(Annotation.objects.filter(claim=OuterRef("pk"), annotator=user)))
        return queryset


class ArticleFilter(django_filters.FilterSet):
    publisher = django_filters.CharFilter(max_length=200)
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")
    search = django_filters.CharFilter(field_name="title", lookup_expr="icontains", max_length=200)

    class Meta:
        model = Article
        fields = []


class SourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    search = django_filters.CharFilter(field_name="name", lookup_expr="icontains", max_length=200)

    class Meta:
        model = Source
        fields = []
