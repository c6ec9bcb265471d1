import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annotations.models import Verdict
from claims.extraction import EXTRACTOR_VERSION, ExtractedClaim
from claims.models import Article, Claim, ClaimOrigin, Source
from claims.services import (
    article_import_batch,
    article_import_records,
    article_ingest,
    article_reextract,
    articles_delete,
    claim_create,
    claim_update,
    claims_delete,
    source_resolve,
)
from matching.models import ClaimMatch
from tests.annotations.factories import AnnotationFactory
from tests.claims.factories import ArticleFactory, ClaimFactory, claims_in_one_article

pytestmark = pytest.mark.django_db

WIRE = (
    "Port reopens after storm\n"
    "The harbour authority said on Monday that the port would reopen to cargo ships by Friday.\n"
    "“We expect a full return to normal traffic within two weeks,” harbour master Anna Keller told reporters.\n"
    "Ms. Keller said damage to the eastern pier was lighter than first feared.\n"
)


def test_article_ingest_stores_article_with_claims_whose_offsets_match_the_body():
    result = article_ingest(title="Port reopens", body=WIRE, publisher="Wire")
    assert result.created
    claims = list(result.article.claims.all())
    assert result.claims_created == len(claims) >= 2
    for claim in claims:
        assert result.article.body[claim.start : claim.end] == claim.text
    keller = [c for c in claims if c.source and c.source.name == "Anna Keller"]
    assert len(keller) >= 2, [(c.text, c.source) for c in claims]


def test_article_ingest_stores_the_rule_and_extractor_version_of_each_claim():
    article = article_ingest(title="Port reopens", body=WIRE, publisher="Wire").article
    rules = {c.text: c.extraction_rule for c in article.claims.all()}
    assert rules["the port would reopen to cargo ships by Friday"] == "cue-verb-that"
    assert rules["We expect a full return to normal traffic within two weeks"] == "cue-verb-postposed"
    assert {c.extractor_version for c in article.claims.all()} == {EXTRACTOR_VERSION}


def test_article_ingest_same_text_twice_is_one_article():
    first = article_ingest(title="A", body=WIRE)
    again = article_ingest(title="Another title", body=WIRE.replace("\n", "\r\n") + "\n\n")
    assert not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert Claim.objects.count() == first.claims_created


def test_article_ingest_keeps_body_exactly_as_given():
    body = "  Title line\r\nThe mayor said “the bridge is safe”.\r\n"
    article = article_ingest(body=body).article
    assert Article.objects.get(pk=article.pk).body == body
    assert article.title == "Title line"


@pytest.mark.parametrize(
    ("body", "url", "field"),
    [
        ("", "", "body"),
        ("   \n  ", "", "body"),
        ("Text with a NUL \x00 byte", "", "body"),
        ("Fine text", "javascript:alert(1)", "url"),
        ("Fine text", "ftp://example.org/file", "url"),
    ],
)
def test_article_ingest_rejects_bad_input_with_a_field_error_and_writes_nothing(body, url, field):
    with pytest.raises(ValidationError) as error:
        article_ingest(title="T", body=body, url=url)
    assert field in error.value.message_dict
    assert Article.objects.count() == 0


def test_article_ingest_rejects_text_over_the_size_limit(settings):
    settings.ARTICLE_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        article_ingest(title="T", body="The minister said it was fine. " * 100)
    assert "limit" in error.value.message_dict["body"][0]


def test_article_ingest_refuses_a_second_text_under_a_known_url():
    article_ingest(title="A", body=WIRE, url="https://news.example/port")
    with pytest.raises(ValidationError) as error:
        article_ingest(title="B", body="Another text entirely.", url="https://news.example/port")
    assert "url" in error.value.message_dict
    assert Article.objects.count() == 1


def test_claim_create_refuses_text_that_does_not_match_the_offsets():
    article = ArticleFactory(body="Headline\nThe minister said the plan works.")
    with pytest.raises(ValidationError) as error:
        claim_create(article=article, start=9, end=21, text="The minister said")
    assert "text" in error.value.message_dict
    with pytest.raises(ValidationError):
        claim_create(article=article, start=30, end=999)


