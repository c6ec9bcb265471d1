"""Blind labelling (annotations.blind), proved by walking every GET page and API endpoint as an annotator over
claims in every state: no other annotator's name, verdict or note shows anywhere, settled claims refuse labels."""

import re
from http import HTTPStatus

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from annotations.models import Verdict
from annotations.services import annotation_submit, claim_adjudicate
from claims.models import Claim
from tests.claims.factories import claims_in_one_article
from tests.factories import UserFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db

OTHER_NAME = "zelda-other-annotator"
OTHER_NOTE = "zelda-secret-reasoning"
RATIONALE = "zelda-secret-rationale"
SKIPPED = ("admin/", "static/", "accounts/", "api/schema", "api/docs", "logout")


def _walk(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry, route)
        elif isinstance(entry, URLPattern):
            yield route


@pytest.fixture
def world(annotator, reviewer, settings):
    """Claims in every state, the other annotator's labels on them carrying a name and a note to look for."""
    settings.LABELS_PER_CLAIM = 2
    other = UserFactory(username=OTHER_NAME)
    other.groups.add(*annotator.groups.all())
    claims = claims_in_one_article(7)
    unlabelled, in_progress, agreed, conflicting, settled_bare, settled_labelled, mine_only = claims
    for claim, verdict in [(in_progress, "disputed"), (agreed, "verified"), (conflicting, "unverified")]:
        annotation_submit(claim=claim, annotator=other, verdict=verdict, note=OTHER_NOTE)
    annotation_submit(claim=settled_labelled, annotator=other, verdict="unverified", note=OTHER_NOTE)
    annotation_submit(claim=agreed, annotator=annotator, verdict="verified")
    annotation_submit(claim=conflicting, annotator=annotator, verdict="disputed")
    annotation_submit(claim=mine_only, annotator=annotator, verdict="disputed")
    claim_adjudicate(claim=settled_bare, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale=RATIONALE)
    claim_adjudicate(claim=settled_labelled, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale=RATIONALE)
    ClaimMatchFactory(claim=unlabelled, other=in_progress)
    return {"claims": claims, "other": other, "article": unlabelled.article}


def _urls(world) -> list[str]:
    """Every GET route of the site and the API, filled in with each claim (or the article) for its id."""
    claims, article = world["claims"], world["article"]
    urls = []
    for route in _walk(get_resolver()):
        if route.startswith(SKIPPED) or "[" in route or "^" in route:
            continue
        if "<int:pk>" not in route:
            urls.append("/" + route)
            continue
        ids = [article.pk] if "articles" in route else [c.pk for c in claims]
        urls += ["/" + route.replace("<int:pk>", str(pk)) for pk in ids]
    urls += [f"{reverse('review')}?claim={c.pk}" for c in claims]
    urls += [f"{reverse('api:claim-list')}?verdict={v}" for v in Verdict.values]
    urls += [f"{reverse('api:annotation-list')}?claim={c.pk}" for c in claims]
    return urls


def test_no_page_or_endpoint_shows_an_annotator_another_annotators_name_verdict_or_note(world, annotator):
    web, api = APIClient(), APIClient()
    web.force_login(annotator)
    api.force_authenticate(annotator)
    seen = 0
    for url in _urls(world):
        client = api if url.startswith("/api/") else web
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != HTTPStatus.OK:
            continue
        seen += 1
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        for secret in (OTHER_NAME, OTHER_NOTE, RATIONALE):
            assert secret not in text, f"{secret} leaks at {url}"
    assert seen > 20  # the walk reached the pages, not only refusals


def test_the_api_shows_an_annotator_consensus_only_on_claims_they_labelled(world, annotator):
    api = APIClient()
    api.force_authenticate(annotator)
    mine = set(Claim.objects.filter(annotations__annotator=annotator).values_list("pk", flat=True))
    rows = api.get(reverse("api:claim-list"), {"page_size": 100}).json()["results"]
    assert len(rows) == 7
    for row in rows:
        hidden = (row["status"], row["verdict"], row["label_count"]) == (None, None, None)
        assert hidden == (row["id"] not in mine), row
        assert all(label["annotator"] == annotator.username for label in row["annotations"])


@pytest.mark.parametrize("state", ["settled_bare", "settled_labelled", "agreed", "conflicting"])
def test_settled_or_complete_claims_refuse_an_annotators_label_and_say_why(world, annotator, state):
    claim = dict(
        zip(
            ["unlabelled", "in_progress", "agreed", "conflicting", "settled_bare", "settled_labelled"],
            world["claims"],
            strict=False,
        )
    )[state]
    api = APIClient()
    api.force_authenticate(annotator)
    response = api.post(reverse("api:annotation-list"), {"claim": claim.pk, "verdict": "unverified"}, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert re.search(r"settled|locked", response.json()["claim"][0])

    web = APIClient()
    web.force_login(annotator)
    page = web.get(reverse("review"), {"claim": claim.pk}).content.decode()
    assert 'class="verdicts" disabled' in page
    assert 'id="lock-reason"' in page
    assert "Choose again to change it" not in page
