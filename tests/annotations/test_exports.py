import csv
import gzip
import io
import json
from datetime import UTC, datetime, timedelta
from http import HTTPStatus

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.exports import (
    CSV_HEADER,
    END_KEY,
    claimreview,
    csv_chunks,
    jsonl_chunks,
    jsonl_lines,
)
from annotations.models import Adjudication, Annotation, Verdict
from annotations.parquet import PARQUET_SCHEMA, parquet_chunks
from annotations.selectors import claim_export_batches
from annotations.services import annotation_submit, claim_adjudicate
from claims.models import Article, Claim, Source, SourceKind
from claims.services import claim_flag, claim_set_source
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory
from web.api import exports as exports_api

PUBLISHED = datetime(2025, 1, 2, 8, 0, tzinfo=UTC)
AS_OF = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
CHANGED = datetime(2025, 2, 1, 9, 30, tzinfo=UTC)


def _row(**changes):
    """A claim export record as claim_export_batches yields it."""
    row = {
        "id": 12,
        "article": {
            "id": 3,
            "title": "Overnight attack",
            "url": "https://example.org/a",
            "publisher": "Example Wire",
            "published_at": PUBLISHED,
        },
        "text": "40 drones were shot down overnight",
        "start": 31,
        "end": 65,
        "start_utf16": 32,
        "end_utf16": 66,
        "source": {"id": 5, "name": "Ministry of Defence", "kind": "government"},
        "source_mention": "The ministry",
        "cue": "said",
        "is_direct_quote": False,
        "confidence": 0.9,
        "position": 0,
        "origin": "extracted",
        "extraction_rule": "cue-verb-postposed",
        "extractor_version": "2.0.0",
        "is_flagged_not_claim": False,
        "created_at": CHANGED,
        "updated_at": CHANGED,
        "label_count": 2,
        "status": "agreed",
        "verdict": "verified",
        "annotations": [
            {
                "id": 1,
                "annotator": "ann",
                "verdict": "verified",
                "note": "Матч «ТВ»",
                "evidence_url": "",
                "created_at": CHANGED,
                "updated_at": CHANGED,
            },
            {
                "id": 2,
                "annotator": "ann2",
                "verdict": "verified",
                "note": "",
                "evidence_url": "https://x.org/",
                "created_at": CHANGED,
                "updated_at": CHANGED + timedelta(days=1),
            },
        ],
        "adjudication": None,
        "cluster": None,
    }
    return {**row, **changes}


def _iso(value):
    """What JSON makes of a record: date-times as ISO 8601 strings."""
    return json.loads(jsonl_lines([value]))


# The formatters, without the database


def test_jsonl_writes_one_record_per_line_then_a_trailer_a_reader_can_skip():
    data = b"".join(jsonl_chunks([[_row()], [_row(id=13, verdict=None, source=None)]], as_of=AS_OF))
    lines = [json.loads(line) for line in data.decode("utf-8").split("\n") if line]
    assert lines[0] == _iso(_row())
    assert list(lines[0]) == list(_row())
    assert (lines[1]["verdict"], lines[1]["source"]) == (None, None)
    assert lines[2] == {END_KEY: {"rows": 2, "as_of": "2025-03-01T12:00:00+00:00", "skipped": []}}
    assert "Матч «ТВ»".encode() in data  # not \u-escaped: readable and smaller


def test_jsonl_without_trailer_is_only_records():
    data = b"".join(jsonl_chunks([[_row()]], as_of=AS_OF, trailer=False))
    assert [json.loads(line)["id"] for line in data.splitlines()] == [12]


def test_jsonl_escapes_unicode_line_separators_so_no_reader_splits_a_record():
    text = "one\u2028two\u2029three\x85four"
    data = b"".join(jsonl_chunks([[_row(text=text)]], as_of=AS_OF, trailer=False)).decode("utf-8")
    assert len(data.splitlines()) == 1  # str.splitlines splits on all three
    assert json.loads(data)["text"] == text


