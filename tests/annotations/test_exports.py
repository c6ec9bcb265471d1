import csv
import io
import json
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.exports import (
    CSV_HEADER,
    claimreview,
    claimreview_chunks,
    csv_chunks,
    jsonl_chunks,
    jsonl_lines,
)
from annotations.models import Adjudication, Annotation, Verdict
from annotations.services import annotation_submit, claim_adjudicate
from claims.models import Claim, SourceKind
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory
from web.api import annotations as annotations_api

PUBLISHED = datetime(2025, 1, 2, 8, 0, tzinfo=UTC)


def _row(**changes):
    row = {
        "id": 12,
        "text": "40 drones were shot down overnight",
        "start": 31,
        "end": 65,
        "article": {
            "id": 3,
            "title": "Overnight attack",
            "url": "https://example.org/a",
            "publisher": "Example Wire",
            "published_at": PUBLISHED,
        },
        "source": {"name": "Ministry of Defence", "kind": "government"},
        "source_mention": "The ministry",
        "cue": "said",
        "quote": False,
        "annotations": [
            {"annotator": "ann", "verdict": "verified", "note": "Матч «ТВ»", "evidence_url": ""},
            {"annotator": "ann2", "verdict": "verified", "note": "", "evidence_url": "https://x.org/"},
        ],
        "verdict": "verified",
        "status": "agreed",
    }
    return {**row, **changes}


# The formatters, without the database


def test_jsonl_lines_writes_one_json_object_per_line_with_dates_in_iso_8601():
    text = jsonl_lines([_row(), _row(id=13, verdict=None, source=None)])
    lines = text.splitlines()
    assert text.endswith("\n")
    assert len(lines) == 2
    first = json.loads(lines[0])
    assert first == {**_row(), "article": {**_row()["article"], "published_at": "2025-01-02T08:00:00+00:00"}}
    assert list(first) == [
        "id", "text", "start", "end", "article", "source", "source_mention", "cue", "quote", "annotations",
        "verdict", "status",
    ]  # fmt: skip
    assert json.loads(lines[1])["verdict"] is None
    assert json.loads(lines[1])["source"] is None
    assert "Матч «ТВ»" in text  # not \u-escaped: readable and smaller


def test_jsonl_chunks_yield_utf8_bytes_per_batch():
    chunks = list(jsonl_chunks([[_row()], [_row(id=13), _row(id=14)]]))
    assert len(chunks) == 2
    assert [json.loads(line)["id"] for line in b"".join(chunks).decode("utf-8").splitlines()] == [12, 13, 14]


def test_csv_chunks_start_with_a_bom_and_a_header_and_give_one_row_per_claim():
    data = b"".join(csv_chunks([[_row(), _row(id=13, verdict=None, source=None, annotations=[])]]))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == CSV_HEADER
    assert rows[0] == {
        "id": "12",
        "text": "40 drones were shot down overnight",
        "start": "31",
        "end": "65",
        "article_id": "3",
        "article_title": "Overnight attack",
        "article_url": "https://example.org/a",
        "article_publisher": "Example Wire",
        "article_published_at": "2025-01-02T08:00:00+00:00",
        "source_name": "Ministry of Defence",
        "source_kind": "government",
        "source_mention": "The ministry",
        "cue": "said",
        "quote": "false",
        "verdict": "verified",
        "status": "agreed",
        "label_count": "2",
        "annotations": json.dumps(_row()["annotations"], ensure_ascii=False, separators=(",", ":")),
        "adjudication_verdict": "",
        "adjudication_reviewer": "",
        "adjudication_rationale": "",
        "cluster": "",
    }
    assert json.loads(rows[0]["annotations"]) == _row()["annotations"]
    assert (rows[1]["verdict"], rows[1]["source_name"], rows[1]["annotations"]) == ("", "", "[]")


def test_csv_keeps_quotes_commas_and_newlines_inside_one_cell():
    text = 'He said: "no, never",\nthen left'
    data = b"".join(csv_chunks([[_row(text=text)]])).decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(data)))["text"] == text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil")', "+1 page", "-2+3", "@SUM(A1)"])