def test_claim_create_takes_text_from_offsets_and_records_who():
    article = ArticleFactory(body="Headline\nThe minister said the plan works.")
    claim = claim_create(article=article, start=27, end=41, created_by=None)
    assert claim.text == "the plan works"
    assert claim.origin == ClaimOrigin.MANUAL


def test_source_resolve_merges_name_variants_into_one_source():
    full = source_resolve(name="Dmitry Peskov", kind="person", mention="Kremlin spokesman Dmitry Peskov")
    assert source_resolve(name="Mr. Peskov", kind="person", mention="Mr. Peskov") == full
    assert source_resolve(name="Peskov", kind="person", mention="Peskov") == full
    assert source_resolve(name="Kremlin spokesman Dmitry Peskov", kind="person") == full
    full.refresh_from_db()
    assert full.name == "Dmitry Peskov"
    assert "Mr. Peskov" in full.aliases
    assert Source.objects.count() == 1


def test_source_resolve_upgrades_a_surname_only_source_to_the_full_name():
    bare = source_resolve(name="Kirby", kind="person")
    full = source_resolve(name="John Kirby", kind="person")
    assert full.pk == bare.pk
    assert full.name == "John Kirby"
    assert "Kirby" in full.aliases


def test_source_resolve_keeps_organisations_apart_from_people():
    kremlin = source_resolve(name="Kremlin", kind="government", mention="the Kremlin")
    assert kremlin.kind == "government"
    assert source_resolve(name="Dmitry Peskov", kind="person") != kremlin


def _extracted(body, fragment, source="Anna Keller"):
    start = body.index(fragment)
    return ExtractedClaim(
        text=fragment,
        start=start,
        end=start + len(fragment),
        source=source,
        source_mention=source,
        source_kind="person",
        cue="said",
        is_direct_quote=False,
        confidence=0.9,
    )


def test_article_reextract_keeps_annotated_claims_drops_stale_ones_and_adds_new(monkeypatch, annotator):
    body = "Headline\nKeller said the port is open. Keller said ships wait. Keller said prices rise."
    rules_v1 = [_extracted(body, "the port is open"), _extracted(body, "ships wait")]
    monkeypatch.setattr("claims.services.extract_claims", lambda text: rules_v1)
    article = article_ingest(body=body).article
    labelled = article.claims.get(text="the port is open")
    AnnotationFactory(claim=labelled, annotator=annotator, verdict=Verdict.DISPUTED)

    rules_v2 = [_extracted(body, "prices rise")]
    monkeypatch.setattr("claims.services.extract_claims", lambda text: rules_v2)
    result = article_reextract(article=article)

    texts = sorted(article.claims.values_list("text", flat=True))
    assert texts == ["prices rise", "the port is open"]
    assert (result.added, result.removed, result.kept_with_human_input) == (1, 1, 1)
    labelled.refresh_from_db()
    assert labelled.annotations.get().verdict == Verdict.DISPUTED
    assert list(article.claims.order_by("position").values_list("text", flat=True)) == [
        "the port is open",
        "prices rise",
    ]


@pytest.mark.parametrize("when", ["2024-05-01T08:00:00+20:22", "0001-01-01T00:00:00+05:00"])
def test_article_ingest_refuses_a_publication_time_no_database_can_store(when):
    from datetime import datetime

    with pytest.raises(ValidationError) as error:
        article_ingest(title="T", body="Headline\nThe mayor said so.", published_at=datetime.fromisoformat(when))
    assert "published_at" in error.value.message_dict
    assert Article.objects.count() == 0


def test_extracted_claims_have_their_first_history_record(admin_user):
    result = article_ingest(
        body="Floods\n“The dam is safe,” the regional governor said on Sunday.\n", created_by=admin_user
    )
    claim = result.article.claims.get()
    [record] = claim.history.all()
    assert (record.history_type, record.text, record.history_user_id) == ("+", claim.text, admin_user.pk)


