"""What an integration engineer has: the README and the OpenAPI schema. The typed client openapi-python-client
generates from the schema, and README's sync examples as they are written, run against a live server."""

import importlib
import json
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from rest_framework.authtoken.models import Token

from annotations.models import Verdict
from annotations.services import annotation_submit, claim_adjudicate
from core.roles import ANNOTATOR, REVIEWER
from tests.claims.factories import ClaimFactory, SourceFactory

pytest.importorskip("openapi_python_client", reason="openapi-python-client comes with the dev extra (make install)")

# The live server answers from its own thread, so the tests that call it commit (transactional). Not serialised:
# tests/web sorts after tests/jobs, so these are the last transactional tests, and their flush (which recreates
# content types) cannot collide with a serialised test's reload. The flush removes the role groups, which come from
# a data migration: made again here when missing.
live = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = "claimdesk_client"
# The streamed JSON lines exports: a media type the generator cannot parse (it leaves their 200 body to the caller).
JSONL_EXPORTS = {"/api/export/claims.jsonl", "/api/export/articles.jsonl", "/api/export/claimreview.jsonl"}


def readme_block(marker: str) -> str:
    """The README's Python example containing `marker`, exactly as a reader copies it."""
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), flags=re.S)
    [block] = [block for block in blocks if marker in block]
    return block


