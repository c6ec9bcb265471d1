from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, Source
from seeds.services import SEEDS_DIR, demo_accounts_ensure, seeds_load

pytestmark = pytest.mark.django_db


def test_seeds_load_stores_the_four_seed_articles_with_claims():
    results = seeds_load()
    assert len(results) == 4
    assert all(r.created for r in results)
    for article in Article.objects.all():
        assert article.claims.count() >= 5, article.title
        assert article.body == (SEEDS_DIR / _file_for(article)).read_text(encoding="utf-8")


def _file_for(article):
    return next(p.name for p in Path(SEEDS_DIR).glob("*.txt") if p.read_text(encoding="utf-8") == article.body)


def test_seeds_load_twice_changes_nothing():
    seeds_load()
    counts = (Article.objects.count(), Claim.objects.count(), Source.objects.count())
    second = seeds_load()
    assert not any(r.created for r in second)
    assert (Article.objects.count(), Claim.objects.count(), Source.objects.count()) == counts


def test_demo_accounts_are_created_once_with_passwords_kept_in_var(settings, tmp_path):
    settings.BASE_DIR = tmp_path
    first = demo_accounts_ensure()
    assert {a.username for a in first} == {"admin", "annotator1", "annotator2", "reviewer"}
    assert all(a.created for a in first)
    stored = (tmp_path / "var" / "demo_accounts.txt").read_text()
    User = get_user_model()
    for account in first:
        assert f"{account.username} {account.password}" in stored
        assert User.objects.get(username=account.username).check_password(account.password)
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="annotator1").groups.filter(name="annotator").exists()

    second = demo_accounts_ensure()
    assert not any(a.created for a in second)
    assert [a.password for a in second] == [a.password for a in first]