def test_jsonl_writes_a_lone_surrogate_as_its_json_escape_instead_of_failing():
    data = b"".join(jsonl_chunks([[_row(text="bad \udc80 text")]], as_of=AS_OF, trailer=False))
    assert json.loads(data)["text"] == "bad \udc80 text"


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_a_bom_a_header_one_row_per_claim_and_an_end_line():
    data = b"".join(csv_chunks([[_row(), _row(id=13, verdict=None, source=None, annotations=[])]], as_of=AS_OF))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(data)
    assert tuple(rows[0]) == CSV_HEADER
    first = dict(zip(CSV_HEADER, rows[1], strict=True))
    assert first["article_published_at"] == "2025-01-02T08:00:00+00:00"
    assert (first["start_utf16"], first["source_id"], first["is_direct_quote"]) == ("32", "5", "false")
    assert json.loads(first["annotations"]) == _iso(_row())["annotations"]
    assert rows[3] == ["#end", "rows=2", "as_of=2025-03-01T12:00:00+00:00"]


def test_csv_tells_null_from_empty_text():
    """Null is an empty unquoted cell, empty text a quoted one, as PostgreSQL's COPY and DuckDB read them."""
    data = b"".join(csv_chunks([[_row(verdict=None, cue="")]], as_of=AS_OF, trailer=False)).decode("utf-8-sig")
    line = data.splitlines()[1]
    cells = dict(zip(CSV_HEADER, line.split(","), strict=False))  # no commas in this row's earlier text cells
    assert cells["id"] == "12"
    assert cells["cue"] == '""'
    assert ',"agreed",,' in line  # status, then verdict null
    assert line.endswith(",")  # cluster: null


def test_csv_keeps_quotes_commas_and_newlines_inside_one_cell():
    text = 'He said: "no, never",\nthen left'
    data = b"".join(csv_chunks([[_row(text=text)]], as_of=AS_OF, trailer=False))
    assert _csv_rows(data)[1][CSV_HEADER.index("text")] == text


@pytest.mark.parametrize("text", ['=HYPERLINK("http://evil")', "+1 page", "-2+3", "@SUM(A1)"])
def test_csv_escapes_formulas_by_default_and_keeps_them_as_stored_when_asked(text):
    escaped = b"".join(csv_chunks([[_row(text=text)]], as_of=AS_OF, trailer=False))
    raw = b"".join(csv_chunks([[_row(text=text)]], as_of=AS_OF, trailer=False, escape_formulas=False))
    assert _csv_rows(escaped)[1][CSV_HEADER.index("text")] == "'" + text
    assert _csv_rows(raw)[1][CSV_HEADER.index("text")] == text


def test_parquet_holds_the_same_records_as_jsonl_in_row_groups_with_the_count_in_its_metadata():
    batches = [[_row(id=i) for i in range(1, 4)], [_row(id=4, source=None, adjudication=None)], []]
    batches[0][1] = _row(
        id=2,
        verdict="disputed",
        adjudication={
            "reviewer": "rev",
            "verdict": "disputed",
            "rationale": "No.",
            "created_at": CHANGED,
            "updated_at": CHANGED,
        },
    )
    chunks = list(parquet_chunks(batches, as_of=AS_OF, row_group_rows=3))
    assert len(chunks) == 2  # the first row group is sent before the next batch is read
    parquet = pq.ParquetFile(io.BytesIO(b"".join(chunks)))
    assert parquet.schema_arrow == PARQUET_SCHEMA
    assert parquet.metadata.num_row_groups == 2
    metadata = parquet.schema_arrow.metadata or parquet.metadata.metadata
    assert metadata[b"claimdesk.rows"] == b"4"
    assert metadata[b"claimdesk.as_of"] == b"2025-03-01T12:00:00+00:00"
    from_parquet = [_iso(row) for row in parquet.read().to_pylist()]
    from_jsonl = [json.loads(line) for line in b"".join(jsonl_chunks(batches, as_of=AS_OF, trailer=False)).splitlines()]
    assert from_parquet == from_jsonl