def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_prefixed(text):
    data = b"".join(csv_chunks([[_row(text=text)]])).decode("utf-8-sig")
    assert next(csv.DictReader(io.StringIO(data)))["text"] == "'" + text


@pytest.mark.parametrize(
    ("verdict", "value", "name"),
    [("verified", 5, "Verified"), ("unverified", 3, "Unverified"), ("disputed", 1, "Disputed")],
)
def test_claimreview_maps_our_verdicts_to_a_1_to_5_rating(verdict, value, name):
    review = claimreview(
        _row(verdict=verdict, reviewed_at=datetime(2025, 2, 3, 12, tzinfo=UTC)),
        url="https://desk.example/articles/3/#claim-12",
        author_name="ClaimDesk",
        author_url="https://desk.example/",
    )
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://desk.example/articles/3/#claim-12",
        "claimReviewed": "40 drones were shot down overnight",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "headline": "Overnight attack",
                "url": "https://example.org/a",
                "publisher": {"@type": "Organization", "name": "Example Wire"},
            },
            "author": {"@type": "Organization", "name": "Ministry of Defence"},
            "datePublished": "2025-01-02",
        },
        "author": {"@type": "Organization", "name": "ClaimDesk", "url": "https://desk.example/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "datePublished": "2025-02-03",
    }


def test_claimreview_of_a_person_without_article_url_or_dates():
    row = _row(source={"name": "Dmitry Peskov", "kind": "person"}, reviewed_at=None)
    row["article"] = {**row["article"], "url": "", "publisher": "", "published_at": None}
    review = claimreview(row, url="http://x/articles/3/#claim-12", author_name="ClaimDesk")
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "headline": "Overnight attack"},
        "author": {"@type": "Person", "name": "Dmitry Peskov"},
    }
    assert review["author"] == {"@type": "Organization", "name": "ClaimDesk"}
    assert "datePublished" not in review


def test_claimreview_chunks_skip_claims_without_a_consensus_and_link_to_the_claims_page():
    batches = [[_row(id=12), _row(id=13, verdict=None)], [_row(id=14, verdict=None)]]
    data = b"".join(claimreview_chunks(batches, base_url="https://desk.example/", author_name="ClaimDesk"))
    reviews = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert [r["url"] for r in reviews] == ["https://desk.example/articles/3/#claim-12"]


# The export endpoints


