import base64
import json
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.fields import DateTimeField
from rest_framework.test import APIClient

from annotations.models import Adjudication, Verdict
from annotations.services import annotation_submit, claim_adjudicate
from claims.models import Article, Claim, SourceKind
from core.exception_handlers import api_exception_handler
from matching.models import ClaimMatch, MatchStatus
from tests.claims.factories import ArticleFactory, ClaimFactory, SourceFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ARTICLE_TEXT = (
    "Overnight drone attack on the region\n"
    "The ministry said on Tuesday that 40 drones were shot down overnight.\n"
    "According to the governor, two people were injured in the strike.\n"
)


def _dt(value):
    return DateTimeField().to_representation(value) if value else None


def _client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


@pytest.fixture
def users(annotator, second_annotator, reviewer, admin_user):
    return {"anonymous": None, "annotator": annotator, "reviewer": reviewer, "admin": admin_user}


def _article_payload(article):
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "publisher": article.publisher,
        "published_at": _dt(article.published_at),
        "language": article.language,
        "created_at": _dt(article.created_at),
        "updated_at": _dt(article.updated_at),
    }


def _article_claim_payload(claim):
    return {
        "id": claim.pk,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "source": {"id": claim.source.pk, "name": claim.source.name, "kind": claim.source.kind}
        if claim.source
        else None,
        "source_mention": claim.source_mention,
        "cue": claim.cue,
        "is_direct_quote": claim.is_direct_quote,
        "position": claim.position,
        "created_at": _dt(claim.created_at),
        "updated_at": _dt(claim.updated_at),
    }


def _claim_payload(claim, *, annotations=(), hidden=False):
    claim.refresh_from_db()
    article = claim.article
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
        "source": {"id": claim.source.pk, "name": claim.source.name, "kind": claim.source.kind},
        "source_mention": claim.source_mention,
        "cue": claim.cue,
        "is_direct_quote": claim.is_direct_quote,
        "confidence": claim.confidence,
        "position": claim.position,
        "origin": claim.origin,
        "is_flagged_not_claim": claim.is_flagged_not_claim,
        "created_at": _dt(claim.created_at),
        "updated_at": _dt(claim.updated_at),
        "label_count": None if hidden else claim.label_count,
        "status": None if hidden else claim.status,
        "verdict": None if hidden else (claim.consensus_verdict or None),
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
            for a in annotations
        ],
        "adjudication": None if hidden else _adjudication_payload(claim),
    }


def _adjudication_payload(claim):
    adjudication = Adjudication.objects.filter(claim=claim).select_related("reviewer").first()
    if adjudication is None:
        return None
    return {
        "reviewer": adjudication.reviewer.username,
        "verdict": adjudication.verdict,
        "rationale": adjudication.rationale,
        "created_at": _dt(adjudication.created_at),
        "updated_at": _dt(adjudication.updated_at),
    }


# Articles


def test_article_list_returns_articles_newest_first_with_claim_counts(annotator):
    older = ArticleFactory(url="https://example.org/older")
    ClaimFactory(article=older)
    newer = ArticleFactory()
    response = _client_for(annotator).get(reverse("api:article-list"))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "count": 2,
        "next": None,
        "previous": None,
        "results": [
            {**_article_payload(newer), "claim_count": 0},
            {**_article_payload(older), "claim_count": 1},
        ],
    }


