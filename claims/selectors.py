"""Reads for articles, sources and claims, with their joins, so no view or serializer queries per row."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from claims.models import Article, Claim, ClaimOrigin, Source


def article_claims(*, article: Article) -> QuerySet[Claim]:
    return Claim.objects.filter(article=article).select_related("source").order_by("position", "start")


def article_list_for(*, user, q: str = "", publisher: str = "") -> QuerySet[Article]:
    """Articles matching a search, each with its claim count, the claims this user labelled and the complete ones.

    Counts are subqueries rather than joined Count()s, so they neither multiply each other nor grow the page's
    query count with the number of articles.
    """

    def count_of(claims: QuerySet[Claim]):
        counted = claims.order_by().values("article_id").annotate(n=Count("id")).values("n")
        return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))

    claims = Claim.objects.filter(article=OuterRef("pk"), is_flagged_not_claim=False)
    articles = Article.objects.annotate(
        n_claims=count_of(claims),
        n_mine=count_of(claims.filter(annotations__annotator=user)),
        n_complete=count_of(claims.filter(label_count__gte=settings.LABELS_PER_CLAIM)),
    )
    q = (q or "").strip()
    if q:
        articles = articles.filter(Q(title__icontains=q) | Q(body__icontains=q))
    if publisher:
        articles = articles.filter(publisher=publisher)
    return articles.defer("body").order_by("-published_at", "-created_at", "-id")


def article_publishers() -> list[str]:
    return list(
        Article.objects.exclude(publisher="").order_by("publisher").values_list("publisher", flat=True).distinct()
    )


def article_sources(*, article: Article):
    """The sources this article's claims are attributed to: the likeliest choices when fixing a claim's source."""

    return Source.objects.filter(claims__article=article).distinct().order_by("name")


def article_list_with_claim_counts() -> QuerySet[Article]:
    """Articles for the API list, newest first, each with its number of claims; the body is left out."""

    return Article.objects.defer("body").annotate(claim_count=Count("claims")).order_by("-created_at", "-id")


def source_list_with_verdict_counts() -> QuerySet:
    """Sources, each with its number of claims and of claims per consensus verdict (one grouped query)."""

    verdicts = ("verified", "disputed", "unverified")
    return Source.objects.annotate(
        claim_count=Count("claims"),
        **{f"{verdict}_count": Count("claims", filter=Q(claims__consensus_verdict=verdict)) for verdict in verdicts},
    ).order_by("name", "id")


@dataclass(frozen=True)
class RuleFeedback:
    """How reviewers judged the claims one extraction rule made: the rules to fix next come from these shares."""

    rule: str
    claims: int
    flagged: int  # flagged as not a claim
    edited: int  # changed by a person (source, span, cue...) and not flagged

    @property
    def flagged_share(self) -> float:
        return self.flagged / self.claims if self.claims else 0.0

    @property
    def edited_share(self) -> float:
        return self.edited / self.claims if self.claims else 0.0


def extraction_rule_report() -> list[RuleFeedback]:
    """Per extraction rule, its extracted claims and how many reviewers flagged or fixed; worst share first.
    One grouped query over the indexed rule column."""
    rows = (
        Claim.objects.filter(origin=ClaimOrigin.EXTRACTED)
        .order_by()
        .values("extraction_rule")
        .annotate(
            n=Count("id"),
            n_flagged=Count("id", filter=Q(is_flagged_not_claim=True)),
            n_edited=Count("id", filter=Q(is_flagged_not_claim=False, updated_by__isnull=False)),
        )
    )
    report = [
        RuleFeedback(
            rule=row["extraction_rule"] or "(before rule ids)",
            claims=row["n"],
            flagged=row["n_flagged"],
            edited=row["n_edited"],
        )
        for row in rows
    ]
    return sorted(report, key=lambda r: (-(r.flagged + r.edited) / r.claims, -r.claims, r.rule))