def _client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def labelled(db, annotator, second_annotator, reviewer):
    """An agreed claim, an adjudicated one, one with a single label and one unlabelled, in two articles."""
    article = ArticleFactory(url="https://example.org/a", published_at=PUBLISHED)
    source = SourceFactory(name="Ministry", kind=SourceKind.GOVERNMENT, key="ministry")
    agreed = ClaimFactory(article=article, source=source)
    adjudicated = ClaimFactory(source=None, source_mention="")
    single = ClaimFactory()
    unlabelled = ClaimFactory()
    annotation_submit(claim=agreed, annotator=annotator, verdict=Verdict.VERIFIED, note="Фото «ТАСС»")
    annotation_submit(claim=agreed, annotator=second_annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=adjudicated, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=adjudicated, annotator=second_annotator, verdict=Verdict.DISPUTED)
    claim_adjudicate(claim=adjudicated, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Contradicted.")
    annotation_submit(claim=single, annotator=annotator, verdict=Verdict.UNVERIFIED)
    return {"agreed": agreed, "adjudicated": adjudicated, "single": single, "unlabelled": unlabelled}


def _expected_row(claim):
    claim = Claim.objects.select_related("article", "source").get(pk=claim.pk)
    article = claim.article
    return {
        "id": claim.pk,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "article": {
            "id": article.pk,
            "title": article.title,
            "url": article.url,
            "publisher": article.publisher,
            "published_at": article.published_at.isoformat() if article.published_at else None,
        },
        "source": {"name": claim.source.name, "kind": claim.source.kind} if claim.source else None,
        "source_mention": claim.source_mention,
        "cue": claim.cue,
        "quote": claim.is_direct_quote,
        "annotations": [
            {"annotator": a.annotator.username, "verdict": a.verdict, "note": a.note, "evidence_url": a.evidence_url}
            for a in Annotation.objects.filter(claim=claim).order_by("id")
        ],
        "verdict": claim.consensus_verdict or None,
        "status": claim.status,
        "adjudication": _expected_adjudication(claim),
        "cluster": None,
    }


def _expected_adjudication(claim):
    adjudication = Adjudication.objects.filter(claim=claim).select_related("reviewer").first()
    if adjudication is None:
        return None
    return {
        "reviewer": adjudication.reviewer.username,
        "verdict": adjudication.verdict,
        "rationale": adjudication.rationale,
        "at": adjudication.updated_at.isoformat(),
    }


def _streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def test_claims_jsonl_export_streams_every_claim_with_its_labels_and_consensus(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="claimdesk-claims-')
    assert response["Content-Disposition"].endswith('.jsonl"')
    rows = [json.loads(line) for line in _streamed(response).decode("utf-8").splitlines()]
    assert rows == [_expected_row(claim) for claim in labelled.values()]
    assert [row["verdict"] for row in rows] == ["verified", "disputed", None, None]
    assert [row["status"] for row in rows] == ["agreed", "adjudicated", "in_progress", "unlabelled"]


def test_claims_csv_export_reads_back_with_the_csv_module(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-csv"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('.csv"')
    data = _streamed(response)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 4
    for row, claim in zip(rows, labelled.values(), strict=True):
        expected = _expected_row(claim)
        assert row["id"] == str(expected["id"])
        assert row["text"] == expected["text"]
        assert row["article_url"] == expected["article"]["url"]
        assert row["source_name"] == (expected["source"] or {}).get("name", "")
        assert row["verdict"] == (expected["verdict"] or "")
        assert row["status"] == expected["status"]
        assert json.loads(row["annotations"]) == expected["annotations"]


def test_exports_take_the_claims_list_filters(reviewer, labelled):
    client = _client_for(reviewer)
    response = client.get(reverse("api:export-claims-jsonl"), {"status": "adjudicated"})
    assert [json.loads(line)["id"] for line in _streamed(response).splitlines()] == [labelled["adjudicated"].pk]
    response = client.get(reverse("api:export-claims-csv"), {"verdict": "verified"})
    rows = list(csv.DictReader(io.StringIO(_streamed(response).decode("utf-8-sig"))))
    assert [row["id"] for row in rows] == [str(labelled["agreed"].pk)]


@pytest.mark.parametrize("name", ["api:export-claims-jsonl", "api:export-claims-csv", "api:export-claimreview-jsonl"])
def test_exports_with_an_unknown_filter_value_are_400_json(reviewer, name):
    response = _client_for(reviewer).get(
        reverse(name), {"verdict": "true", "article": "999999"}, HTTP_ACCEPT="text/csv"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    assert sorted(response.json()) == ["article", "verdict"]


def test_exports_read_in_batches_with_a_fixed_number_of_queries(
    reviewer, annotator, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(annotations_api, "EXPORT_BATCH_SIZE", 4)
    claims = [ClaimFactory() for _ in range(10)]
    for claim in claims:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    client = _client_for(reviewer)
    # auth (2) + confirmed matches once + per batch of 4: claims, articles, sources, labels, adjudications
    # (users once) + the empty last page
    with django_assert_max_num_queries(2 + 1 + 3 * 5 + 1 + 1):
        data = _streamed(client.get(reverse("api:export-claims-jsonl")))
    rows = [json.loads(line) for line in data.splitlines()]
    assert [row["id"] for row in rows] == [claim.pk for claim in claims]
    assert all(len(row["annotations"]) == 1 for row in rows)


def test_exports_accept_any_accept_header(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-csv"), HTTP_ACCEPT="text/csv")
    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("value", ["maybe", "2", "tru"])
def test_jsonl_export_with_a_history_value_that_is_not_a_boolean_is_400(reviewer, labelled, value):
    """It was read as false: a client asking for history got none without a word."""
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"), {"history": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"history": ["Must be true or false."]}


@pytest.mark.parametrize("value", ["true", "True", "1", "yes"])
def test_jsonl_export_history_takes_the_usual_spellings_of_true(reviewer, labelled, value):
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"), {"history": value})
    assert response.status_code == HTTPStatus.OK
    assert all("history" in json.loads(line) for line in _streamed(response).splitlines())


# ClaimReview


@pytest.mark.parametrize("accept", ["application/ld+json", "application/json", "text/html", "*/*"])
def test_claimreview_answers_json_ld_whatever_the_accept_header(reviewer, labelled, accept):
    """`Accept: application/ld+json`, the type the schema documents, was a 406; text/html was the browsable API."""
    claim = labelled["adjudicated"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]), HTTP_ACCEPT=accept)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/ld+json"
    assert json.loads(response.content)["@type"] == "ClaimReview"


def test_claimreview_errors_are_json_even_when_json_ld_is_asked_for(reviewer, labelled):
    claim = labelled["single"]
    response = _client_for(reviewer).get(
        reverse("api:claim-claimreview", args=[claim.pk]), HTTP_ACCEPT="application/ld+json"
    )
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith(f"Claim {claim.pk} has no consensus verdict yet")


def test_claimreview_of_an_adjudicated_claim_has_the_required_fields(reviewer, labelled, settings):
    settings.CLAIMREVIEW_AUTHOR_NAME = "Desk Org"
    settings.CLAIMREVIEW_AUTHOR_URL = "https://desk.example/"
    claim = labelled["adjudicated"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/ld+json"
    adjudicated_on = Adjudication.objects.get(claim=claim).updated_at.date().isoformat()
    assert response.json() == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"http://testserver/articles/{claim.article_id}/#claim-{claim.pk}",
        "claimReviewed": claim.text,
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "headline": claim.article.title,
                "publisher": {"@type": "Organization", "name": "Example Wire"},
            },
        },
        "author": {"@type": "Organization", "name": "Desk Org", "url": "https://desk.example/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Disputed",
        },
        "datePublished": adjudicated_on,
    }


def test_claimreview_of_an_agreed_claim_is_dated_by_its_last_label(reviewer, labelled):
    claim = labelled["agreed"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]))
    body = response.json()
    last = Annotation.objects.filter(claim=claim).order_by("-updated_at").first().updated_at
    assert body["datePublished"] == last.date().isoformat()
    assert body["reviewRating"]["alternateName"] == "Verified"
    assert body["itemReviewed"]["author"] == {"@type": "Organization", "name": "Ministry"}
    assert body["itemReviewed"]["appearance"]["url"] == "https://example.org/a"
    assert body["itemReviewed"]["datePublished"] == "2025-01-02"


