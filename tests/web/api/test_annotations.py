import json
from http import HTTPStatus

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.fields import DateTimeField
from rest_framework.test import APIClient

from annotations.models import Annotation, Verdict
from annotations.services import annotation_submit
from claims.models import ClaimStatus
from claims.services import claim_flag
from tests.claims.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def _dt(value):
    return DateTimeField().to_representation(value)


def _client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    return client


def _payload(annotation):
    annotation.refresh_from_db()
    return {
        "id": annotation.pk,
        "claim": annotation.claim_id,
        "annotator": annotation.annotator.username,
        "verdict": annotation.verdict,
        "note": annotation.note,
        "evidence_url": annotation.evidence_url,
        "created_at": _dt(annotation.created_at),
        "updated_at": _dt(annotation.updated_at),
    }


def test_annotation_create_answers_201_then_200_when_posted_again_for_the_same_claim(annotator):
    claim = ClaimFactory()
    client = _client_for(annotator)
    created = client.post(
        reverse("api:annotation-list"),
        {"claim": claim.pk, "verdict": "disputed", "note": "  see the link ", "evidence_url": "https://example.org/x"},
        format="json",
    )
    assert created.status_code == HTTPStatus.CREATED
    annotation = Annotation.objects.get()
    assert created.json() == _payload(annotation)
    assert created.json()["note"] == "see the link"

    updated = client.post(reverse("api:annotation-list"), {"claim": claim.pk, "verdict": "verified"}, format="json")
    assert updated.status_code == HTTPStatus.OK
    assert updated.json() == {**_payload(annotation), "verdict": "verified", "note": "", "evidence_url": ""}
    assert Annotation.objects.count() == 1
    claim.refresh_from_db()
    assert (claim.label_count, claim.status) == (1, ClaimStatus.IN_PROGRESS)


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        ({"verdict": "maybe"}, {"verdict": ['"maybe" is not a valid choice.']}),
        (
            {"verdict": "verified", "evidence_url": "javascript:alert(1)"},
            {"evidence_url": ["Enter a valid http or https URL."]},
        ),
        ({"verdict": "verified", "evidence_url": "not a url"}, {"evidence_url": ["Enter a valid http or https URL."]}),
        ({"verdict": "verified", "note": "a\x00b"}, {"note": ["Null characters are not allowed."]}),
        (
            {"verdict": "verified", "note": "x" * 5001},
            {"note": ["Ensure this field has no more than 5000 characters."]},
        ),
        ({"verdict": "verified", "claim": 999999}, {"claim": ['Invalid pk "999999" - object does not exist.']}),
        ({"verdict": "verified", "claim": "twelve"}, {"claim": ["Incorrect type. Expected pk value, received str."]}),
        ({"claim": None}, {"claim": ["This field may not be null."], "verdict": ["This field is required."]}),
        # DRF took 3.7 as claim 3, and a number as the note "5".
        ({"verdict": "verified", "claim": 1.5}, {"claim": ["Incorrect type. Expected pk value, received float."]}),
        ({"verdict": "verified", "claim": True}, {"claim": ["Incorrect type. Expected pk value, received bool."]}),
        ({"verdict": "verified", "note": 5}, {"note": ["Not a valid string."]}),
        (
            {"verdict": "verified", "claim": 10**30},
            {"claim": [f'Invalid pk "{10**30}" - object does not exist.']},
        ),
        # Misspelt or foreign fields were silently dropped (the evidence lost; "annotator" looked accepted).
        (
            {"verdict": "verified", "evidence": "https://example.org/x", "annotator": "someone"},
            {
                "annotator": ["Unknown field. The fields are: claim, verdict, note, evidence_url."],
                "evidence": ["Unknown field. The fields are: claim, verdict, note, evidence_url."],
            },
        ),
    ],
    ids=[
        "bad-verdict",
        "js-url",
        "bad-url",
        "nul",
        "long-note",
        "unknown-claim",
        "claim-not-id",
        "missing",
        "claim-float",
        "claim-bool",
        "note-number",
        "claim-too-large",
        "unknown-fields",
    ],
)
def test_annotation_create_rejects_bad_input_with_field_errors(annotator, payload, errors):
    payload = {"claim": ClaimFactory().pk, **payload}
    response = _client_for(annotator).post(reverse("api:annotation-list"), payload, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == errors
    assert not Annotation.objects.exists()


def test_annotation_create_with_a_body_that_is_not_utf8_json_is_400(annotator):
    response = _client_for(annotator).generic(
        "POST", reverse("api:annotation-list"), b'{"claim": 1, "verdict": "\xff"}', content_type="application/json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json()["detail"].startswith("JSON parse error")


def test_annotation_create_on_a_flagged_claim_is_a_claim_field_error(annotator, reviewer):
    claim = claim_flag(claim=ClaimFactory(), user=reviewer)
    response = _client_for(annotator).post(
        reverse("api:annotation-list"), {"claim": claim.pk, "verdict": "verified"}, format="json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"claim": ["This text is flagged as not a claim; it takes no verdicts."]}


def test_annotation_create_beyond_the_labels_per_claim_is_a_claim_field_error(annotator, second_annotator, reviewer):
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    response = _client_for(reviewer).post(
        reverse("api:annotation-list"), {"claim": claim.pk, "verdict": "verified"}, format="json"
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {
        "claim": ["This claim has all its labels, so they are locked; a reviewer settles it now."]
    }


def test_annotation_list_shows_annotators_only_their_own(annotator, second_annotator):
    claim = ClaimFactory()
    mine = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED).annotation
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED)
    response = _client_for(annotator).get(reverse("api:annotation-list"))
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"next": None, "previous": None, "results": [_payload(mine)]}


def test_annotation_list_shows_reviewers_everyones_newest_first(reviewer, annotator, second_annotator):
    claim = ClaimFactory()
    first = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED).annotation
    second = annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED).annotation
    response = _client_for(reviewer).get(reverse("api:annotation-list"))
    assert response.json() == {"next": None, "previous": None, "results": [_payload(second), _payload(first)]}