def test_claim_create_takes_a_browsers_crlf_line_break_as_the_articles_newline():
    article = ArticleFactory(body="Heading\nThe minister said the dam\nis safe.\n")
    start = article.body.index("the dam")
    end = article.body.index("safe.") + len("safe.")
    claim = claim_create(article=article, start=start, end=end, text="the dam\r\nis safe.")
    assert claim.text == "the dam\nis safe."


# ---- claim_update: fixing a claim in place ---------------------------------------------------------------------


def _wire_claim(text: str, **kwargs) -> Claim:
    article = ArticleFactory(body=WIRE)
    start = WIRE.index(text)
    return claim_create(article=article, start=start, end=start + len(text), **kwargs)


def test_claim_update_moves_the_span_and_takes_the_text_from_the_article(reviewer):
    claim = _wire_claim("the port would reopen to cargo ships by Friday")
    start = WIRE.index("the port would reopen to cargo ships")
    result = claim_update(claim=claim, user=reviewer, start=start, end=start + len("the port would reopen"))
    claim.refresh_from_db()
    assert claim.text == "the port would reopen"
    assert result.changed == ("end", "text")
    assert result.text_changed_materially
    record = claim.history.latest()
    assert (record.text, record.history_user) == ("the port would reopen", reviewer)


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 5, "start"), (10, 10, "start"), (0, len(WIRE) + 1, "start"), (len("Port reopens after storm"), 25, "start")],
)
def test_claim_update_refuses_offsets_outside_the_text_or_blank(reviewer, start, end, field):
    claim = _wire_claim("the port would reopen to cargo ships by Friday")
    with pytest.raises(ValidationError) as raised:
        claim_update(claim=claim, user=reviewer, start=start, end=end)
    assert field in raised.value.message_dict
    claim.refresh_from_db()
    assert claim.text == "the port would reopen to cargo ships by Friday"


def test_claim_update_refuses_the_span_of_another_claim(reviewer):
    claim = _wire_claim("the port would reopen to cargo ships by Friday")
    other_text = "damage to the eastern pier was lighter than first feared"
    other = claim_create(article=claim.article, start=WIRE.index(other_text), end=WIRE.index(other_text) + 56)
    with pytest.raises(ValidationError, match="Another claim"):
        claim_update(claim=claim, user=reviewer, start=other.start, end=other.end)


def test_claim_update_edge_over_punctuation_is_not_a_material_change(reviewer):
    claim = _wire_claim("the port would reopen to cargo ships by Friday")
    result = claim_update(claim=claim, user=reviewer, end=claim.end + 1)  # takes in the full stop
    assert result.claim.text.endswith("Friday.")
    assert not result.text_changed_materially


def test_claim_update_new_source_keeps_the_mention_as_an_alias(reviewer):
    claim = _wire_claim("damage to the eastern pier was lighter than first feared")
    result = claim_update(
        claim=claim, user=reviewer, new_source_name="Anna Keller", source_kind="person", source_mention="Ms. Keller"
    )
    assert result.claim.source.name == "Anna Keller"
    assert "Ms. Keller" in result.claim.source.aliases
    assert set(result.changed) == {"source", "source_mention"}


def test_claim_update_refuses_a_cue_too_long_and_changes_nothing(reviewer):
    claim = _wire_claim("the port would reopen to cargo ships by Friday", cue="said")
    with pytest.raises(ValidationError) as raised:
        claim_update(claim=claim, user=reviewer, cue="x" * 101, start=claim.start + 4)
    assert "cue" in raised.value.message_dict
    claim.refresh_from_db()
    assert (claim.cue, claim.text) == ("said", "the port would reopen to cargo ships by Friday")