def test_claimreview_of_a_claim_without_consensus_is_404_with_a_message(reviewer, labelled):
    claim = labelled["single"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": f"Claim {claim.pk} has no consensus verdict yet, so it has no ClaimReview."}


def test_claimreview_of_an_unknown_claim_is_404(reviewer):
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[999999]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "There is no claim 999999."}


def test_claimreview_jsonl_export_has_one_review_per_claim_with_a_consensus(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claimreview-jsonl"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Disposition"].startswith('attachment; filename="claimdesk-claimreview-')
    reviews = [json.loads(line) for line in _streamed(response).decode("utf-8").splitlines()]
    assert [r["url"] for r in reviews] == [
        f"http://testserver/articles/{c.article_id}/#claim-{c.pk}"
        for c in (labelled["agreed"], labelled["adjudicated"])
    ]
    single = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[labelled["agreed"].pk])).json()
    assert reviews[0] == single


# The benchmark's data


def test_bench_data_sets_the_derived_columns_as_the_consensus_service_would(db):
    from django.core.management import call_command

    from annotations.services import claim_refresh_consensus

    call_command(
        "bench_data", "--articles", "30", "--claims-per-article", "10", "--annotators", "3", stdout=io.StringIO()
    )
    claims = list(Claim.objects.all())
    assert len(claims) == 300
    stored = [(c.label_count, c.status, c.consensus_verdict) for c in claims]
    refreshed = []
    for claim in claims:
        claim = claim_refresh_consensus(claim=claim)
        refreshed.append((claim.label_count, claim.status, claim.consensus_verdict))
    assert stored == refreshed
    assert {status for _, status, _ in stored} == {"unlabelled", "in_progress", "agreed", "conflicting", "adjudicated"}
    assert all(c.article.body[c.start : c.end] == c.text for c in Claim.objects.select_related("article"))