def test_parquet_leaves_out_a_row_arrow_refuses_and_lists_it():
    chunks = parquet_chunks([[_row(id=1), _row(id=2, text="bad \udc80")]], as_of=AS_OF)
    parquet = pq.ParquetFile(io.BytesIO(b"".join(chunks)))
    assert parquet.read().column("id").to_pylist() == [1]
    skipped = json.loads(parquet.metadata.metadata[b"claimdesk.skipped"])
    assert [item["id"] for item in skipped] == [2]


# schema.org ClaimReview (https://schema.org/ClaimReview) and Google's fact-check markup guidance
# (https://developers.google.com/search/docs/appearance/structured-data/factcheck): the properties they define.
SCHEMA_ORG = {
    "ClaimReview": {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody", "author", "url", "datePublished"},
    "Claim": {"appearance", "firstAppearance", "author", "datePublished"},
    "CreativeWork": {"headline", "url", "publisher", "datePublished"},
    "Rating": {"ratingValue", "bestRating", "worstRating", "alternateName"},
    "Organization": {"name", "url"},
    "Person": {"name", "url"},
}
GOOGLE_REQUIRED = {"claimReviewed", "reviewRating", "url"}
GOOGLE_RATING_REQUIRED = {"alternateName"}


def _only_schema_org_properties(node) -> None:
    properties = set(node) - {"@context", "@type", "@id"}
    assert properties <= SCHEMA_ORG[node["@type"]], properties - SCHEMA_ORG[node["@type"]]
    for value in node.values():
        if isinstance(value, dict):
            _only_schema_org_properties(value)


def _adjudicated_row():
    adjudication = {
        "reviewer": "rev",
        "verdict": "disputed",
        "rationale": "The army's figure is 12.",
        "created_at": CHANGED,
        "updated_at": CHANGED + timedelta(days=3),
    }
    return _row(verdict="disputed", status="adjudicated", adjudication=adjudication)


def test_claimreview_is_publishable_schema_org_with_the_rationale_as_review_body():
    review = claimreview(
        _adjudicated_row(),
        url="https://factcheck.example.org/claims/12/",
        author_name="Example Fact Check",
        author_url="https://factcheck.example.org/",
    )
    assert review == {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "@id": "https://factcheck.example.org/claims/12/#claimreview",
        "url": "https://factcheck.example.org/claims/12/",
        "claimReviewed": "40 drones were shot down overnight",
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {
                "@type": "CreativeWork",
                "headline": "Overnight attack",
                "url": "https://example.org/a",
                "datePublished": "2025-01-02",
                "publisher": {"@type": "Organization", "name": "Example Wire"},
            },
            "author": {"@type": "Organization", "name": "Ministry of Defence"},
            "datePublished": "2025-01-02",
        },
        "author": {"@type": "Organization", "name": "Example Fact Check", "url": "https://factcheck.example.org/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Disputed",
        },
        "reviewBody": "The army's figure is 12.",
        "datePublished": "2025-02-04",
    }
    _only_schema_org_properties(review)
    assert set(review) >= GOOGLE_REQUIRED
    assert set(review["reviewRating"]) >= GOOGLE_RATING_REQUIRED
    assert review["url"].startswith("https://")  # Google: the page that hosts the review


def test_claimreview_of_an_agreed_claim_is_dated_by_its_last_label_and_has_no_review_body():
    review = claimreview(_row(), url="https://f.example/claims/12/", author_name="F")
    assert review["datePublished"] == "2025-02-02"
    assert "reviewBody" not in review
    _only_schema_org_properties(review)


# The export endpoints


def _client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def _streamed(response) -> bytes:
    assert response.streaming
    return b"".join(response.streaming_content)


