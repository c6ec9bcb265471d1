"""The review page and a label-and-next round trip, as bench/load.py drives them: status first, then a bounded
number of queries whatever the article's size (issue 14: at most 15 and 20).

Savepoint statements are not counted: they come from the transaction each test runs in. Served for real (no
ATOMIC_REQUESTS), a service's atomic() is BEGIN/COMMIT on the connection, which no query log shows.
"""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Annotation
from tests.claims.factories import claims_in_one_article

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
REVIEW_PAGE_QUERIES = 15
LABEL_AND_NEXT_QUERIES = 20


def _queries(captured) -> list[str]:
    return [q["sql"] for q in captured if not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))]


@pytest.mark.parametrize("claims", [3, 60])
def test_review_page_answers_within_the_query_budget(annotator_client, claims):
    claims_in_one_article(claims)
    with CaptureQueriesContext(connection) as captured:
        response = annotator_client.get(reverse("review"))
    assert response.status_code == HTTPStatus.OK
    assert response.context["claim"] is not None
    assert len(_queries(captured)) <= REVIEW_PAGE_QUERIES, _queries(captured)


@pytest.mark.parametrize("claims", [3, 60])
def test_label_and_next_round_trip_answers_within_the_query_budget(annotator_client, annotator, claims):
    claims_in_one_article(claims)
    first = annotator_client.get(reverse("review")).context["claim"]
    with CaptureQueriesContext(connection) as captured:
        response = annotator_client.post(reverse("review_submit"), {"claim": first.pk, "verdict": "verified"}, **HTMX)
    assert response.status_code == HTTPStatus.OK
    assert response.context["claim"] not in (None, first)  # the next claim came back in the same response
    assert Annotation.objects.filter(claim=first, annotator=annotator).exists()
    assert len(_queries(captured)) <= LABEL_AND_NEXT_QUERIES, _queries(captured)
