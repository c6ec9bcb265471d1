"""Claims imported with their labels and adjudications (annotations.services.article_ingest_labelled): the round
trip of articles.jsonl?claims=true, for admins only, all or nothing per article."""

import io
import json
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations.models import Adjudication, Annotation, Verdict
from annotations.services import annotation_submit, claim_adjudicate, claim_labels_validate
from claims.models import Article, Claim, ClaimStatus, Source, SourceKind
from claims.services import claim_flag
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def _call(*args) -> tuple[str, str, str | None]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), str(error)
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def project(annotator, second_annotator, reviewer):
    """An agreed claim, an adjudicated one, one with one label, an unlabelled one, one after an emoji; the one with a
    label and the unlabelled one are flagged as not a claim."""
    article = ArticleFactory(url="https://example.org/a", published_at=datetime(2025, 1, 2, 8, tzinfo=UTC))
    agreed = ClaimFactory(article=article, source=SourceFactory(name="Ministry", kind=SourceKind.GOVERNMENT))
    adjudicated = ClaimFactory(source=None, source_mention="")
    single = ClaimFactory()
    unlabelled = ClaimFactory()
    emoji = ArticleFactory(body="Emoji 🎉 title\nThe mayor said “🚀 launches doubled” on Monday.\n")
    start = emoji.body.index("🚀")
    after_emoji = ClaimFactory(article=emoji, start=start, end=start + 17, text=emoji.body[start : start + 17])
    annotation_submit(claim=agreed, annotator=annotator, verdict=Verdict.VERIFIED, note="Фото «ТАСС»")
    annotation_submit(
        claim=agreed, annotator=second_annotator, verdict=Verdict.VERIFIED, evidence_url="https://example.org/e"
    )
    annotation_submit(claim=adjudicated, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=adjudicated, annotator=second_annotator, verdict=Verdict.DISPUTED)
    claim_adjudicate(claim=adjudicated, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Contradicted by X.")
    annotation_submit(claim=single, annotator=annotator, verdict=Verdict.UNVERIFIED, note="one so far")
    annotation_submit(claim=after_emoji, annotator=reviewer, verdict=Verdict.DISPUTED)
    claim_flag(claim=single, user=annotator)
    claim_flag(claim=unlabelled, user=reviewer)


def _state() -> list[tuple]:
    """Everything a claim is and everything people said about it, in a form two instances can compare."""
    rows = []
    for claim in Claim.objects.select_related("article", "source", "adjudication__reviewer"):
        labels = sorted(
            (a.annotator.username, a.verdict, a.note, a.evidence_url, a.created_at)
            for a in Annotation.objects.filter(claim=claim).select_related("annotator")
        )
        adjudication = getattr(claim, "adjudication", None)
        rows.append(
            (
                claim.article.body,
                claim.article.title,
                claim.article.url,
                claim.text,
                claim.start,
                claim.end,
                (claim.source.name, claim.source.kind) if claim.source else None,
                claim.source_mention,
                claim.cue,
                claim.is_direct_quote,
                claim.is_flagged_not_claim,
                labels,
                (claim.label_count, claim.status, claim.consensus_verdict),
                (adjudication.reviewer.username, adjudication.verdict, adjudication.rationale, adjudication.created_at)
                if adjudication
                else None,
            )
        )
    return sorted(rows, key=repr)


def _export(user) -> bytes:
    response = _client_for(user).get(reverse("api:export-articles-jsonl"), {"claims": "true"})
    assert response.status_code == HTTPStatus.OK
    return b"".join(response.streaming_content)


def _fresh_instance() -> None:
    """What another instance with the same accounts looks like before the import: no articles, claims or sources."""
    Article.objects.all().delete()
    Source.objects.all().delete()
    assert not Annotation.objects.exists()
    assert not Adjudication.objects.exists()


def _records(data: bytes) -> list[dict]:
    return [row for row in map(json.loads, data.decode().splitlines()) if "_end" not in row]


def test_an_export_with_labels_imported_by_the_operator_reproduces_every_claim_label_and_adjudication(
    project, reviewer, tmp_path
):
    before = _state()
    path = tmp_path / "articles.jsonl"
    path.write_bytes(_export(reviewer))
    _fresh_instance()

    out, err, error = _call("import_articles", str(path))

    assert error is None, err
    assert "Imported 5, skipped 0 as duplicates, failed 0." in out
    assert _state() == before
    assert Annotation.objects.count() == 6
    assert Claim.objects.filter(is_flagged_not_claim=True).count() == 2
    out, _, error = _call("check_consensus")
    assert error is None
    assert "match its labels" in out
    # Each imported label and adjudication starts its history here, marked as imported (by nobody: the operator).
    for model in (Annotation, Adjudication):
        history = model.history.filter(history_change_reason="imported")
        assert sorted(history.values_list("id", "history_type", "history_user")) == sorted(
            (pk, "+", None) for pk in model.objects.values_list("pk", flat=True)
        )


def test_an_admin_posting_an_exported_article_gets_its_claims_labels_and_adjudication(project, reviewer, admin_user):
    before = _state()
    records = _records(_export(reviewer))
    _fresh_instance()
    client = _client_for(admin_user)
    for record in records:
        response = client.post(reverse("api:article-list"), record, format="json")
        assert response.status_code == HTTPStatus.CREATED, response.json()
    assert _state() == before
    adjudicated = Claim.objects.get(status=ClaimStatus.ADJUDICATED)
    response = client.get(reverse("api:claim-detail", args=[adjudicated.pk]))
    assert response.json()["adjudication"]["rationale"] == "Contradicted by X."
    imported = Annotation.history.filter(history_change_reason="imported")
    assert imported.count() == 6
    assert set(imported.values_list("history_user__username", flat=True)) == {"boss"}


def test_a_reviewer_posting_claims_with_labels_is_refused_and_nothing_is_stored(project, reviewer):
    record = next(r for r in _records(_export(reviewer)) if any(c["annotations"] for c in r["claims"]))
    _fresh_instance()
    response = _client_for(reviewer).post(reverse("api:article-list"), record, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    labelled = [str(i) for i, claim in enumerate(record["claims"]) if claim["annotations"] or claim["adjudication"]]
    assert response.json() == {
        "claims": [
            f"claim{'s' if len(labelled) > 1 else ''} {', '.join(labelled)} "
            f"{'carry' if len(labelled) > 1 else 'carries'} labels or an adjudication, and only admins may import "
            "them; leave out `annotations` and `adjudication` to import the claims alone"
        ]
    }
    assert not Article.objects.exists()


def test_a_reviewer_may_post_the_same_claims_without_their_labels(project, reviewer):
    record = next(r for r in _records(_export(reviewer)) if any(c["annotations"] for c in r["claims"]))
    _fresh_instance()
    for claim in record["claims"]:
        claim["annotations"], claim["adjudication"] = [], None  # what an unlabelled claim's record says
    response = _client_for(reviewer).post(reverse("api:article-list"), record, format="json")
    assert response.status_code == HTTPStatus.CREATED
    assert len(response.json()["claims"]) == len(record["claims"])
    assert not Annotation.objects.exists()


def test_an_unknown_annotator_is_a_400_naming_the_claim_and_field_and_nothing_is_written(project, reviewer, admin_user):
    record = next(r for r in _records(_export(reviewer)) if any(c["adjudication"] for c in r["claims"]))
    _fresh_instance()
    index = next(i for i, claim in enumerate(record["claims"]) if claim["adjudication"])
    record["claims"][index]["annotations"][1]["annotator"] = "nobody"
    record["claims"][index]["adjudication"]["reviewer"] = "ann"  # an annotator, not a reviewer
    response = _client_for(admin_user).post(reverse("api:article-list"), record, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "claims": [
            f"claim {index}: `annotations` 1: `annotator`: no user named 'nobody' here (create the account first)",
            f"claim {index}: `adjudication`: `reviewer`: 'ann' is not a reviewer here",
        ]
    }
    assert not Article.objects.exists()
    assert not Claim.objects.exists()
    assert not Annotation.objects.exists()


def test_the_command_reports_an_unknown_annotator_by_line_exits_non_zero_and_imports_the_other_articles(
    project, reviewer, tmp_path
):
    lines = _export(reviewer).decode().splitlines()
    bad = next(n for n, line in enumerate(lines) if '"annotator":"ann2"' in line)
    lines[bad] = lines[bad].replace('"annotator":"ann2"', '"annotator":"ghost"')
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _fresh_instance()

    out, err, error = _call("import_articles", str(path))

    assert error == "1 article(s) could not be imported; the rest were imported."
    assert f"articles.jsonl:{bad + 1}: claims: claim 0: `annotations` 1: `annotator`: no user named 'ghost'" in err
    assert "Imported 4, skipped 0 as duplicates, failed 1." in out
    bad_body = json.loads(lines[bad])["body"]
    assert not Article.objects.filter(body=bad_body).exists()
    assert Article.objects.count() == 4


def test_import_as_a_reviewer_refuses_labelled_articles_per_line_unless_labels_are_left_out(
    project, reviewer, tmp_path
):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(_export(reviewer))
    _fresh_instance()

    out, err, error = _call("import_articles", "--as", "rev", str(path))
    assert error == "4 article(s) could not be imported; the rest were imported."
    assert err.count("only admins may import them") == 4
    assert Article.objects.count() == 1  # the article whose claim carries no label
    assert Claim.objects.get().is_flagged_not_claim  # claim data: it comes along without an admin

    out, err, error = _call("import_articles", "--as", "rev", "--without-labels", str(path))
    assert error is None, err
    assert "Imported 4, skipped 1 as duplicates, failed 0." in out
    assert Claim.objects.count() == 5
    assert not Annotation.objects.exists()
    assert Claim.objects.filter(is_flagged_not_claim=True).count() == 2
    assert set(Article.objects.values_list("created_by__username", flat=True)) == {"rev"}


def test_import_as_an_unknown_user_or_one_who_cannot_add_articles_is_one_readable_line(annotator, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Title\nThe mayor said so.\n", encoding="utf-8")
    assert _call("import_articles", "--as", "nobody", str(path))[2] == "No user named 'nobody'."
    assert _call("import_articles", "--as", "ann", str(path))[2] == (
        "'ann' cannot add articles (make them a reviewer or an admin)."
    )
    assert not Article.objects.exists()


def _record(**label) -> dict:
    return {"text": "x", "start": 0, "end": 1, "annotations": [{"annotator": "ann", "verdict": "verified", **label}]}


@pytest.mark.parametrize(
    ("claim", "message"),
    [
        (
            _record(verdict="maybe"),
            "claim 0: `annotations` 0: `verdict`: Choose one of: verified, disputed, unverified.",
        ),
        (_record(note=7), "claim 0: `annotations` 0: `note` must be text"),
        (_record(evidence_url="ftp://x"), "claim 0: `annotations` 0: `evidence_url`: Enter a valid http or https URL."),
        (_record(created_at="yesterday"), "claim 0: `annotations` 0: `created_at` must be an ISO 8601 date-time"),
        (_record(colour="red"), "claim 0: `annotations` 0: unknown field(s): colour"),
        (_record(annotator=None), "claim 0: `annotations` 0: `annotator` must be a user name"),
        ({"annotations": "verified"}, "claim 0: `annotations` must be a list of labels"),
        (
            {"adjudication": {"reviewer": "rev", "verdict": "verified", "rationale": " "}},
            "claim 0: `adjudication`: `rationale`: Say why: the rationale is kept with the verdict.",
        ),
        (
            {"annotations": [{"annotator": "ann", "verdict": "verified"}, {"annotator": "ann", "verdict": "disputed"}]},
            "claim 0: `annotations` 1: a second label by 'ann'",
        ),
    ],
)
def test_labels_are_checked_as_the_services_check_them_and_every_problem_is_named(annotator, reviewer, claim, message):
    with pytest.raises(ValidationError) as raised:
        claim_labels_validate(claims=[claim])
    assert raised.value.message_dict == {"claims": [message]}


def test_an_imported_label_keeps_when_it_was_given_and_its_claim_counts_as_changed_now(admin_user, annotator):
    body = "Headline\nThe minister said that taxes will fall.\n"
    start = body.index("taxes")
    given = "2024-03-01T10:00:00+00:00"
    claim = {"text": "taxes will fall", "start": start, "end": start + 15}
    claim["annotations"] = [{"annotator": "ann", "verdict": "disputed", "created_at": given, "updated_at": given}]
    response = _client_for(admin_user).post(reverse("api:article-list"), {"body": body, "claims": [claim]}, "json")
    assert response.status_code == HTTPStatus.CREATED
    label = Annotation.objects.get()
    assert label.created_at == datetime(2024, 3, 1, 10, tzinfo=UTC)
    assert label.updated_at > label.created_at
    stored = Claim.objects.get()
    assert stored.updated_at >= label.updated_at  # an incremental sync of this instance sees the imported claim
    assert (stored.status, stored.label_count) == (ClaimStatus.IN_PROGRESS, 1)


def test_a_labelled_article_already_here_is_skipped_whole(admin_user, annotator):
    body = "Headline\nThe minister said that taxes will fall.\n"
    start = body.index("taxes")
    claim = {"text": "taxes will fall", "start": start, "end": start + 15}
    client = _client_for(admin_user)
    assert client.post(reverse("api:article-list"), {"body": body, "claims": [claim]}, "json").status_code == 201
    claim["annotations"] = [{"annotator": "ann", "verdict": "disputed"}]
    response = client.post(reverse("api:article-list"), {"body": body, "claims": [claim]}, "json")
    assert response.status_code == HTTPStatus.OK
    assert not Annotation.objects.exists()


def test_a_username_is_mapped_to_this_instances_account_whatever_its_id(annotator, admin_user):
    UserFactory.create_batch(3)  # ids differ from the exporting instance's
    body = "Headline\nThe minister said that taxes will fall.\n"
    start = body.index("taxes")
    claim = {"text": "taxes will fall", "start": start, "end": start + 15, "annotations": []}
    claim["annotations"].append({"id": 999, "annotator": "ann", "verdict": "verified", "note": "", "evidence_url": ""})
    response = _client_for(admin_user).post(reverse("api:article-list"), {"body": body, "claims": [claim]}, "json")
    assert response.status_code == HTTPStatus.CREATED
    assert Annotation.objects.get().annotator == annotator
