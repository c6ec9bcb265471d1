"""A JSONL file mixing good records with each kind of bad one: every good record is stored, every bad one is
reported with its line number, whatever it raises (SQLite and PostgreSQL alike)."""

import json
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.urls import reverse

from claims import services
from claims.importers import ArticleRecord, ImportFileError, iter_records
from claims.models import Article
from claims.services import article_import_records

GOOD = "The ministry said {n} drones were shot down overnight."


def _good(n: int, **extra) -> str:
    return json.dumps({"title": f"Good {n}", "body": GOOD.format(n=n), **extra})


def _mixed_lines() -> list[str]:
    """Line i+1 of the file is lines[i]; bad records sit between good ones."""
    return [
        _good(1),
        "[" * 100_000 + "]" * 100_000,  # 2: nested 100,000 deep
        '{"title": "\\ud800 lone", "body": "Officials said the bridge reopened."}',  # 3: lone surrogate, title
        '{"publisher": "Wire \\udfff", "body": "The mayor said the roads were closed."}',  # 4: lone surrogate
        json.dumps({"url": "https://example.org/" + "a" * 2000, "body": "Police said two men were held."}),  # 5
        json.dumps({"publisher": "Wire\x00", "body": "The court said the ruling stands."}),  # 6: NUL
        json.dumps({"title": "T" * 501, "body": "The agency said prices rose."}),  # 7: title longer than the column
        json.dumps({"publisher": "P" * 201, "body": "The union said talks failed."}),  # 8: publisher too long
        # 9: U+2028, U+2029 and U+0085 inside strings are characters, not line ends
        '{"title": "Good 9", "body": "The minister said\u2028the plan\u2029works\u0085today."}',
        _good(10),
    ]


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return path


def test_jsonl_lines_end_at_newline_only(tmp_path):
    path = _write(tmp_path, ['{"body": "A said\u2028B\u2029C\u0085D."}', '{"body": "E said F."}'])
    records = list(iter_records(path))
    assert [r.body for r in records] == ["A said\u2028B\u2029C\u0085D.", "E said F."]
    assert [r.label for r in records] == [f"{path}:1", f"{path}:2"]


def test_deeply_nested_json_is_one_line_error_and_the_next_line_is_read(tmp_path):
    path = _write(tmp_path, ["[" * 100_000 + "]" * 100_000, _good(2)])
    first, second = iter_records(path)
    assert isinstance(first, ImportFileError)
    assert str(first) == f"{path}:1: invalid JSON (nested too deeply)"
    assert isinstance(second, ArticleRecord)


@pytest.mark.django_db
def test_import_keeps_every_good_record_and_reports_each_bad_one_by_line(tmp_path):
    path = _write(tmp_path, _mixed_lines())
    report = article_import_records(records=iter_records(path))
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good 1", "Good 10", "Good 9"]
    assert Article.objects.get(title="Good 9").body == "The minister said\u2028the plan\u2029works\u0085today."
    assert report.created == 3
    by_line = {error.split(": ", 1)[0].rsplit(":", 1)[1]: error.split(": ", 1)[1] for error in report.errors}
    assert by_line == {
        "2": "invalid JSON (nested too deeply)",
        "3": "title: The title is not valid Unicode (it has an unpaired surrogate).",
        "4": "publisher: The publisher is not valid Unicode (it has an unpaired surrogate).",
        "5": "url: The url is longer than 2,000 characters.",
        "6": "publisher: The publisher contains NUL bytes; send plain UTF-8 text.",
        "7": "title: The title is longer than 500 characters.",
        "8": "publisher: The publisher is longer than 200 characters.",
    }


@pytest.mark.django_db
def test_a_record_that_raises_anything_is_reported_and_leaves_nothing_half_written(tmp_path, monkeypatch):
    real_extract = services.extract_claims

    def extract(body):
        if "explodes" in body:
            raise RuntimeError("extraction bug")
        return real_extract(body)

    monkeypatch.setattr(services, "extract_claims", extract)
    path = _write(tmp_path, [_good(1), json.dumps({"title": "Bad", "body": "The mayor said it explodes."}), _good(3)])
    report = article_import_records(records=iter_records(path))
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good 1", "Good 3"]
    assert report.errors == [f"{path}:2: could not be stored (RuntimeError); nothing of it was kept"]


@pytest.mark.django_db
def test_upload_page_shows_the_per_line_report_for_every_bad_record(reviewer_client, tmp_path):
    upload = SimpleUploadedFile("mixed.jsonl", _write(tmp_path, _mixed_lines()).read_bytes())
    response = reviewer_client.post(reverse("article_upload"), {"files": upload})
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert Article.objects.count() == 3
    assert "3 new articles" in page
    for line in range(2, 9):
        assert f"mixed.jsonl:{line}: " in page


@pytest.mark.django_db
def test_a_record_that_hit_a_database_conflict_is_tried_again(tmp_path, monkeypatch):
    real_ingest, calls = services.article_ingest, []

    def ingest(**kwargs):
        calls.append(kwargs["title"])
        if len(calls) == 1:
            raise OperationalError("deadlock detected")
        return real_ingest(**kwargs)

    monkeypatch.setattr(services, "article_ingest", ingest)
    report = article_import_records(records=iter_records(_write(tmp_path, [_good(1)])))
    assert (report.created, report.errors, calls) == (1, [], ["Good 1", "Good 1"])
