import pytest
from django.db import IntegrityError

from claims.models import Claim
from tests.claims.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_claim_factory_offsets_index_into_article_body():
    claim = ClaimFactory()
    assert claim.article.body[claim.start : claim.end] == claim.text


def test_database_refuses_claim_ending_before_it_starts():
    article = ArticleFactory()
    with pytest.raises(IntegrityError):
        Claim.objects.create(article=article, text="x", start=10, end=5)


def test_database_refuses_same_span_twice_in_one_article():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError):
        Claim.objects.create(article=claim.article, text=claim.text, start=claim.start, end=claim.end)


def test_database_refuses_two_articles_with_one_url():
    ArticleFactory(url="https://news.example/a")
    with pytest.raises(IntegrityError):
        ArticleFactory(url="https://news.example/a")


def test_many_articles_may_have_no_url():
    ArticleFactory(url="")
    ArticleFactory(url="")
