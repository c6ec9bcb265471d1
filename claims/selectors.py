"""Reads for articles, sources and claims, with their joins, so no view or serializer queries per row."""

from __future__ import annotations

from django.db.models import QuerySet

from claims.models import Article, Claim


def article_claims(*, article: Article) -> QuerySet[Claim]:
    return Claim.objects.filter(article=article).select_related("source").order_by("position", "start")
