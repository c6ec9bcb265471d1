"""Hostile text in every field a person can type reaches every page escaped, never as markup."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from annotations.models import Adjudication, Verdict
from claims.models import ClaimStatus
from matching.models import MatchStatus
from tests.annotations.factories import AnnotationFactory
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory
from tests.factories import UserFactory
from tests.matching.factories import ClaimMatchFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{SCRIPT} {IMG}"
RAW = [SCRIPT, IMG, "<img src=x"]


def _hostile_world(reviewer):
    body = f"{HOSTILE}\nThe spokesman {HOSTILE} said {HOSTILE} was true.\nAnd {HOSTILE} said it again."
    article = ArticleFactory(title=HOSTILE, body=body, publisher=HOSTILE, url=f"https://example.org/?q={IMG}")
    source = SourceFactory(name=HOSTILE, key="hostile")
    first_line = body.index("\n") + 1
    start = body.index(HOSTILE, first_line + 15)
    claim = ClaimFactory(
        article=article, start=start, end=start + len(HOSTILE), source=source, source_mention=HOSTILE, cue=IMG
    )
    second_start = body.rindex(HOSTILE)
    other = ClaimFactory(article=ArticleFactory(title=f"Other {HOSTILE}"), source=source)
    twin = ClaimFactory(
        article=article, start=second_start, end=second_start + len(HOSTILE), source=source, source_mention=HOSTILE
    )
    annotators = []
    for name in (SCRIPT, IMG):
        user = UserFactory(username=name)
        user.groups.add(Group.objects.get(name="annotator"))
        annotators.append(user)
    for user, verdict in zip(annotators, (Verdict.VERIFIED, Verdict.DISPUTED), strict=True):
        AnnotationFactory(
            claim=claim, annotator=user, verdict=verdict, note=HOSTILE, evidence_url=f"https://e.org/{IMG}"
        )
        AnnotationFactory(claim=twin, annotator=user, verdict=Verdict.VERIFIED, note=HOSTILE, seconds_spent=3)
    claim.label_count, claim.status = 2, ClaimStatus.CONFLICTING
    claim.save()
    Adjudication.objects.create(claim=other, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale=HOSTILE)
    other.status, other.consensus_verdict = ClaimStatus.ADJUDICATED, Verdict.DISPUTED
    other.save()
    twin.label_count, twin.status, twin.consensus_verdict = 2, ClaimStatus.AGREED, Verdict.VERIFIED
    twin.save()
    ClaimMatchFactory(claim=claim, other=other, status=MatchStatus.SUGGESTED)
    ClaimMatchFactory(claim=other, other=twin, status=MatchStatus.CONFIRMED)
    return article, claim, other, annotators


def _assert_escaped(page: str, url: str) -> None:
    for raw in RAW:
        assert raw not in page, f"{raw!r} unescaped on {url}"


def test_every_page_escapes_hostile_text(client, reviewer, annotator):
    article, claim, other, _ = _hostile_world(reviewer)
    reviewer_pages = [
        reverse("home"),
        f"{reverse('review')}?claim={claim.pk}",
        f"{reverse('review')}?claim={other.pk}",
        reverse("article_list"),
        reverse("article_detail", args=[article.pk]),
        reverse("claim_detail", args=[claim.pk]),
        reverse("claim_detail", args=[other.pk]),
        reverse("adjudicate"),
        reverse("dashboard"),
        reverse("cluster_list"),
    ]
    client.force_login(reviewer)
    for url in reviewer_pages:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        _assert_escaped(page, url)
    adjudicate = client.get(reverse("adjudicate")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in adjudicate  # the hostile claim is the one shown
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "&lt;script&gt;" in dashboard  # in the charts' texts and the tables
    clusters = client.get(reverse("cluster_list")).content.decode()
    assert "&lt;script&gt;" in clusters

    client.force_login(annotator)
    for url in reviewer_pages[:7]:
        page = client.get(url).content.decode()
        _assert_escaped(page, url)


def test_a_hostile_rationale_and_note_sent_through_the_forms_come_back_escaped(client, reviewer, annotator):
    _, claim, _, _ = _hostile_world(reviewer)
    client.force_login(reviewer)
    response = client.post(
        reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": "verified", "rationale": HOSTILE}, follow=True
    )
    _assert_escaped(response.content.decode(), "adjudicate (after submit)")
    page = client.get(reverse("claim_detail", args=[claim.pk])).content.decode()
    _assert_escaped(page, "claim page")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    bad = client.post(
        reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": IMG, "rationale": HOSTILE, "origin": "claim"}
    )
    _assert_escaped(bad.content.decode(), "claim page with errors")