def test_annotation_list_filters_by_claim_annotator_and_verdict(reviewer, annotator, second_annotator):
    claim, other = ClaimFactory(), ClaimFactory()
    a = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED).annotation
    b = annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED).annotation
    c = annotation_submit(claim=other, annotator=annotator, verdict=Verdict.DISPUTED).annotation
    client = _client_for(reviewer)

    def ids(params):
        return [row["id"] for row in client.get(reverse("api:annotation-list"), params).json()["results"]]

    assert ids({"claim": claim.pk}) == [b.pk, a.pk]
    assert ids({"annotator": "ann"}) == [c.pk, a.pk]
    assert ids({"verdict": "disputed", "annotator": "ann"}) == [c.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"claim": "999999"}, "claim"), ({"verdict": "true"}, "verdict")],
)
def test_annotation_list_unknown_filter_values_are_400(reviewer, params, field):
    response = _client_for(reviewer).get(reverse("api:annotation-list"), params)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert list(response.json()) == [field]


def test_annotation_list_answers_the_same_for_an_unknown_annotator_and_one_without_labels(reviewer, annotator):
    client = _client_for(reviewer)
    unknown = client.get(reverse("api:annotation-list"), {"annotator": "ghost"})
    without_labels = client.get(reverse("api:annotation-list"), {"annotator": "ann"})
    assert unknown.status_code == without_labels.status_code == HTTPStatus.OK
    assert unknown.json() == without_labels.json() == {"next": None, "previous": None, "results": []}


@pytest.mark.parametrize("name", ["ann2", "ghost", "ann"])
def test_annotators_cannot_filter_labels_by_annotator_whoever_they_name(annotator, second_annotator, name):
    annotation_submit(claim=ClaimFactory(), annotator=second_annotator, verdict=Verdict.VERIFIED)
    response = _client_for(annotator).get(reverse("api:annotation-list"), {"annotator": name})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"annotator": ["Only reviewers and admins can filter labels by annotator."]}


def test_annotation_retrieve_of_someone_elses_label_is_404_for_annotators(annotator, second_annotator):
    other = annotation_submit(claim=ClaimFactory(), annotator=second_annotator, verdict=Verdict.VERIFIED).annotation
    response = _client_for(annotator).get(reverse("api:annotation-detail", args=[other.pk]))
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert response.json() == {"detail": "No Annotation matches the given query."}


def test_annotation_delete_by_staff_recomputes_the_consensus(admin_user, annotator, second_annotator):
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    second = annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED).annotation
    response = _client_for(admin_user).delete(reverse("api:annotation-detail", args=[second.pk]))
    assert response.status_code == HTTPStatus.NO_CONTENT
    claim.refresh_from_db()
    assert (claim.label_count, claim.status, claim.consensus_verdict) == (1, ClaimStatus.IN_PROGRESS, "")


