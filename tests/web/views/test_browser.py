import json
from http import HTTPStatus

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.urls import reverse

from annotations.models import Adjudication, Verdict
from annotations.services import annotation_submit
from claims.models import Claim, ClaimStatus
from tests.claims.factories import ClaimFactory, SourceFactory, claims_in_one_article
from tests.factories import UserFactory
from web.views import browser

pytestmark = pytest.mark.django_db


def _conflict(claim, first, second):
    annotation_submit(claim=claim, annotator=first, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second, verdict=Verdict.DISPUTED)


def _row_ids(response) -> list[int]:
    return [row.pk for row in response.context["rows"]]


def test_claim_browser_filters_conflicting_claims_of_one_source(reviewer_client, annotator, second_annotator):
    claims = claims_in_one_article(4)
    peskov = SourceFactory(name="Dmitry Peskov")
    Claim.objects.filter(pk__in=[claims[0].pk, claims[1].pk, claims[2].pk]).update(source=peskov)
    for claim in claims[:2] + claims[3:]:
        _conflict(claim, annotator, second_annotator)
    response = reviewer_client.get(reverse("claim_browser"), {"status": "conflicting", "source_name": "peskov"})
    assert response.status_code == HTTPStatus.OK
    assert _row_ids(response) == [claims[1].pk, claims[0].pk]  # newest first
    page = response.content.decode()
    assert "Claim number 1" in page
    assert "Claim number 2" not in page
    # The same filters go to the exports, which hold the same claims.
    export = f"{reverse('api:export-claims-jsonl')}?status=conflicting&source_name=peskov"
    assert f'href="{export.replace("&", "&amp;")}"' in page
    lines = b"".join(reviewer_client.get(export).streaming_content).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines[:-1]] == [claims[0].pk, claims[1].pk]


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ({"publisher": "Kyiv Daily"}, "kyiv"),
        ({"extraction_rule": "cue-verb-that"}, "rule"),
        ({"label_count": "1"}, "one label"),
    ],
)
def test_every_browser_filter_reaches_the_exports(reviewer_client, annotator, query, wanted):
    claims = {
        "kyiv": ClaimFactory(article__publisher="Kyiv Daily"),
        "rule": ClaimFactory(extraction_rule="cue-verb-that"),
        "one label": ClaimFactory(),
        "other": ClaimFactory(),
    }
    annotation_submit(claim=claims["one label"], annotator=annotator, verdict=Verdict.VERIFIED)
    page = reviewer_client.get(reverse("claim_browser"), query)
    assert page.status_code == HTTPStatus.OK
    assert _row_ids(page) == [claims[wanted].pk]
    export = reviewer_client.get(reverse("api:export-claims-jsonl"), query)
    assert export.status_code == HTTPStatus.OK
    lines = b"".join(export.streaming_content).decode().splitlines()
    assert [json.loads(line)["id"] for line in lines[:-1]] == [claims[wanted].pk]


def test_claim_browser_export_links_carry_the_filters(reviewer_client):
    claim = ClaimFactory()
    response = reviewer_client.get(reverse("claim_browser"), {"source": claim.source_id, "flagged": "false"})
    assert response.status_code == HTTPStatus.OK
    query = f"source={claim.source_id}&amp;flagged=false"
    for name in ("api:export-claims-jsonl", "api:export-claims-csv", "api:export-claimreview-jsonl"):
        assert f'href="{reverse(name)}?{query}"' in response.content.decode()


@pytest.mark.parametrize("sort", ["newest", "oldest", "article", "fewest_labels", "most_labels"])
def test_claim_browser_keyset_pages_cover_every_claim_once_in_order(reviewer_client, annotator, monkeypatch, sort):
    claims = claims_in_one_article(7) + claims_in_one_article(6)
    for claim in claims[::3]:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    monkeypatch.setattr(browser, "PAGE_SIZE", 4)
    seen, query = [], {"sort": sort}
    for _ in range(10):
        response = reviewer_client.get(reverse("claim_browser"), query)
        assert response.status_code == HTTPStatus.OK
        seen += _row_ids(response)
        if not response.context["next_query"]:
            break
        query = QueryDict(response.context["next_query"])
    assert sorted(seen) == sorted(c.pk for c in claims)
    assert len(seen) == len(set(seen))
    rows = {c.pk: c for c in Claim.objects.all()}
    keys = {
        "newest": lambda pk: -pk,
        "oldest": lambda pk: pk,
        "article": lambda pk: (rows[pk].article_id, rows[pk].position, pk),
        "fewest_labels": lambda pk: (rows[pk].label_count, pk),
        "most_labels": lambda pk: (-rows[pk].label_count, -pk),
    }
    assert seen == sorted(seen, key=keys[sort])