def _records(response) -> list[dict]:
    lines = [json.loads(line) for line in _streamed(response).decode("utf-8").splitlines()]
    assert END_KEY in lines[-1]
    assert lines[-1][END_KEY]["rows"] == len(lines) - 1
    return lines[:-1]


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


def _dt(value):
    return value.isoformat() if value else None


def _expected_record(claim):
    """The export record built from the models, field by field, the way a REST client would see them."""
    claim = Claim.objects.select_related("article", "source").get(pk=claim.pk)
    article, source = claim.article, claim.source
    adjudication = Adjudication.objects.filter(claim=claim).select_related("reviewer").first()
    return {
        "id": claim.pk,
        "article": {
            "id": article.pk,
            "title": article.title,
            "url": article.url,
            "publisher": article.publisher,
            "published_at": _dt(article.published_at),
        },
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "start_utf16": claim.start,  # no characters outside the BMP in these articles
        "end_utf16": claim.end,
        "source": {"id": source.pk, "name": source.name, "kind": source.kind} if source else None,
        "source_mention": claim.source_mention,
        "cue": claim.cue,
        "is_direct_quote": claim.is_direct_quote,
        "confidence": claim.confidence,
        "position": claim.position,
        "origin": claim.origin,
        "extraction_rule": claim.extraction_rule,
        "extractor_version": claim.extractor_version,
        "is_flagged_not_claim": claim.is_flagged_not_claim,
        "created_at": _dt(claim.created_at),
        "updated_at": _dt(claim.updated_at),
        "label_count": claim.label_count,
        "status": claim.status,
        "verdict": claim.consensus_verdict or None,
        "annotations": [
            {
                "id": a.pk,
                "annotator": a.annotator.username,
                "verdict": a.verdict,
                "note": a.note,
                "evidence_url": a.evidence_url,
                "created_at": _dt(a.created_at),
                "updated_at": _dt(a.updated_at),
            }
            for a in Annotation.objects.filter(claim=claim).order_by("id")
        ],
        "adjudication": {
            "reviewer": adjudication.reviewer.username,
            "verdict": adjudication.verdict,
            "rationale": adjudication.rationale,
            "created_at": _dt(adjudication.created_at),
            "updated_at": _dt(adjudication.updated_at),
        }
        if adjudication
        else None,
        "cluster": None,
    }


def test_claims_jsonl_export_streams_every_claim_then_the_trailer_and_states_its_moment(reviewer, labelled):
    before = timezone.now()
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="claimdesk-claims-')
    as_of = datetime.fromisoformat(response["X-ClaimDesk-As-Of"])
    assert before <= as_of <= timezone.now()
    lines = [json.loads(line) for line in _streamed(response).decode("utf-8").splitlines()]
    assert lines[:-1] == [_expected_record(claim) for claim in labelled.values()]
    assert lines[-1] == {END_KEY: {"rows": 4, "as_of": as_of.isoformat(), "skipped": []}}
    assert [row["status"] for row in lines[:-1]] == ["agreed", "adjudicated", "in_progress", "unlabelled"]


def test_every_export_row_agrees_with_its_own_adjudication_and_labels(reviewer, labelled):
    for row in _records(_client_for(reviewer).get(reverse("api:export-claims-jsonl"))):
        assert row["label_count"] == len(row["annotations"])
        if row["adjudication"]:
            assert (row["status"], row["verdict"]) == ("adjudicated", row["adjudication"]["verdict"])


def test_utf16_offsets_count_characters_outside_the_bmp_twice(db):
    body = "Title 🎉\nThe mayor said 🚀 launches were up.\n"
    article = ArticleFactory(body=body)
    start = body.index("🚀")
    claim = ClaimFactory(article=article, start=start, end=start + 11, text=body[start : start + 11])
    row = next(claim_export_batches(claims=Claim.objects.filter(pk=claim.pk)))[0]
    assert (row["start"], row["end"]) == (start, start + 11)
    utf16 = body.encode("utf-16-le")
    assert (row["start_utf16"], row["end_utf16"]) == (start + 1, start + 13)  # 🎉 before, 🚀 inside
    assert utf16[row["start_utf16"] * 2 : row["end_utf16"] * 2].decode("utf-16-le") == row["text"]