def test_annotation_delete_of_own_label_is_403_for_annotators(annotator):
    mine = annotation_submit(claim=ClaimFactory(), annotator=annotator, verdict=Verdict.VERIFIED).annotation
    response = _client_for(annotator).delete(reverse("api:annotation-detail", args=[mine.pk]))
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert response.json() == {"detail": "Only staff can delete labels."}
    assert Annotation.objects.filter(pk=mine.pk).exists()


# Who may do what, on the labels, exports and ClaimReview endpoints


ROLES = ["anonymous", "annotator", "other_annotator", "reviewer", "admin"]
MATRIX = [
    # (method, url name, on the annotation, expected codes for each of ROLES)
    ("get", "api:annotation-list", False, (401, 200, 200, 200, 200)),
    ("post", "api:annotation-list", False, (401, 200, 201, 201, 201)),
    ("get", "api:annotation-detail", True, (401, 200, 404, 200, 200)),
    ("put", "api:annotation-detail", True, (401, 405, 405, 405, 405)),
    ("patch", "api:annotation-detail", True, (401, 405, 405, 405, 405)),
    ("delete", "api:annotation-detail", True, (401, 403, 403, 403, 204)),
    ("get", "api:export-claims-jsonl", False, (401, 403, 403, 200, 200)),
    ("get", "api:export-claims-csv", False, (401, 403, 403, 200, 200)),
    ("get", "api:export-claimreview-jsonl", False, (401, 403, 403, 200, 200)),
    ("post", "api:export-claims-jsonl", False, (401, 403, 403, 405, 405)),
    ("get", "api:claim-claimreview", False, (401, 403, 403, 200, 200)),
    ("post", "api:claim-claimreview", False, (401, 403, 403, 405, 405)),
]


@pytest.fixture
def users(annotator, second_annotator, reviewer, admin_user):
    return dict(zip(ROLES, [None, annotator, second_annotator, reviewer, admin_user], strict=True))


@pytest.mark.parametrize("role_index", range(len(ROLES)), ids=ROLES)
@pytest.mark.parametrize(("method", "name", "on_label", "codes"), MATRIX, ids=[f"{m} {n}" for m, n, _, _ in MATRIX])
def test_permission_matrix(users, role_index, method, name, on_label, codes):
    # The annotator's verdict plus an adjudication give the claim a consensus, so ClaimReview exists.
    from annotations.services import claim_adjudicate

    claim = ClaimFactory()
    label = annotation_submit(claim=claim, annotator=users["annotator"], verdict=Verdict.VERIFIED).annotation
    claim_adjudicate(claim=claim, reviewer=users["reviewer"], verdict=Verdict.VERIFIED, rationale="Checked.")
    if name == "api:claim-claimreview":
        url = reverse(name, args=[claim.pk])
    else:
        url = reverse(name, args=[label.pk] if on_label else [])
    data = {"claim": claim.pk, "verdict": "verified"} if method in ("post", "put", "patch") else None
    if name == "api:annotation-list" and method == "post" and ROLES[role_index] != "annotator":
        data = {"claim": ClaimFactory().pk, "verdict": "verified"}
    response = getattr(_client_for(users[ROLES[role_index]]), method)(url, data, format="json")
    assert response.status_code == codes[role_index]
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/json"
        assert "detail" in response.json()


