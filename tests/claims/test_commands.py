import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from annotations.models import Verdict
from annotations.services import annotation_submit
from claims.extraction import EXTRACTOR_VERSION
from claims.importers import read_article_text
from claims.models import Article, Claim

ARTICLE = (
    "Dam holds after record rain\n"
    "“The dam is safe and the spillway is working as designed,” regional governor Maria Lind said on Sunday.\n"
    "The water agency said the reservoir would stay below its limit.\n"
)


def _call(*args):
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


def test_extract_claims_prints_jsonl_with_offsets_into_the_file_and_touches_no_database(tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out, _, error = _call("extract_claims", str(path))  # no db fixture: any query would fail the test
    assert error is None
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    for row in rows:
        assert {"article", "text", "start", "end", "source", "source_mention", "cue", "quote"} <= row.keys()
        assert row["article"] == "dam.txt"
        assert ARTICLE[row["start"] : row["end"]] == row["text"]
    assert any(r["source"] == "Maria Lind" and r["quote"] for r in rows)
    # Which rule made each claim, under the names the export record uses.
    assert all(r["extraction_rule"] and r["extractor_version"] == EXTRACTOR_VERSION for r in rows)


def test_extract_claims_explain_names_the_rule_of_each_claim_and_the_veto_of_each_dropped_cue(tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE + "Engineers were anticipating a second flood wave on the river.\n", encoding="utf-8")
    out, _, error = _call("extract_claims", "--explain", str(path))
    assert error is None
    assert "== dam.txt" in out
    assert "rule cue-verb-bare" in out
    assert "rule cue-verb-postposed" in out
    assert "dropped cue 'anticipating'" in out
    assert "veto-progressive-action" in out


def test_extract_claims_reports_an_unreadable_file_and_carries_on(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe broken \x80 bytes")
    out, err, error = _call("extract_claims", str(tmp_path), "--format", "table")
    assert "a.txt" in out
    assert "not valid UTF-8" in err
    assert error == "1 file(s) could not be read."


@pytest.mark.django_db
def test_import_articles_imports_txt_and_jsonl_skips_duplicates_and_reports_failures(tmp_path):
    (tmp_path / "dam.txt").write_text(ARTICLE, encoding="utf-8")
    lines = [
        json.dumps({"title": "Same dam", "body": ARTICLE}),  # duplicate of the .txt
        json.dumps({"title": "Port", "body": "Port news\nThe harbour master said ships wait.", "publisher": "Wire"}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": "Bad date", "body": "Another text. The mayor said so.", "published_at": "yesterday"}),
        json.dumps({"title": "NUL", "body": "bad \u0000 text"}),
        "",
    ]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(b"caf\xe9 latin-1 text")

    out, err, error = _call("import_articles", str(tmp_path))

    assert "Imported 2, skipped 1 as duplicates, failed 5." in out
    assert "batch.jsonl:3: invalid JSON" in err
    assert "batch.jsonl:4: missing 'body'" in err
    assert "batch.jsonl:5: published_at 'yesterday'" in err
    assert "batch.jsonl:6: body: The article text contains NUL bytes" in err
    assert "broken.txt: not valid UTF-8" in err
    assert error == "5 article(s) could not be imported; the rest were imported."
    # Files are read in name order: batch.jsonl brings the dam text first, so dam.txt is the duplicate.
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Port", "Same dam"]
    assert Article.objects.get(title="Port").publisher == "Wire"


@pytest.mark.django_db
def test_import_articles_handles_a_hundred_thousand_line_file(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(100_000):
            if i % 1000 == 0:
                f.write(json.dumps({"title": f"T{i}", "body": f"Story {i}\nThe mayor said budget {i} is fine."}) + "\n")
            else:
                f.write("\n" if i % 2 else "{broken\n")
    out, err, error = _call("import_articles", str(path))
    assert "Imported 100, skipped 0 as duplicates, failed 49900." in out
    assert Article.objects.count() == 100


@pytest.mark.django_db
def test_import_articles_gives_clear_errors_for_empty_huge_and_boilerplate_only_articles(tmp_path, settings):
    settings.ARTICLE_MAX_BYTES = 2 * 1024 * 1024
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("The minister said it rained. " * 400_000, encoding="utf-8")  # ~11 MB
    (tmp_path / "furniture.txt").write_text(
        "Source link\nFollow me @someone on Twitter\nScroll down to our comments section below\n", encoding="utf-8"
    )
    out, err, error = _call("import_articles", str(tmp_path))
    assert "empty.txt: body: The article text is empty." in err
    assert "huge.txt: body: The article text is larger than the limit" in err
    assert "Imported 1," in out  # boilerplate only: a sane result, an article with no claims
    assert Article.objects.get().claims.count() == 0


def test_import_articles_missing_path_is_one_readable_line():
    _, _, error = _call("import_articles", "/no/such/dir")
    assert error == "No such file or directory: /no/such/dir"


@pytest.mark.django_db
def test_reextract_keeps_annotated_claims(annotator, tmp_path):
    path = tmp_path / "dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    call_command("import_articles", str(path), stdout=StringIO(), stderr=StringIO())
    claim = Claim.objects.first()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    Claim.objects.exclude(pk=claim.pk).delete()  # pretend the old rules missed the others
    out, _, error = _call("reextract")
    assert error is None
    assert "added" in out
    assert Claim.objects.filter(pk=claim.pk, annotations__verdict=Verdict.VERIFIED).exists()
    assert Claim.objects.count() >= 2


def test_reextract_unknown_article_is_one_readable_line(db):
    _, _, error = _call("reextract", "--article", "999")
    assert error == "No article with id 999."


PAGE = (Path(__file__).parent / "extraction" / "data" / "pages" / "harbour.html").read_bytes()


def test_extract_claims_reads_web_pages_with_offsets_into_the_article_text(tmp_path):
    (tmp_path / "harbour.html").write_bytes(PAGE)
    (tmp_path / "login.htm").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    out, err, error = _call("extract_claims", str(tmp_path))
    rows = [json.loads(line) for line in out.splitlines()]
    body = read_article_text(tmp_path / "harbour.html")
    assert {r["source"] for r in rows} >= {"Ruth Abernethy", "Tom Ferris"}
    assert all(body[r["start"] : r["end"]] == r["text"] for r in rows)
    assert not any("ferry fares" in r["text"] for r in rows)
    assert "login.htm: No article text was found" in err
    assert error == "1 file(s) could not be read."


@pytest.mark.django_db
def test_import_articles_imports_a_web_page_with_its_metadata(tmp_path):
    (tmp_path / "harbour.html").write_bytes(PAGE)
    out, err, error = _call("import_articles", str(tmp_path))
    assert error is None, err
    assert "Imported 1, skipped 0 as duplicates, failed 0." in out
    article = Article.objects.get()
    assert (article.title, article.publisher, article.url) == (
        "Harbour wall to be rebuilt after storm, council says",
        "The Coastal Herald",
        "https://herald.example/news/harbour-wall-rebuilt",
    )
    assert "<p>" not in article.body
    assert Claim.objects.filter(article=article, source__name="Tom Ferris").exists()


@pytest.mark.django_db
def test_import_articles_async_queues_a_job_per_file_and_imports_nothing_here(tmp_path):
    from jobs.models import Job, JobStatus

    (tmp_path / "a.jsonl").write_text(json.dumps({"body": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out, _, error = _call("import_articles", "--async", str(tmp_path))
    assert error is None
    assert sorted(Job.objects.values_list("params__name", "status")) == [
        ("a.jsonl", JobStatus.QUEUED),
        ("b.txt", JobStatus.QUEUED),
    ]
    assert out.count("Queued ") == 2
    assert not Article.objects.exists()