def test_claims_csv_export_reads_back_with_the_csv_module(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-csv"), {"escape_formulas": "false"})
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = _csv_rows(_streamed(response))
    assert rows[-1][0] == "#end"
    records = [dict(zip(CSV_HEADER, row, strict=True)) for row in rows[1:-1]]
    for row, claim in zip(records, labelled.values(), strict=True):
        expected = _expected_record(claim)
        assert (row["id"], row["text"], row["status"]) == (str(claim.pk), expected["text"], expected["status"])
        assert row["source_name"] == (expected["source"] or {}).get("name", "")
        assert json.loads(row["annotations"]) == expected["annotations"]


def test_parquet_and_jsonl_exports_hold_the_same_rows(reviewer, labelled):
    client = _client_for(reviewer)
    response = client.get(reverse("api:export-claims-parquet"))
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(_streamed(response)))
    assert [_iso(row) for row in table.to_pylist()] == _records(client.get(reverse("api:export-claims-jsonl")))


def test_exports_are_gzipped_when_the_client_asks(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Encoding"] == "gzip"
    lines = gzip.decompress(_streamed(response)).decode("utf-8").splitlines()
    assert len(lines) == 5


def test_exports_take_the_claims_list_filters(reviewer, labelled):
    client = _client_for(reviewer)
    response = client.get(reverse("api:export-claims-jsonl"), {"status": "adjudicated"})
    assert [row["id"] for row in _records(response)] == [labelled["adjudicated"].pk]


@pytest.mark.parametrize(
    "name",
    [
        "api:export-claims-jsonl",
        "api:export-claims-csv",
        "api:export-claims-parquet",
        "api:export-claimreview-jsonl",
        "api:export-articles-jsonl",
    ],
)
def test_exports_refuse_unknown_parameters_and_bad_values_by_name(reviewer, name):
    client = _client_for(reviewer)
    response = client.get(reverse(name), {"statsu": "agreed", "updated_afer": "2025-01-01"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response["Content-Type"] == "application/json"
    assert sorted(response.json()) == ["statsu", "updated_afer"]
    response = client.get(reverse(name), {"updated_after": "yesterday"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["updated_after"]


def test_exports_with_an_unknown_filter_value_are_400_json(reviewer):
    response = _client_for(reviewer).get(reverse("api:export-claims-csv"), {"verdict": "true", "article": "999999"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert sorted(response.json()) == ["article", "verdict"]


@pytest.mark.parametrize("value", ["maybe", "2", "tru"])
def test_jsonl_export_with_a_history_value_that_is_not_a_boolean_is_400(reviewer, labelled, value):
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"), {"history": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"history": ["Must be true or false."]}


def test_jsonl_export_history_adds_each_claims_changes(reviewer, labelled):
    response = _client_for(reviewer).get(reverse("api:export-claims-jsonl"), {"history": "yes"})
    rows = _records(response)
    assert [len(row["history"]) for row in rows] == [2, 3, 1, 0]


def test_exports_read_in_batches_with_a_fixed_number_of_queries(
    reviewer, annotator, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr(exports_api, "EXPORT_BATCH_SIZE", 4)
    claims = [ClaimFactory() for _ in range(10)]
    for claim in claims:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    client = _client_for(reviewer)
    # auth (2) + confirmed matches once + per batch of 4: claims, labels, adjudications, articles, sources
    # (users once) + the empty last page
    with django_assert_max_num_queries(2 + 1 + 3 * 5 + 1 + 1):
        response = client.get(reverse("api:export-claims-jsonl"))
        rows = _records(response)
    assert response.status_code == HTTPStatus.OK
    assert [row["id"] for row in rows] == [claim.pk for claim in claims]


# Incremental sync


def test_a_client_syncing_twice_gets_exactly_the_claims_changed_in_between(reviewer, annotator, labelled):
    client = _client_for(reviewer)
    first = client.get(reverse("api:export-claims-jsonl"))
    assert first.status_code == HTTPStatus.OK
    as_of = first["X-ClaimDesk-As-Of"]
    assert len(_records(first)) == 4
    other = ClaimFactory()  # new
    annotation_submit(claim=labelled["unlabelled"], annotator=annotator, verdict=Verdict.DISPUTED)  # a label
    claim_adjudicate(claim=labelled["agreed"], reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Wrong.")
    claim_flag(claim=labelled["single"], user=reviewer)  # a flag
    second = client.get(reverse("api:export-claims-jsonl"), {"updated_after": as_of})
    changed = {other.pk, labelled["unlabelled"].pk, labelled["agreed"].pk, labelled["single"].pk}
    assert {row["id"] for row in _records(second)} == changed
    listed = client.get(reverse("api:claim-list"), {"updated_after": as_of})
    assert listed.status_code == HTTPStatus.OK
    assert {row["id"] for row in listed.json()["results"]} == changed
    third = client.get(reverse("api:export-claims-jsonl"), {"updated_after": second["X-ClaimDesk-As-Of"]})
    assert _records(third) == []


def test_changing_a_claims_source_or_reopening_it_counts_as_a_change(reviewer, labelled):
    client = _client_for(reviewer)
    as_of = client.get(reverse("api:export-claims-jsonl"))["X-ClaimDesk-As-Of"]
    claim_set_source(claim=labelled["unlabelled"], user=reviewer, new_name="Someone Else")
    client.delete(reverse("api:claim-adjudication", args=[labelled["adjudicated"].pk]))
    rows = _records(client.get(reverse("api:export-claims-jsonl"), {"updated_after": as_of}))
    assert {row["id"] for row in rows} == {labelled["unlabelled"].pk, labelled["adjudicated"].pk}


def test_updated_before_is_inclusive_and_updated_after_exclusive_so_windows_tile(reviewer, labelled):
    claim = Claim.objects.get(pk=labelled["single"].pk)
    moment = claim.updated_at.isoformat()
    client = _client_for(reviewer)
    before = _records(client.get(reverse("api:export-claims-jsonl"), {"updated_before": moment}))
    after = _records(client.get(reverse("api:export-claims-jsonl"), {"updated_after": moment}))
    assert claim.pk in {row["id"] for row in before}
    assert claim.pk not in {row["id"] for row in after}
    assert len(before) + len(after) == 4


# Articles and the round trip


def test_articles_export_with_claims_imports_into_a_fresh_instance_as_it_was(reviewer, labelled, tmp_path):
    emoji = ArticleFactory(body="Emoji 🎉 title\nThe mayor said “🚀 launches doubled” on Monday.\n")
    start = emoji.body.index("🚀")
    ClaimFactory(article=emoji, start=start, end=start + 17, text=emoji.body[start : start + 17], source=None)
    client = _client_for(reviewer)
    response = client.get(reverse("api:export-articles-jsonl"), {"claims": "true"})
    assert response.status_code == HTTPStatus.OK
    data = _streamed(response)
    before = sorted(
        (c.article.body, c.text, c.start, c.end, c.source.name if c.source else None, c.source_mention)
        for c in Claim.objects.select_related("article", "source")
    )
    Article.objects.all().delete()
    Source.objects.all().delete()
    path = tmp_path / "articles.jsonl"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=io.StringIO())
    assert "Imported 5" in out.getvalue()
    after = sorted(
        (c.article.body, c.text, c.start, c.end, c.source.name if c.source else None, c.source_mention)
        for c in Claim.objects.select_related("article", "source")
    )
    assert after == before


def test_articles_export_lists_articles_with_their_text_and_no_claims_unless_asked(reviewer, labelled):
    rows = _records(_client_for(reviewer).get(reverse("api:export-articles-jsonl")))
    assert len(rows) == 4
    article = Article.objects.get(pk=rows[0]["id"])
    assert rows[0]["body"] == article.body
    assert "claims" not in rows[0]
    assert set(rows[0]) == {
        "id",
        "title",
        "url",
        "publisher",
        "published_at",
        "language",
        "created_at",
        "updated_at",
        "body",
    }


def test_post_article_with_claims_keeps_them_as_given(reviewer):
    body = "Headline\nThe minister said that taxes will fall. Critics disagree.\n"
    start = body.index("taxes")
    payload = {
        "body": body,
        "claims": [
            {
                "text": "taxes will fall",
                "start": start,
                "end": start + 15,
                "source": {"name": "The Minister", "kind": "person"},
                "source_mention": "The minister",
                "cue": "said",
                "is_direct_quote": False,
                "is_flagged_not_claim": True,
                "confidence": None,
                "label_count": 7,  # another instance's derived state: ignored
            }
        ],
    }
    response = _client_for(reviewer).post(reverse("api:article-list"), payload, format="json")
    assert response.status_code == HTTPStatus.CREATED
    claims = response.json()["claims"]
    assert [(c["text"], c["start"], c["end"], c["source"]["name"]) for c in claims] == [
        ("taxes will fall", start, start + 15, "The Minister")
    ]
    assert Claim.objects.get().is_flagged_not_claim


def test_post_article_with_claims_that_do_not_match_the_text_is_400_naming_each_and_stores_nothing(reviewer):
    body = "Headline\nThe minister said that taxes will fall.\n"
    payload = {
        "body": body,
        "claims": [
            {"text": "taxes will rise", "start": body.index("taxes"), "end": body.index("taxes") + 15},
            {"text": "x", "start": 500, "end": 501},
            {"text": "The", "start": 9, "end": 12, "colour": "red"},
            {"text": "The", "start": 9, "end": 12, "is_flagged_not_claim": "yes"},
        ],
    }
    response = _client_for(reviewer).post(reverse("api:article-list"), payload, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "claims": [
            f"claim 0: `text` is not the article text at {body.index('taxes')}-{body.index('taxes') + 15}",
            "claim 1: the span 500-501 does not lie inside the article text",
            "claim 2: unknown field(s): colour",
            "claim 3: `is_flagged_not_claim` must be true or false",
        ]
    }
    assert not Article.objects.exists()


# ClaimReview


@pytest.mark.parametrize("accept", ["application/ld+json", "application/json", "text/html", "*/*"])
def test_claimreview_answers_json_ld_whatever_the_accept_header(reviewer, labelled, accept):
    claim = labelled["adjudicated"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]), HTTP_ACCEPT=accept)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "application/ld+json"
    assert json.loads(response.content)["@type"] == "ClaimReview"


def test_claimreview_links_to_the_public_site_not_this_server(reviewer, labelled, settings):
    settings.CLAIMDESK_PUBLIC_URL = "https://factcheck.example.org/"
    settings.CLAIMREVIEW_AUTHOR_NAME = "Desk Org"
    settings.CLAIMREVIEW_AUTHOR_URL = "https://factcheck.example.org/about"
    claim = labelled["adjudicated"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]))
    assert response.status_code == HTTPStatus.OK
    review = response.json()
    assert review["url"] == f"https://factcheck.example.org/claims/{claim.pk}/"
    assert review["@id"] == f"https://factcheck.example.org/claims/{claim.pk}/#claimreview"
    assert review["reviewBody"] == "Contradicted."
    assert review["author"] == {
        "@type": "Organization",
        "name": "Desk Org",
        "url": "https://factcheck.example.org/about",
    }
    assert review["datePublished"] == Adjudication.objects.get(claim=claim).updated_at.date().isoformat()
    _only_schema_org_properties(review)


def test_claimreview_without_a_public_url_is_503_saying_what_to_set(reviewer, labelled, settings):
    settings.CLAIMDESK_PUBLIC_URL = ""
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[labelled["agreed"].pk]))
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "CLAIMDESK_PUBLIC_URL" in response.json()["detail"]


def test_claimreview_of_a_claim_without_consensus_is_404_with_a_message(reviewer, labelled):
    claim = labelled["single"]
    response = _client_for(reviewer).get(reverse("api:claim-claimreview", args=[claim.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": f"Claim {claim.pk} has no consensus verdict yet, so it has no ClaimReview."}


def test_claimreview_jsonl_export_has_agreed_and_adjudicated_claims_and_takes_a_verdict(reviewer, labelled):
    client = _client_for(reviewer)
    reviews = _records(client.get(reverse("api:export-claimreview-jsonl")))
    assert [r["claimReviewed"] for r in reviews] == [labelled["agreed"].text, labelled["adjudicated"].text]
    single = client.get(reverse("api:claim-claimreview", args=[labelled["agreed"].pk])).json()
    assert reviews[0] == single
    disputed = _records(client.get(reverse("api:export-claimreview-jsonl"), {"verdict": "disputed"}))
    assert [r["@id"] for r in disputed] == [
        f"https://factcheck.example.org/claims/{labelled['adjudicated'].pk}/#claimreview"
    ]


def test_a_claim_with_a_verdict_we_do_not_have_is_listed_in_the_trailer_not_a_500(reviewer, labelled, monkeypatch):
    """A stored "banana" verdict made every ClaimReview export answer 500. The database now refuses one
    (claim_consensus_matches_status), so the bad row is made where the export reads its rows."""
    from web.api import exports as export_views

    read_rows = export_views.claim_export_batches

    def with_a_bad_row(**kwargs):
        for rows in read_rows(**kwargs):
            yield [{**row, "verdict": "banana"} if row["id"] == labelled["agreed"].pk else row for row in rows]

    monkeypatch.setattr(export_views, "claim_export_batches", with_a_bad_row)
    response = _client_for(reviewer).get(reverse("api:export-claimreview-jsonl"))
    assert response.status_code == HTTPStatus.OK
    lines = [json.loads(line) for line in _streamed(response).splitlines()]
    assert [line["claimReviewed"] for line in lines[:-1]] == [labelled["adjudicated"].text]
    assert lines[-1][END_KEY]["skipped"] == [{"id": labelled["agreed"].pk, "reason": "unknown verdict 'banana'"}]


# The benchmark's data


def test_bench_data_sets_the_derived_columns_as_the_consensus_service_would(db):
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


def test_parquet_schema_has_every_field_of_the_jsonl_record():
    assert PARQUET_SCHEMA.names == list(_row())
    assert isinstance(PARQUET_SCHEMA.field("annotations").type, pa.ListType)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_export_pages_outside_a_transaction_are_each_read_in_one_read_only_snapshot(django_assert_max_num_queries):
    """No caller transaction (as in a real request): each page opens its own; on PostgreSQL REPEATABLE READ."""
    from django.db import connection

    claims = [ClaimFactory() for _ in range(3)]
    with django_assert_max_num_queries(40) as captured:
        pages = list(claim_export_batches(claims=Claim.objects.all(), batch_size=2))
    assert [[row["id"] for row in page] for page in pages] == [[claims[0].pk, claims[1].pk], [claims[2].pk]]
    if connection.vendor == "postgresql":
        isolation = [q["sql"] for q in captured.captured_queries if "ISOLATION LEVEL" in q["sql"]]
        assert len(isolation) == 3  # two pages and the empty last one


def test_an_export_of_a_filter_that_matches_nothing_by_construction_is_empty_not_a_500(db):
    """`?cluster=` of an unknown cluster filters on `pk__in=[]`, which Django refuses to turn into SQL."""
    ClaimFactory()
    assert list(claim_export_batches(claims=Claim.objects.filter(pk__in=[]))) == []