def test_reviewer_adjudicates_changes_and_reopens_a_claim_through_the_api(reviewer, annotator, second_annotator):
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED)
    client = _client_for(reviewer)
    url = reverse("api:claim-adjudication", args=[claim.pk])

    created = client.post(url, {"verdict": "disputed", "rationale": "The ministry retracted it."}, format="json")
    assert created.status_code == HTTPStatus.CREATED
    body = created.json()
    assert {k: body[k] for k in ("claim", "reviewer", "verdict", "rationale")} == {
        "claim": claim.pk,
        "reviewer": reviewer.username,
        "verdict": "disputed",
        "rationale": "The ministry retracted it.",
    }
    changed = client.post(url, {"verdict": "verified", "rationale": "Footage confirms it."}, format="json")
    assert changed.status_code == HTTPStatus.OK
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == ("adjudicated", "verified")

    export = b"".join(client.get(reverse("api:export-claims-jsonl"), {"history": "true"}).streaming_content)
    row = json.loads(export.decode().splitlines()[0])
    assert row["verdict"] == "verified"
    assert row["adjudication"]["rationale"] == "Footage confirms it."
    assert [(e["what"], e["action"], e["verdict"], e["by"]) for e in row["history"]] == [
        ("label", "created", "verified", annotator.username),
        ("label", "created", "disputed", second_annotator.username),
        ("adjudication", "created", "disputed", reviewer.username),
        ("adjudication", "changed", "verified", reviewer.username),
    ]

    assert client.delete(url).status_code == HTTPStatus.NO_CONTENT
    claim.refresh_from_db()
    assert claim.status == "conflicting"


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"verdict": "maybe", "rationale": "x"}, "verdict"), ({"verdict": "verified", "rationale": "  "}, "rationale")],
)
def test_adjudication_rejects_bad_input_with_field_errors(reviewer, payload, field):
    url = reverse("api:claim-adjudication", args=[ClaimFactory().pk])
    response = _client_for(reviewer).post(url, payload, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert field in response.json()


def test_adjudication_refuses_unknown_fields(reviewer):
    url = reverse("api:claim-adjudication", args=[ClaimFactory().pk])
    payload = {"verdict": "verified", "rationale": "x", "reason": "the footage"}
    response = _client_for(reviewer).post(url, payload, format="json")
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"reason": ["Unknown field. The fields are: verdict, rationale."]}


def test_annotation_create_from_a_session_form_ignores_only_the_csrf_token(annotator):
    client = APIClient(enforce_csrf_checks=False)
    client.force_login(annotator)
    claim = ClaimFactory()
    payload = {"claim": str(claim.pk), "verdict": "verified", "csrfmiddlewaretoken": "x"}
    response = client.post(reverse("api:annotation-list"), payload)  # multipart, as an HTML form sends it
    assert response.status_code == HTTPStatus.CREATED, response.content
    assert response.json()["claim"] == claim.pk


def test_annotators_cannot_adjudicate_or_read_agreement(annotator):
    client = _client_for(annotator)
    url = reverse("api:claim-adjudication", args=[ClaimFactory().pk])
    assert client.post(url, {"verdict": "verified", "rationale": "x"}, format="json").status_code == 403
    assert client.get(reverse("api:agreement")).status_code == HTTPStatus.FORBIDDEN


def test_agreement_endpoint_gives_alpha_and_pairwise_kappa(reviewer, annotator, second_annotator):
    verdicts = [
        ("verified", "verified"),
        ("disputed", "disputed"),
        ("verified", "disputed"),
        ("unverified", "unverified"),
    ]
    for first, second in verdicts:
        claim = ClaimFactory()
        annotation_submit(claim=claim, annotator=annotator, verdict=first)
        annotation_submit(claim=claim, annotator=second_annotator, verdict=second)
    data = _client_for(reviewer).get(reverse("api:agreement")).json()
    assert data["claims"] == 4
    assert data["labels"] == 8
    assert 0 < data["krippendorff_alpha"] < 1
    (pair,) = data["pairs"]
    assert (pair["annotator_a"], pair["annotator_b"], pair["shared_claims"]) == ("ann", "ann2", 4)
    assert pair["observed_agreement"] == pytest.approx(0.75)
    assert pair["cohen_kappa"] == pytest.approx(0.6363, abs=1e-3)


def test_review_next_hands_each_annotator_a_different_claim_and_204_when_done(annotator, second_annotator, settings):
    settings.LABELS_PER_CLAIM = 1
    first, second = ClaimFactory(), ClaimFactory()
    mine = _client_for(annotator).post(reverse("api:review-next"))
    theirs = _client_for(second_annotator).post(reverse("api:review-next"))
    assert mine.status_code == theirs.status_code == HTTPStatus.OK
    assert {mine.json()["id"], theirs.json()["id"]} == {first.pk, second.pk}
    assert mine.json()["annotations"] == []
    posted = _client_for(annotator).post(
        reverse("api:annotation-list"), {"claim": mine.json()["id"], "verdict": "verified"}, format="json"
    )
    assert posted.status_code == HTTPStatus.CREATED
    assert _client_for(annotator).post(reverse("api:review-next")).status_code == HTTPStatus.NO_CONTENT