def run_readme_block(marker: str, base_url: str, **names) -> dict:
    code = readme_block(marker).replace("http://127.0.0.1:8000", base_url)
    namespace = dict(names)
    exec(compile(code, "README.md", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The client generated as README says, importable as `claimdesk_client` for this module's tests."""
    folder = tmp_path_factory.mktemp("client")
    schema = folder / "schema.yml"
    call_command("spectacular", "--file", str(schema))
    tools = Path(sys.executable).parent  # the generator and the ruff it formats its output with
    run = subprocess.run(
        [
            str(tools / "openapi-python-client"),
            "generate",
            "--path",
            str(schema),
            "--config",
            str(ROOT / "docs" / "openapi-python-client.yml"),
            "--meta",
            "none",
            "--output-path",
            str(folder / PACKAGE),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"},
        timeout=600,
        check=False,
    )
    sys.path.insert(0, str(folder))
    yield {"folder": folder / PACKAGE, "schema": yaml.safe_load(schema.read_text()), "run": run}
    sys.path.remove(str(folder))
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_the_schema_generates_a_client_with_every_operation_and_no_warning_but_the_json_lines_bodies(generated):
    run = generated["run"]
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert set(re.findall(r"WARNING parsing GET (\S+) within", output)) == JSONL_EXPORTS, output
    assert output.count("WARNING") == len(JSONL_EXPORTS), output
    assert output.count("(Unsupported content_type application/x-ndjson), response will be omitted") == 3
    operations = {
        operation["operationId"]
        for methods in generated["schema"]["paths"].values()
        for operation in methods.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    modules = {path.stem for path in (generated["folder"] / "api").glob("*/*.py")}
    assert operations <= modules, operations - modules  # no operation was dropped


@pytest.fixture
def roles(transactional_db):
    for name in (ANNOTATOR, REVIEWER):
        Group.objects.get_or_create(name=name)


@pytest.fixture
def changes(roles, annotator, second_annotator, reviewer):
    """Two claims before `since`; after it one of them is labelled and adjudicated and a third one is added."""
    kept = ClaimFactory()
    settled = ClaimFactory(source=SourceFactory(name="Ministry", kind="government"))
    since = timezone.now()
    annotation_submit(claim=settled, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=settled, annotator=second_annotator, verdict=Verdict.DISPUTED)
    claim_adjudicate(claim=settled, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="The figures say so.")
    added = ClaimFactory()
    return {"since": since, "kept": kept, "settled": settled, "added": added}


@pytest.fixture
def token(roles, reviewer) -> str:
    return Token.objects.create(user=reviewer).key


@live
def test_the_generated_client_lists_changed_claims_page_by_page_and_fetches_one_typed(
    generated, live_server, changes, token, settings
):
    settings.CLAIMDESK_PUBLIC_URL = "https://factcheck.example.org"
    client_module = importlib.import_module(PACKAGE)
    claims_list = importlib.import_module(f"{PACKAGE}.api.claims.claims_list")
    claims_retrieve = importlib.import_module(f"{PACKAGE}.api.claims.claims_retrieve")
    claims_claimreview = importlib.import_module(f"{PACKAGE}.api.claims.claims_claimreview")
    models = importlib.import_module(f"{PACKAGE}.models")
    client = client_module.AuthenticatedClient(base_url=live_server.url, token=token, prefix="Token")

    first = claims_list.sync(client=client, updated_after=changes["since"], page_size=1)
    assert isinstance(first, models.PaginatedClaimList)
    [cursor] = parse_qs(urlsplit(first.next_).query)["cursor"]
    second = claims_list.sync(client=client, updated_after=changes["since"], page_size=1, cursor=cursor)
    assert [c.id for c in first.results + second.results] == [changes["settled"].pk, changes["added"].pk]
    assert second.next_ is None

    claim = claims_retrieve.sync(client=client, id=changes["settled"].pk)
    assert isinstance(claim, models.ClaimDetail)
    settled = changes["settled"]
    assert (claim.text, claim.start, claim.end) == (settled.text, settled.start, settled.end)
    assert isinstance(claim.updated_at, datetime)
    assert claim.updated_at > changes["since"]
    assert claim.source.name == "Ministry"
    assert claim.source.kind == models.SourceKindEnum.GOVERNMENT
    assert claim.verdict == models.VerdictEnum.DISPUTED
    assert claim.status == models.ClaimStatusEnum.ADJUDICATED
    assert claim.adjudication.rationale == "The figures say so."
    assert {label.verdict for label in claim.annotations} == {models.VerdictEnum.DISPUTED, models.VerdictEnum.VERIFIED}

    review = claims_claimreview.sync(client=client, id=settled.pk)
    assert isinstance(review, models.ClaimReview)
    assert (review.type_, review.review_rating.rating_value, review.review_body) == (
        "ClaimReview",
        1,
        "The figures say so.",
    )
    assert review.url == f"https://factcheck.example.org/claims/{settled.pk}/"
    assert review.item_reviewed.author.name == "Ministry"
    with client.get_httpx_client().stream("GET", "/api/export/claimreview.jsonl") as response:
        *lines, end = [json.loads(line) for line in response.iter_lines() if line]
    assert [models.ClaimReview.from_dict(line).to_dict() for line in lines] == [review.to_dict()]
    assert models.ExportTrailer.from_dict(end).field_end.rows == 1

    bearer = client_module.AuthenticatedClient(base_url=live_server.url, token=token)  # the generator's default prefix
    assert claims_list.sync_detailed(client=bearer).status_code == 401


@live
def test_readmes_typed_client_example_runs_and_reads_export_records_as_typed_objects(
    generated, live_server, changes, token
):
    names = run_readme_block("AuthenticatedClient", live_server.url, TOKEN=token, since=changes["since"])
    assert [claim.id for claim in names["changed"]] == [changes["settled"].pk, changes["added"].pk]
    assert names["claim"].adjudication.rationale == "The figures say so."
    records, trailer = names["records"], names["trailer"]
    assert [record.id for record in records] == [changes["settled"].pk, changes["added"].pk]
    assert records[0].adjudication.rationale == "The figures say so."
    assert records[0].article.title == changes["settled"].article.title
    assert records[0].verdict == "disputed"
    assert isinstance(records[0].updated_at, datetime)
    assert [label.annotator for label in records[0].annotations] == ["ann", "ann2"]
    assert trailer.field_end.rows == 2


@live
def test_readmes_ten_line_httpx_sync_gets_everything_then_exactly_what_changed(
    live_server, changes, token, tmp_path, monkeypatch, reviewer
):
    monkeypatch.chdir(tmp_path)  # the example keeps its state in ./claimdesk.as_of
    synced: list[dict] = []
    run_readme_block("httpx.stream", live_server.url, TOKEN=token, upsert=synced.extend)
    assert sorted(row["id"] for row in synced) == sorted(
        c.pk for c in (changes["kept"], changes["settled"], changes["added"])
    )

    synced.clear()
    claim_adjudicate(claim=changes["kept"], reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="Checked.")
    run_readme_block("httpx.stream", live_server.url, TOKEN=token, upsert=synced.extend)
    assert [(row["id"], row["adjudication"]["rationale"]) for row in synced] == [(changes["kept"].pk, "Checked.")]
