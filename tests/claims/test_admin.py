from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import reverse

from claims.models import Article
from tests.annotations.factories import AnnotationFactory
from tests.claims.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_data(client, admin_user):
    annotation = AnnotationFactory(annotator=admin_user)
    client.force_login(admin_user)
    return client, annotation


def _registered_models():
    return [model for model in admin.site._registry if model._meta.app_label in {"claims", "annotations", "auth"}]


def test_every_admin_changelist_add_form_and_change_form_loads(admin_client_with_data):
    client, _ = admin_client_with_data
    for model in _registered_models():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(changelist).status_code == HTTPStatus.OK, changelist
        assert client.get(changelist, {"q": "<script>"}).status_code == HTTPStatus.OK, changelist
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        assert client.get(add).status_code == HTTPStatus.OK, add
        obj = model.objects.first()
        if obj is not None:
            change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
            assert client.get(change).status_code == HTTPStatus.OK, change


def test_claim_change_form_shows_its_verdict_counts(admin_client_with_data):
    client, annotation = admin_client_with_data
    response = client.get(reverse("admin:claims_claim_change", args=[annotation.claim.pk]))
    assert "Verified: 1 · Disputed: 0 · Unverified: 0" in response.content.decode()


def test_adding_an_article_in_the_admin_extracts_its_claims(client, admin_user):
    client.force_login(admin_user)
    body = "Dam holds\n“The dam is safe,” the regional governor said on Sunday.\n"
    response = client.post(reverse("admin:claims_article_add"), {"title": "Dam holds", "body": body, "language": "en"})
    assert response.status_code == HTTPStatus.FOUND
    article = Article.objects.get()
    assert article.created_by == admin_user
    assert article.claims.filter(text__contains="The dam is safe").exists()


def test_admin_refuses_an_article_whose_text_is_already_stored(client, admin_user):
    existing = ClaimFactory().article
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:claims_article_add"), {"title": "Copy", "body": existing.body, "language": "en"}
    )
    assert response.status_code == HTTPStatus.OK
    assert f"already article #{existing.pk}" in response.content.decode()
    assert Article.objects.count() == 1


def test_admin_adds_a_claim_only_at_offsets_inside_the_article(client, admin_user):
    article = ClaimFactory().article
    client.force_login(admin_user)
    url = reverse("admin:claims_claim_add")
    bad = client.post(url, {"article": article.pk, "start": 5, "end": 99999, "cue": ""})
    assert bad.status_code == HTTPStatus.OK
    assert "does not lie inside the article text" in bad.content.decode()
    good = client.post(url, {"article": article.pk, "start": 0, "end": 8, "cue": ""})
    assert good.status_code == HTTPStatus.FOUND
    assert article.claims.filter(start=0, end=8, created_by=admin_user).exists()