BATCH = [
    # A surname first, its full name later (the row grows), a person known by surname, an export record with
    # claims given, the same text twice, a URL twice, and a record that fails its checks.
    {"title": "Storm", "body": "Keller said the port would reopen by Friday.\nThe harbour authority said cargo waits."},
    {"body": WIRE, "url": "https://wire.example/port"},
    {"body": "Harbour master Anna Keller said on Monday that two cranes were lost.", "publisher": "Post"},
    {"body": "Ms. Keller said the eastern pier would be rebuilt.\nThe mayor said ferries sail again."},
    {"body": WIRE},
    {"body": "The mayor said the storm cost two million euros.", "url": "https://wire.example/port"},
    {"body": "", "title": "Empty"},
    {
        "body": "Kirby told reporters that talks would resume.",
        "claims": [
            {"text": "talks would resume", "start": 26, "end": 44, "source": {"name": "John Kirby", "kind": "person"}}
        ],
    },
    {"body": "The harbour authority said cargo ships were waiting outside the port for a second day."},
]


def _records():
    from claims.importers import ImportFileError, record_from_object

    records = [record_from_object(item, f"batch.jsonl:{n}") for n, item in enumerate(BATCH, start=1)]
    return [*records[:3], ImportFileError("batch.jsonl:4: invalid JSON"), *records[3:]]


def _stored() -> dict:
    """What an import leaves, by content rather than by id."""
    return {
        "articles": sorted(Article.objects.values_list("title", "url", "publisher")),
        "sources": sorted((s.name, s.kind, s.key, tuple(sorted(s.aliases))) for s in Source.objects.all()),
        "claims": sorted(Claim.objects.values_list("article__title", "start", "end", "source__key", "position")),
        "first_history": Claim.history.filter(history_type="+").count(),
        "matches": sorted(ClaimMatch.objects.values_list("claim__text", "other__text", "relation", "score", "status")),
    }


def test_article_import_batch_stores_what_one_by_one_would():
    one_by_one = article_import_records(records=_records())
    expected = _stored()
    assert expected["first_history"] == len(expected["claims"]) >= 8
    assert expected["matches"]  # the batch has claims alike across articles
    ClaimMatch.objects.all().delete()
    Article.objects.all().delete()
    Source.objects.all().delete()
    batch = article_import_batch(records=_records())
    assert (batch.created, batch.existing, batch.claims) == (one_by_one.created, one_by_one.existing, one_by_one.claims)
    assert (
        batch.errors
        == one_by_one.errors
        == [
            "batch.jsonl:4: invalid JSON",
            "batch.jsonl:6: url: Another article with this URL already exists.",
            "batch.jsonl:7: body: The article text is empty.",
        ]
    )
    assert _stored() == {**expected, "first_history": expected["first_history"] * 2}  # history outlives its rows


def test_article_import_batch_again_adds_nothing():
    first = article_import_batch(records=_records())
    stored = _stored()
    again = article_import_batch(records=_records())
    assert (again.created, again.existing, again.claims) == (0, first.created + first.existing, 0)
    assert _stored() == stored


def test_claims_delete_numbers_the_rest_again_keeps_the_deletion_in_history_and_is_for_admins(reviewer, admin_user):
    first, second, third = claims_in_one_article(3)
    with pytest.raises(PermissionDenied):
        claims_delete(claims=[second], user=reviewer)
    assert claims_delete(claims=[Claim.objects.get(pk=second.pk)], user=admin_user) == 1
    rest = Claim.objects.filter(article=first.article).order_by("position")
    assert [(claim.pk, claim.position) for claim in rest] == [(first.pk, 0), (third.pk, 1)]
    assert Claim.history.get(id=second.pk, history_type="-").history_user == admin_user


def test_articles_delete_takes_their_claims_and_labels_and_is_for_admins(reviewer, admin_user, annotator):
    claim, kept = ClaimFactory(), ClaimFactory()
    AnnotationFactory(claim=claim, annotator=annotator)
    with pytest.raises(PermissionDenied):
        articles_delete(articles=[claim.article], user=reviewer)
    assert articles_delete(articles=[claim.article], user=admin_user) == 1
    assert list(Claim.objects.all()) == [kept]
    assert list(Article.objects.all()) == [kept.article]