@pytest.mark.parametrize(
    "query", [{"status": "nonsense"}, {"label_count": "1.5"}, {"created_after": "yesterday"}, {"source": "-3"}]
)
def test_claim_browser_bad_filter_is_a_form_error_not_a_crash(reviewer_client, query):
    ClaimFactory()
    response = reviewer_client.get(reverse("claim_browser"), query)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert 'class="field-error"' in response.content.decode()


def test_claim_browser_bulk_adjudicates_the_selection_and_keeps_the_filters(
    reviewer_client, reviewer, annotator, second_annotator
):
    claims = claims_in_one_article(4)
    for claim in claims:
        _conflict(claim, annotator, second_annotator)
    picked = [c.pk for c in claims[:3]]
    response = reviewer_client.post(
        reverse("claims_bulk"),
        {
            "claims": picked,
            "action": "adjudicate",
            "verdict": "disputed",
            "rationale": "Contradicted by the port's own log",
            "kind": "unknown",
            "query": "status=conflicting",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == f"{reverse('claim_browser')}?status=conflicting"
    adjudicated = Adjudication.objects.filter(claim__in=picked)
    assert sorted(a.claim_id for a in adjudicated) == picked
    assert {(a.verdict, a.reviewer_id) for a in adjudicated} == {("disputed", reviewer.pk)}
    assert Claim.objects.get(pk=claims[3].pk).status == ClaimStatus.CONFLICTING
    page = reviewer_client.get(response["Location"])
    assert _row_ids(page) == [claims[3].pk]
    assert "Done: adjudicate with one verdict for 3 claims." in page.content.decode()


def test_claim_browser_bulk_error_keeps_what_was_typed_and_changes_nothing(
    reviewer_client, annotator, second_annotator
):
    claims = claims_in_one_article(2)
    for claim in claims:
        _conflict(claim, annotator, second_annotator)
    response = reviewer_client.post(
        reverse("claims_bulk"),
        {"claims": [c.pk for c in claims], "action": "adjudicate", "verdict": "", "rationale": "Kept text"},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Nothing was changed" in page
    assert "Kept text</textarea>" in page
    for claim in claims:  # the selection is still ticked
        assert f'value="{claim.pk}" id="pick-{claim.pk}" checked' in page
    assert not Adjudication.objects.exists()


def test_claim_browser_bulk_needs_a_selection(reviewer_client):
    ClaimFactory()
    response = reviewer_client.post(reverse("claims_bulk"), {"action": "flag", "kind": "unknown"})
    assert response.status_code == 422
    assert "Selected claims: This field is required." in response.content.decode()
    assert not Claim.objects.filter(is_flagged_not_claim=True).exists()


def test_claims_mine_lists_my_labels_with_relabel_link_while_open(annotator_client, annotator, second_annotator):
    open_claim, full_claim, others_claim = claims_in_one_article(3)
    annotation_submit(claim=open_claim, annotator=annotator, verdict=Verdict.DISPUTED)
    _conflict(full_claim, annotator, second_annotator)
    annotation_submit(claim=others_claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    response = annotator_client.get(reverse("claims_mine"))
    assert response.status_code == HTTPStatus.OK
    assert [row["claim"].pk for row in response.context["rows"]] == [full_claim.pk, open_claim.pk]
    page = response.content.decode()
    assert f'href="{reverse("review")}?claim={open_claim.pk}">Relabel' in page
    assert f'?claim={full_claim.pk}">Relabel' not in page
    assert "locked: it has all its labels" in page
    # Blind labelling: the other annotator's verdict and the conflict are not shown.
    assert "conflicting" not in page.lower()
    assert "Claim number 2" not in page


def test_claims_mine_says_so_when_there_are_none(client):
    user = UserFactory(username="newbie")
    user.groups.add(Group.objects.get(name="annotator"))
    client.force_login(user)
    response = client.get(reverse("claims_mine"))
    assert response.status_code == HTTPStatus.OK
    assert "You have not labelled any claim yet." in response.content.decode()


def test_claim_browser_filters_by_extraction_rule(reviewer_client):
    claims = claims_in_one_article(3)
    Claim.objects.filter(pk=claims[1].pk).update(extraction_rule="colon-quote")
    response = reviewer_client.get(reverse("claim_browser"), {"extraction_rule": "colon-quote"})
    assert response.status_code == HTTPStatus.OK
    assert _row_ids(response) == [claims[1].pk]


def test_a_link_with_the_browsers_old_filter_names_opens_the_same_view(reviewer_client):
    old = {"speaker": "Peskov", "rule": "colon-quote", "sort": "oldest"}
    response = reviewer_client.get(reverse("claim_browser"), old)
    assert response.status_code == HTTPStatus.MOVED_PERMANENTLY
    assert QueryDict(response.url.partition("?")[2]).dict() == {
        "source_name": "Peskov",
        "extraction_rule": "colon-quote",
        "sort": "oldest",
    }
