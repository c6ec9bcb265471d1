"""Reading article files and bodies: web pages become their article, with the page's metadata filling the gaps."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from claims.importers import (
    ArticleRecord,
    ImportFileError,
    article_fields_from_html,
    article_fields_from_input,
    expand_paths,
    iter_records,
    read_article_text,
)

PAGE = (Path(__file__).parent / "extraction" / "data" / "pages" / "harbour.html").read_bytes()
EMPTY_PAGE = b"<!DOCTYPE html><html><head><title>Log in</title></head><body><nav>Home</nav></body></html>"


def test_article_fields_from_html_gives_the_article_and_its_metadata():
    fields = article_fields_from_html(PAGE)
    assert fields["title"] == "Harbour wall to be rebuilt after storm, council says"
    assert fields["publisher"] == "The Coastal Herald"
    assert fields["url"] == "https://herald.example/news/harbour-wall-rebuilt"
    assert fields["published_at"] == datetime(2024, 3, 12, tzinfo=UTC)
    assert "Ruth Abernethy told reporters" in fields["body"]
    assert "Related stories" not in fields["body"]


def test_article_fields_from_html_refuses_a_page_without_an_article_on_body():
    with pytest.raises(ValidationError) as error:
        article_fields_from_html(EMPTY_PAGE)
    assert "No article text was found" in error.value.message_dict["body"][0]


def test_article_fields_from_input_leaves_plain_text_alone():
    fields = {"title": "", "body": "Dam holds\nThe governor said the dam is safe.", "url": "", "publisher": ""}
    assert article_fields_from_input(fields) == fields


def test_article_fields_from_input_reads_an_html_body_and_keeps_what_the_user_filled_in():
    fields = {"title": "My title", "body": PAGE.decode("utf-8"), "url": "", "publisher": "", "published_at": None}
    out = article_fields_from_input(fields)
    assert out["title"] == "My title"
    assert out["publisher"] == "The Coastal Herald"
    assert out["url"] == "https://herald.example/news/harbour-wall-rebuilt"
    assert out["body"].startswith("Harbour wall to be rebuilt")
    assert "<p>" not in out["body"]


def test_html_and_htm_files_are_found_in_folders(tmp_path):
    for name in ("a.html", "b.HTM", "c.txt", "d.jsonl", "e.pdf"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.html", "b.HTM", "c.txt", "d.jsonl"]


def test_iter_records_reads_a_page_file_into_one_record_with_its_metadata(tmp_path):
    path = tmp_path / "harbour.htm"
    path.write_bytes(PAGE)
    [record] = list(iter_records(path))
    assert isinstance(record, ArticleRecord)
    assert record.label == str(path)
    assert record.publisher == "The Coastal Herald"
    assert "forty-metre gap" in record.body


def test_iter_records_reads_a_jsonl_body_that_is_a_page_and_keeps_the_lines_own_fields(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [{"body": PAGE.decode("utf-8"), "publisher": "Wire copy"}, {"body": EMPTY_PAGE.decode("utf-8")}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    record, error = list(iter_records(path))
    assert record.publisher == "Wire copy"
    assert record.title == "Harbour wall to be rebuilt after storm, council says"
    assert "forty-metre gap" in record.body
    assert isinstance(error, ImportFileError)
    assert str(error).startswith(f"{path}:2: No article text was found")


def test_a_txt_file_holding_a_saved_page_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(PAGE)
    [record] = list(iter_records(path))
    assert record.title == "Harbour wall to be rebuilt after storm, council says"
    assert read_article_text(path) == record.body


def test_a_page_without_an_article_is_one_error_naming_the_file(tmp_path):
    path = tmp_path / "login.html"
    path.write_bytes(EMPTY_PAGE)
    [error] = list(iter_records(path))
    assert isinstance(error, ImportFileError)
    assert str(error).startswith(f"{path}: No article text was found")
    with pytest.raises(ImportFileError):
        read_article_text(path)