def test_article_retrieve_returns_the_text_and_its_claims(annotator):
    claim = ClaimFactory()
    article = claim.article
    response = _client_for(annotator).get(reverse("api:article-detail", args=[article.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        **_article_payload(article),
        "body": article.body,
        "claims": [_article_claim_payload(claim)],
    }


def test_article_create_stores_the_article_and_answers_201_with_its_extracted_claims(reviewer):
    response = _client_for(reviewer).post(
        reverse("api:article-list"),
        {"title": "Drones", "body": ARTICLE_TEXT, "url": "https://example.org/drones", "publisher": "Example Wire"},
        format="json",
    )
    assert response.status_code == HTTPStatus.CREATED
    article = Article.objects.get()
    claims = list(Claim.objects.filter(article=article).select_related("source").order_by("position"))
    assert claims, "the extraction found no claim in the sample text"
    assert article.created_by == reviewer
    assert response.json() == {
        **_article_payload(article),
        "body": ARTICLE_TEXT,
        "claims": [_article_claim_payload(claim) for claim in claims],
    }
    for claim in response.json()["claims"]:
        assert ARTICLE_TEXT[claim["start"] : claim["end"]] == claim["text"]


def test_article_create_with_text_already_stored_answers_200_with_the_existing_article(reviewer):
    client = _client_for(reviewer)
    first = client.post(reverse("api:article-list"), {"body": ARTICLE_TEXT}, format="json")
    again = client.post(reverse("api:article-list"), {"title": "Other title", "body": ARTICLE_TEXT}, format="json")
    assert first.status_code == HTTPStatus.CREATED
    assert again.status_code == HTTPStatus.OK
    assert again.json() == first.json()
    assert Article.objects.count() == 1


def test_article_create_with_a_url_already_used_is_a_field_error(reviewer):
    ArticleFactory(url="https://example.org/drones")
    response = _client_for(reviewer).post(
        reverse("api:article-list"), {"body": ARTICLE_TEXT, "url": "https://example.org/drones"}, format="json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"url": ["Another article with this URL already exists."]}


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({"body": "Text with a \x00 NUL byte."}, {"body": ["Null characters are not allowed."]}),
        ({"body": "   "}, {"body": ["The article text is empty."]}),
        ({}, {"body": ["This field is required."]}),
        ({"body": ARTICLE_TEXT, "url": "javascript:alert(1)"}, {"url": ["Enter a valid http or https URL."]}),
        ({"body": ARTICLE_TEXT, "published_at": "yesterday"}, {"published_at": None}),
        ({"body": ["not", "text"]}, {"body": ["Not a valid string."]}),
        # DRF's CharField took a number and stored "123" as the article.
        ({"body": 123}, {"body": ["Not a valid string."]}),
        ({"body": ARTICLE_TEXT, "title": True}, {"title": ["Not a valid string."]}),
        # A misspelt field was silently dropped: the article was stored without its date.
        (
            {"body": ARTICLE_TEXT, "published": "2025-01-02T08:00:00Z"},
            {
                "published": [
                    "Unknown field. The fields are: title, body, url, publisher, published_at, language, claims."
                ]
            },
        ),
    ],
    ids=["nul", "blank", "missing", "bad-url", "bad-date", "not-a-string", "number", "bool-title", "unknown-field"],
)
def test_article_create_rejects_bad_input_with_field_errors(reviewer, payload, errors):
    response = _client_for(reviewer).post(reverse("api:article-list"), payload, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    if None in errors.values():  # DRF's own long message: only the field is checked
        assert list(response.json()) == list(errors)
    else:
        assert response.json() == errors
    assert Article.objects.count() == 0


def test_article_create_with_a_body_that_is_not_utf8_json_is_400(reviewer):
    response = _client_for(reviewer).generic(
        "POST", reverse("api:article-list"), b'{"body": "caf\xe9 \xff"}', content_type="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["detail"]
    assert response.json()["detail"].startswith("JSON parse error")


def test_article_create_with_text_over_the_limit_is_413(reviewer, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    response = _client_for(reviewer).post(reverse("api:article-list"), {"body": "é" * 501}, format="json")
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert response.json() == {"body": ["The article text is larger than the limit of 1,000 bytes."]}
    assert Article.objects.count() == 0


def test_article_create_refuses_a_huge_request_unread_with_413(reviewer, settings):
    settings.ARTICLE_MAX_BYTES = 1000
    body = json.dumps({"body": "a" * 200_000})
    response = _client_for(reviewer).generic("POST", reverse("api:article-list"), body, content_type="application/json")
    assert response.status_code == HTTPStatus.REQUEST_ENTITY_TOO_LARGE
    assert response.json() == {"body": ["The article text is larger than the limit of 1,000 bytes."]}


def test_article_create_takes_escaped_json_beyond_djangos_upload_limit_when_the_text_is_within_its_own(
    reviewer, settings
):
    """`json.dumps` escapes Cyrillic as \\uXXXX, six bytes per letter: the request is larger than the text. DRF
    read it through request.body, which DATA_UPLOAD_MAX_MEMORY_SIZE capped, so such an article was a bare 413."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    text = "Министр заявил, что 40 дронов были сбиты ночью.\n" * 40  # ~3.6 kB of UTF-8, ~11 kB escaped
    body = json.dumps({"body": text})
    assert len(body) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = _client_for(reviewer).generic("POST", reverse("api:article-list"), body, content_type="application/json")
    assert response.status_code == HTTPStatus.CREATED, response.content
    assert response.json()["body"] == text


def test_article_create_is_403_for_annotators(annotator):
    response = _client_for(annotator).post(reverse("api:article-list"), {"body": ARTICLE_TEXT}, format="json")
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json() == {"detail": "Only reviewers and admins can add articles."}


def test_article_create_works_with_session_authentication(reviewer):
    client = APIClient(enforce_csrf_checks=False)
    client.force_login(reviewer)
    response = client.post(reverse("api:article-list"), {"body": ARTICLE_TEXT}, format="json")
    assert response.status_code == HTTPStatus.CREATED


# Claims


def test_claim_list_shows_reviewers_every_label_and_the_consensus(reviewer, annotator, second_annotator):
    claim = ClaimFactory()
    other = ClaimFactory()
    first = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED).annotation
    second = annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED).annotation
    response = _client_for(reviewer).get(reverse("api:claim-list"))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "next": None,
        "previous": None,
        "results": [_claim_payload(claim, annotations=[first, second]), _claim_payload(other)],
    }
    assert response.json()["results"][0]["verdict"] == "verified"
    assert response.json()["results"][0]["status"] == "agreed"


def test_claim_list_is_blind_for_annotators(annotator, second_annotator):
    labelled_by_me = ClaimFactory()
    labelled_by_other = ClaimFactory()
    mine = annotation_submit(claim=labelled_by_me, annotator=annotator, verdict=Verdict.DISPUTED).annotation
    annotation_submit(claim=labelled_by_me, annotator=second_annotator, verdict=Verdict.DISPUTED)
    annotation_submit(claim=labelled_by_other, annotator=second_annotator, verdict=Verdict.VERIFIED)
    response = _client_for(annotator).get(reverse("api:claim-list"))
    assert response.status_code == HTTPStatus.OK
    assert response.json()["results"] == [
        _claim_payload(labelled_by_me, annotations=[mine]),
        _claim_payload(labelled_by_other, hidden=True),
    ]


def test_claim_retrieve_returns_one_claim(reviewer):
    claim = ClaimFactory()
    response = _client_for(reviewer).get(reverse("api:claim-detail", args=[claim.pk]))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {**_claim_payload(claim), "matches": [], "cluster": None}


# Matches made directly in the test carry no similarity or guard reasons (the engine records those).
SAME_NO_REASONS = {
    "relation": "same",
    "similarity": None,
    "guards_held": [],
    "guards_differ": [],
    "read_as_same": None,
    "guards_overruled": [],
}


def test_claim_retrieve_shows_its_matches_and_the_cluster_filter_returns_the_cluster(reviewer):
    first, second, third = ClaimFactory(), ClaimFactory(), ClaimFactory()
    ClaimMatch.objects.create(claim=first, other=second, score=0.91, status=MatchStatus.CONFIRMED)
    ClaimMatch.objects.create(claim=first, other=third, score=0.62, status=MatchStatus.SUGGESTED)
    client = _client_for(reviewer)

    detail = client.get(reverse("api:claim-detail", args=[first.pk])).json()
    assert detail["matches"] == [
        {"claim": second.pk, "score": 0.91, "status": "confirmed", **SAME_NO_REASONS},
        {"claim": third.pk, "score": 0.62, "status": "suggested", **SAME_NO_REASONS},
    ]
    assert detail["cluster"] == first.pk
    listed = client.get(reverse("api:claim-list"), {"cluster": first.pk}).json()
    assert [c["id"] for c in listed["results"]] == [first.pk, second.pk]
    assert client.get(reverse("api:claim-list"), {"cluster": third.pk}).json()["results"] == []


def test_claim_retrieve_gives_each_match_its_reasons_with_the_guards_the_pair_model_overruled(reviewer):
    first, second = ClaimFactory(), ClaimFactory()
    guards = {"held": ["negation", "time"], "differs": [], "read_as_same": 0.951, "overruled": ["names"]}
    ClaimMatch.objects.create(claim=first, other=second, score=0.81, similarity=0.89, guards=guards)

    response = _client_for(reviewer).get(reverse("api:claim-detail", args=[first.pk]))
    assert response.status_code == HTTPStatus.OK
    (match,) = response.json()["matches"]
    assert match["guards_held"] == ["negation", "time"]
    assert match["guards_differ"] == []
    assert match["read_as_same"] == 0.951
    assert match["guards_overruled"] == ["names"]


def test_claim_retrieve_unknown_id_is_a_json_404(reviewer):
    response = _client_for(reviewer).get(reverse("api:claim-detail", args=[999999]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "No Claim matches the given query."}


def test_claim_list_pages_with_a_cursor(reviewer):
    claims = [ClaimFactory() for _ in range(3)]
    client = _client_for(reviewer)
    first = client.get(reverse("api:claim-list"), {"page_size": 2}).json()
    assert [c["id"] for c in first["results"]] == [claims[0].pk, claims[1].pk]
    second = client.get(first["next"]).json()
    assert [c["id"] for c in second["results"]] == [claims[2].pk]
    assert second["next"] is None


def _labelled_claims(annotator, second_annotator, reviewer):
    """Three claims: agreed verified, conflicting, adjudicated disputed; and an unlabelled one."""
    agreed, conflicting, adjudicated, unlabelled = (ClaimFactory() for _ in range(4))
    for user in (annotator, second_annotator):
        annotation_submit(claim=agreed, annotator=user, verdict=Verdict.VERIFIED)
    annotation_submit(claim=conflicting, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=conflicting, annotator=second_annotator, verdict=Verdict.DISPUTED)
    annotation_submit(claim=adjudicated, annotator=annotator, verdict=Verdict.VERIFIED)
    claim_adjudicate(claim=adjudicated, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Contradicted.")
    return agreed, conflicting, adjudicated, unlabelled


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"verdict": "verified"}, ["agreed"]),
        ({"verdict": "disputed"}, ["adjudicated"]),
        ({"status": "conflicting"}, ["conflicting"]),
        ({"status": "unlabelled"}, ["unlabelled"]),
        ({"search": "SHOT DOWN"}, ["agreed", "conflicting", "adjudicated", "unlabelled"]),
        ({"search": "no such words"}, []),
        (
            {"created_after": "2000-01-01T00:00:00Z", "created_before": "2999-01-01"},
            ["agreed", "conflicting", "adjudicated", "unlabelled"],
        ),
        ({"created_after": "2999-01-01T00:00:00Z"}, []),
        ({"flagged": "false"}, ["agreed", "conflicting", "adjudicated", "unlabelled"]),
    ],
)
def test_claim_list_filters(reviewer, annotator, second_annotator, params, expected):
    named = dict(
        zip(
            ["agreed", "conflicting", "adjudicated", "unlabelled"],
            _labelled_claims(annotator, second_annotator, reviewer),
            strict=True,
        )
    )
    response = _client_for(reviewer).get(reverse("api:claim-list"), params)
    assert response.status_code == HTTPStatus.OK
    assert [c["id"] for c in response.json()["results"]] == [named[name].pk for name in expected]


def test_claim_list_filters_by_article_source_and_publication_date(reviewer):
    from datetime import UTC, datetime

    early = ClaimFactory(article=ArticleFactory(published_at=datetime(2024, 1, 5, tzinfo=UTC)))
    late = ClaimFactory(article=ArticleFactory(published_at=datetime(2025, 3, 1, tzinfo=UTC)))
    client = _client_for(reviewer)

    def ids(params):
        return [c["id"] for c in client.get(reverse("api:claim-list"), params).json()["results"]]

    assert ids({"article": early.article_id}) == [early.pk]
    assert ids({"source": late.source_id}) == [late.pk]
    assert ids({"published_after": "2025-01-01"}) == [late.pk]
    assert ids({"published_before": "2025-01-01T00:00:00+00:00"}) == [early.pk]


def test_claim_list_verdict_filter_for_annotators_only_reaches_claims_they_labelled(
    annotator, second_annotator, reviewer
):
    agreed, *_ = _labelled_claims(annotator, second_annotator, reviewer)
    other = ClaimFactory()
    third = UserFactory(username="ann3")
    third.groups.add(*annotator.groups.all())
    annotation_submit(claim=other, annotator=second_annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=other, annotator=third, verdict=Verdict.VERIFIED)
    response = _client_for(annotator).get(reverse("api:claim-list"), {"verdict": "verified"})
    assert [c["id"] for c in response.json()["results"]] == [agreed.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"verdict": "true"}, "verdict"),
        ({"status": "done"}, "status"),
        ({"article": "999999"}, "article"),
        ({"article": "abc"}, "article"),
        ({"source": "999999"}, "source"),
        ({"created_after": "last week"}, "created_after"),
        ({"published_before": "2025-13-45"}, "published_before"),
        ({"flagged": "perhaps"}, "flagged"),
        ({"search": "x" * 201}, "search"),
    ],
)
def test_claim_list_unknown_filter_values_are_400_with_the_parameter_named(reviewer, params, field):
    response = _client_for(reviewer).get(reverse("api:claim-list"), params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == [field]
    assert isinstance(response.json()[field][0], str)


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        # Decodes, but its position is not an id: DRF passed "abc" to the id filter, a 500.
        base64.b64encode(b"p=abc").decode(),
        base64.b64encode(b"p=99999999999999999999999").decode(),
    ],
    ids=["not-base64", "position-not-a-number", "position-too-large"],
)
def test_claim_list_bad_cursor_is_400_on_cursor(reviewer, cursor):
    response = _client_for(reviewer).get(reverse("api:claim-list"), {"cursor": cursor})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"cursor": ["Invalid cursor: follow the `next` and `previous` links as they are."]}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.5", "Enter a whole number."),
        # An OverflowError in the matching selector, a 500.
        ("99999999999999999999999", "Ensure this value is less than or equal to 9223372036854775807."),
        ("0", "Ensure this value is greater than or equal to 1."),
    ],
)
def test_claim_list_cluster_filter_takes_only_an_id(reviewer, value, message):
    response = _client_for(reviewer).get(reverse("api:claim-list"), {"cluster": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"cluster": [message]}


def test_claim_list_uses_a_fixed_number_of_queries(reviewer, annotator, second_annotator, django_assert_num_queries):
    claims = [ClaimFactory() for _ in range(5)]
    for claim in claims:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    client = _client_for(reviewer)
    client.get(reverse("api:claim-list"))  # warm the token and group lookups' plan
    # the token with its user, the user's groups, the claims page (with articles and sources), their labels
    with django_assert_num_queries(4):
        response = client.get(reverse("api:claim-list"))
    assert len(response.json()["results"]) == 5


# Sources


def test_source_list_counts_claims_per_consensus_verdict_for_reviewers(reviewer, annotator, second_annotator):
    agreed, conflicting, adjudicated, unlabelled = _labelled_claims(annotator, second_annotator, reviewer)
    ministry = SourceFactory(name="Ministry", kind=SourceKind.GOVERNMENT, key="ministry")
    Claim.objects.filter(pk__in=[agreed.pk, adjudicated.pk, unlabelled.pk]).update(source=ministry)
    Claim.objects.filter(pk=conflicting.pk).update(source=None)
    response = _client_for(reviewer).get(reverse("api:source-list"), {"search": "minis"})
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": ministry.pk,
                "name": "Ministry",
                "kind": "government",
                "aliases": [],
                "created_at": _dt(ministry.created_at),
                "updated_at": _dt(ministry.updated_at),
                "claim_count": 3,
                "verdict_counts": {"verified": 1, "disputed": 1, "unverified": 0},
            }
        ],
    }


def test_source_retrieve_hides_verdict_counts_from_annotators(annotator):
    claim = ClaimFactory()
    response = _client_for(annotator).get(reverse("api:source-detail", args=[claim.source_id]))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "id": claim.source.pk,
        "name": claim.source.name,
        "kind": claim.source.kind,
        "aliases": [],
        "created_at": _dt(claim.source.created_at),
        "updated_at": _dt(claim.source.updated_at),
        "claim_count": 1,
        "verdict_counts": None,
    }


def test_source_list_unknown_kind_is_400(reviewer):
    response = _client_for(reviewer).get(reverse("api:source-list"), {"kind": "alien"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["kind"]


# Who may do what


@pytest.fixture
def objects(db):
    claim = ClaimFactory()
    return {"article": claim.article, "claim": claim, "source": claim.source}


ROLES = ["anonymous", "annotator", "reviewer", "admin"]
MATRIX = [
    # (method, url name, needs an object, expected codes for anonymous, annotator, reviewer, admin)
    ("get", "api:article-list", None, (401, 200, 200, 200)),
    ("post", "api:article-list", None, (401, 403, 201, 201)),
    ("get", "api:article-detail", "article", (401, 200, 200, 200)),
    ("put", "api:article-detail", "article", (401, 405, 405, 405)),
    ("patch", "api:article-detail", "article", (401, 405, 405, 405)),
    ("delete", "api:article-detail", "article", (401, 405, 405, 405)),
    ("get", "api:claim-list", None, (401, 200, 200, 200)),
    ("post", "api:claim-list", None, (401, 405, 405, 405)),
    ("get", "api:claim-detail", "claim", (401, 200, 200, 200)),
    ("put", "api:claim-detail", "claim", (401, 405, 405, 405)),
    ("patch", "api:claim-detail", "claim", (401, 405, 405, 405)),
    ("delete", "api:claim-detail", "claim", (401, 405, 405, 405)),
    ("get", "api:source-list", None, (401, 200, 200, 200)),
    ("post", "api:source-list", None, (401, 405, 405, 405)),
    ("get", "api:source-detail", "source", (401, 200, 200, 200)),
    ("delete", "api:source-detail", "source", (401, 405, 405, 405)),
    ("get", "api:agreement", None, (401, 403, 200, 200)),
    ("post", "api:claim-adjudication", "claim", (401, 403, 400, 400)),  # 400: the payload has no verdict
    ("delete", "api:claim-adjudication", "claim", (401, 403, 204, 204)),
]


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
@pytest.mark.parametrize(("method", "name", "target", "codes"), MATRIX, ids=[f"{m} {n}" for m, n, _, _ in MATRIX])
def test_permission_matrix(users, objects, role_index, method, name, target, codes):
    client = _client_for(users[ROLES[role_index]])
    url = reverse(name, args=[objects[target].pk] if target else [])
    response = getattr(client, method)(
        url, {"body": ARTICLE_TEXT} if method in ("post", "put", "patch") else None, format="json"
    )
    assert response.status_code == codes[role_index]
    if response.status_code != HTTPStatus.NO_CONTENT:
        assert response["Content-Type"] == "application/json"


def test_users_without_a_role_get_403(db):
    nobody = UserFactory(username="norole")
    response = _client_for(nobody).get(reverse("api:claim-list"))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json() == {"detail": "You need an annotator, reviewer or admin account."}


def test_a_wrong_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-key")
    response = client.get(reverse("api:claim-list"))
    assert response.status_code == HTTPStatus.UNAUTHORIZED
    assert response.json() == {"detail": "Invalid token."}


# Errors raised by services


def test_exception_handler_turns_a_service_validation_error_into_field_messages():
    response = api_exception_handler(DjangoValidationError({"url": "Enter a valid http or https URL."}), {})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.data == {"url": ["Enter a valid http or https URL."]}


def test_exception_handler_turns_a_service_message_without_field_into_non_field_errors():
    response = api_exception_handler(DjangoValidationError("Nothing to export."), {})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.data == {"non_field_errors": ["Nothing to export."]}


def test_exception_handler_turns_a_service_permission_denied_into_403_with_its_message():
    response = api_exception_handler(DjangoPermissionDenied("Only staff can delete labels."), {})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.data == {"detail": "Only staff can delete labels."}


# issue_token


def test_issue_token_prints_the_users_token_and_the_same_one_again(reviewer, capsys):
    call_command("issue_token", "rev")
    key = capsys.readouterr().out.strip()
    assert key == Token.objects.get(user=reviewer).key
    call_command("issue_token", "rev")
    assert capsys.readouterr().out.strip() == key
    call_command("issue_token", "rev", "--reset")
    assert capsys.readouterr().out.strip() not in ("", key)


def test_issue_token_for_an_unknown_user_fails_with_one_readable_line(db):
    with pytest.raises(CommandError, match=r"^No user named 'ghost'\.$"):
        call_command("issue_token", "ghost")


def test_unknown_api_paths_are_json_404(reviewer):
    response = _client_for(reviewer).get("/api/no-such-thing/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize("param", ["published_before", "created_after"])
def test_claim_filters_refuse_an_out_of_range_utc_offset_with_a_400(reviewer, param):
    response = _client_for(reviewer).get(reverse("api:claim-list"), {param: "1191-12-25T08:06:37+20:22"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {param: ["Use a UTC offset between -14:00 and +14:00."]}


def test_article_create_with_an_html_page_reads_its_article_and_metadata(api_client, reviewer):
    from pathlib import Path

    page = (Path(__file__).parents[2] / "claims/extraction/data/pages/harbour.html").read_text()
    api_client.force_authenticate(reviewer)
    response = api_client.post(reverse("api:article-list"), {"body": page}, format="json")
    assert response.status_code == HTTPStatus.CREATED, response.json()
    article = Article.objects.get()
    assert "<" not in article.body
    assert article.title
    assert article.title in page


def test_article_create_with_a_page_that_has_no_article_is_a_body_error(api_client, reviewer):
    api_client.force_authenticate(reviewer)
    body = "<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>"
    response = api_client.post(reverse("api:article-list"), {"body": body}, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == ["body"]
    assert not Article.objects.exists()


# Strict queries


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("api:claim-list", {"statsu": "agreed"}),
        ("api:claim-list", {"updated_afer": "2025-01-01T00:00:00Z"}),
        ("api:article-list", {"claims": "true"}),
        ("api:source-list", {"name": "x"}),
        ("api:annotation-list", {"page": "2"}),
    ],
)
def test_lists_refuse_unknown_query_parameters_by_name(reviewer, name, params):
    """They were silently ignored, so a typo returned everything."""
    response = _client_for(reviewer).get(reverse(name), params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == list(params)
    assert response.json()[next(iter(params))][0].startswith("Unknown query parameter. The parameters here are: ")


@pytest.mark.parametrize("value", ["abc", "0", "-1", "501", "1.5"])
def test_claim_list_page_size_that_is_not_1_to_500_is_400(reviewer, value):
    """`page_size=abc` quietly became 50."""
    response = _client_for(reviewer).get(reverse("api:claim-list"), {"page_size": value})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"page_size": ["A whole number from 1 to 500."]}


def test_claim_list_updated_after_pages_through_the_claims_changed_since(reviewer, annotator):
    old, changed = ClaimFactory(), ClaimFactory()
    moment = Claim.objects.get(pk=old.pk).updated_at
    Claim.objects.filter(pk=old.pk).update(updated_at=moment - timedelta(hours=1))
    Claim.objects.filter(pk=changed.pk).update(updated_at=moment - timedelta(hours=1))
    annotation_submit(claim=changed, annotator=annotator, verdict=Verdict.VERIFIED)
    response = _client_for(reviewer).get(
        reverse("api:claim-list"), {"updated_after": (moment - timedelta(minutes=1)).isoformat(), "page_size": 1}
    )
    assert response.status_code == HTTPStatus.OK
    assert [row["id"] for row in response.json()["results"]] == [changed.pk]
    assert response.json()["next"] is None


def test_claim_shows_its_adjudication_to_reviewers_and_hides_it_from_annotators_who_did_not_label(reviewer, annotator):
    claim = ClaimFactory()
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="The army says 12.")
    seen = _client_for(reviewer).get(reverse("api:claim-detail", args=[claim.pk])).json()["adjudication"]
    assert (seen["reviewer"], seen["verdict"], seen["rationale"]) == ("rev", "disputed", "The army says 12.")
    hidden = _client_for(annotator).get(reverse("api:claim-detail", args=[claim.pk]))
    assert hidden.status_code == HTTPStatus.OK
    assert hidden.json()["adjudication"] is None


def test_label_count_filter_reaches_an_annotator_only_through_claims_they_labelled(annotator, second_annotator):
    mine, theirs = ClaimFactory(), ClaimFactory()
    annotation_submit(claim=mine, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=theirs, annotator=second_annotator, verdict=Verdict.DISPUTED)
    response = _client_for(annotator).get(reverse("api:claim-list"), {"label_count": 1})
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [mine.pk]
    response = _client_for(annotator).get(reverse("api:claim-list"), {"label_count": "one"})
    assert response.status_code == 400
    assert "label_count" in response.json()
