from http import HTTPStatus

import pytest
from django.contrib import admin
from django.urls import reverse
from rest_framework.authtoken.models import Token

from annotations.models import Verdict
from annotations.services import claim_adjudicate, review_next_claim, review_skip
from claims.models import Article
from matching.models import ClaimMatch, MatchStatus
from tests.annotations.factories import AnnotationFactory
from tests.claims.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_data(client, admin_user):
    annotation = AnnotationFactory(annotator=admin_user)
    claim_adjudicate(claim=annotation.claim, reviewer=admin_user, verdict=Verdict.DISPUTED, rationale="Checked.")
    review_next_claim(annotator=admin_user)  # a reservation
    review_skip(annotator=admin_user, claim=ClaimFactory())
    ClaimMatch.objects.create(claim=annotation.claim, other=ClaimFactory(), score=0.8, status=MatchStatus.SUGGESTED)
    Token.objects.create(user=admin_user)
    client.force_login(admin_user)
    return client, annotation


def test_every_admin_changelist_add_form_and_change_form_loads(admin_client_with_data, rf, admin_user):
    client, _ = admin_client_with_data
    request = rf.get("/admin/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(changelist).status_code == HTTPStatus.OK, changelist
        assert client.get(changelist, {"q": "<script>"}).status_code == HTTPStatus.OK, changelist
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        # Some admins (login attempts, token proxies) deliberately offer no add form: then it must refuse cleanly.
        expected = HTTPStatus.OK if model_admin.has_add_permission(request) else HTTPStatus.FORBIDDEN
        assert client.get(add).status_code == expected, add
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


def test_admin_pages_escape_html_in_stored_text(client, admin_user):
    payload = "<script>alert(1)</script>"
    claim = ClaimFactory(article=ArticleFactory(title=payload, publisher=payload))
    annotation = AnnotationFactory(claim=claim, annotator=admin_user, note=payload)
    client.force_login(admin_user)
    pages = [
        reverse("admin:claims_article_changelist"),
        reverse("admin:claims_article_change", args=[claim.article.pk]),
        reverse("admin:claims_claim_change", args=[claim.pk]),
        reverse("admin:annotations_annotation_change", args=[annotation.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert payload not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_deleting_a_source_with_claims_is_refused_and_merging_keeps_its_claims(client, admin_user):
    from claims.models import Source
    from tests.claims.factories import SourceFactory

    keep, duplicate = SourceFactory(name="Dmitry Peskov"), SourceFactory(name="Mr Peskov")
    ClaimFactory(source=keep)
    ClaimFactory(source=keep)
    moved = ClaimFactory(source=duplicate)
    client.force_login(admin_user)
    page = client.post(reverse("admin:claims_source_delete", args=[duplicate.pk]), {"post": "yes"})
    assert page.status_code == HTTPStatus.OK  # the "cannot delete: protected claims" page, naming the claim
    assert "Cannot delete source" in page.content.decode()
    assert str(moved) in page.content.decode()
    assert Source.objects.filter(pk=duplicate.pk).exists()

    response = client.post(
        reverse("admin:claims_source_changelist"),
        {"action": "merge", "_selected_action": [keep.pk, duplicate.pk]},
    )
    assert response.status_code == HTTPStatus.FOUND
    moved.refresh_from_db()
    assert moved.source_id == keep.pk
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert "Mr Peskov" in keep.aliases
    change = moved.history.order_by("-history_date").first()
    assert (change.source_id, change.history_user_id) == (keep.pk, admin_user.pk)


def test_the_article_list_offers_no_source_merge(client, admin_user):
    first, second = ArticleFactory(), ArticleFactory()
    client.force_login(admin_user)
    page = client.get(reverse("admin:claims_article_changelist"))
    assert page.status_code == HTTPStatus.OK
    assert 'value="merge"' not in page.content.decode()
    response = client.post(
        reverse("admin:claims_article_changelist"), {"action": "merge", "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == HTTPStatus.FOUND  # back to the list, "No action selected"
    assert Article.objects.count() == 2
