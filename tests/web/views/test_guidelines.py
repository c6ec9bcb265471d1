from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Guidelines
from annotations.services import annotation_submit
from tests.claims.factories import claims_in_one_article

pytestmark = pytest.mark.django_db
UNPROCESSABLE = 422


def test_guidelines_start_with_the_verdict_definitions(annotator_client):
    response = annotator_client.get(reverse("guidelines"))
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "<strong>Verified</strong>" in page
    assert "Edit the guidelines" not in page


def test_reviewer_edits_guidelines_and_the_old_version_stays_in_history(reviewer_client):
    reviewer_client.post(reverse("guidelines_edit"), {"text": "# First\n\nOld words"})
    response = reviewer_client.post(reverse("guidelines_edit"), {"text": "# Second\n\n**Verified** means checked"})
    assert response.status_code == HTTPStatus.FOUND
    page = reviewer_client.get(reverse("guidelines")).content.decode()
    assert "<h1>Second</h1>" in page
    assert "Old words" in page  # earlier versions, for reviewers
    assert Guidelines.history.count() == 2


def test_stored_script_in_guidelines_is_shown_as_text_to_annotators(reviewer_client, annotator):
    evil = '<script>alert("x")</script>\n\n[link](javascript:alert(1))\n\n<img src=x onerror=alert(1)>'
    assert reviewer_client.post(reverse("guidelines_edit"), {"text": evil}).status_code == HTTPStatus.FOUND
    reader = Client()
    reader.force_login(annotator)
    for name in ("guidelines", "review"):
        page = reader.get(reverse(name)).content.decode()
        assert "&lt;script&gt;alert(" in page
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert 'href="javascript' not in page


def test_empty_guidelines_are_a_form_error(reviewer_client):
    response = reviewer_client.post(reverse("guidelines_edit"), {"text": "  "})
    assert response.status_code == UNPROCESSABLE
    assert 'class="field-error"' in response.content.decode()
    assert not Guidelines.objects.exists()


def test_review_page_opens_the_guidelines_for_a_new_annotator_only(annotator_client, annotator):
    claims = claims_in_one_article(2)
    page = annotator_client.get(reverse("review")).content.decode()
    assert '<details class="guidelines-panel" id="guidelines-panel" open>' in page
    annotation_submit(claim=claims[0], annotator=annotator, verdict="verified")
    page = annotator_client.get(reverse("review")).content.decode()
    assert '<details class="guidelines-panel" id="guidelines-panel">' in page
