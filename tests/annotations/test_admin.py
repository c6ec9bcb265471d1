"""Every way the Django admin changes labels keeps each claim's status, verdict and label count equal to what its
labels and adjudication say (issue 11), and the derived fields cannot be typed in."""

from http import HTTPStatus

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction
from django.urls import reverse

from annotations.models import Adjudication, Annotation, Verdict
from annotations.services import claim_adjudicate, claims_check_consensus
from claims.models import Claim, ClaimStatus
from tests.annotations.factories import AnnotationFactory
from tests.claims.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed_claim(annotator, second_annotator):
    claim = ClaimFactory()
    AnnotationFactory(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    AnnotationFactory(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict, claim.label_count) == (ClaimStatus.AGREED, Verdict.VERIFIED, 2)
    return claim


def _state(claim: Claim) -> tuple:
    claim.refresh_from_db()
    return claim.status, claim.consensus_verdict, claim.label_count


def test_changing_a_label_in_the_admin_makes_an_agreed_claim_conflicting(client, admin_user, agreed_claim):
    client.force_login(admin_user)
    label = agreed_claim.annotations.first()
    response = client.post(
        reverse("admin:annotations_annotation_change", args=[label.pk]),
        {"claim": agreed_claim.pk, "annotator": label.annotator_id, "verdict": Verdict.DISPUTED, "note": ""},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert _state(agreed_claim) == (ClaimStatus.CONFLICTING, "", 2)


def test_deleting_a_label_in_the_admin_opens_the_claim_again(client, admin_user, agreed_claim):
    client.force_login(admin_user)
    label = agreed_claim.annotations.first()
    response = client.post(reverse("admin:annotations_annotation_delete", args=[label.pk]), {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert _state(agreed_claim) == (ClaimStatus.IN_PROGRESS, "", 1)


def test_bulk_deleting_labels_in_the_admin_recomputes_every_claim(client, admin_user, agreed_claim, annotator):
    other = ClaimFactory()
    AnnotationFactory(claim=other, annotator=annotator)
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:annotations_annotation_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": list(Annotation.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )
    assert response.status_code == HTTPStatus.FOUND
    assert _state(agreed_claim) == (ClaimStatus.UNLABELLED, "", 0)
    assert _state(other) == (ClaimStatus.UNLABELLED, "", 0)


def test_editing_and_deleting_labels_in_the_claims_inline_recomputes_the_claim(client, admin_user, agreed_claim):
    client.force_login(admin_user)
    first, second = agreed_claim.annotations.order_by("pk")
    url = reverse("admin:claims_claim_change", args=[agreed_claim.pk])
    form = {
        "source": "",
        "source_mention": agreed_claim.source_mention,
        "cue": agreed_claim.cue,
        "is_direct_quote": "",
        "origin": agreed_claim.origin,
        "position": agreed_claim.position,
        "annotations-TOTAL_FORMS": "2",
        "annotations-INITIAL_FORMS": "2",
        "annotations-MIN_NUM_FORMS": "0",
        "annotations-MAX_NUM_FORMS": "1000",
    }
    for index, label in enumerate([first, second]):
        form |= {
            f"annotations-{index}-id": label.pk,
            f"annotations-{index}-claim": agreed_claim.pk,
            f"annotations-{index}-annotator": label.annotator_id,
            f"annotations-{index}-verdict": label.verdict,
            f"annotations-{index}-note": "",
            f"annotations-{index}-evidence_url": "",
        }
    form["annotations-0-verdict"] = Verdict.UNVERIFIED
    response = client.post(url, form)
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:2000]
    assert _state(agreed_claim) == (ClaimStatus.CONFLICTING, "", 2)

    form["annotations-1-DELETE"] = "on"
    response = client.post(url, form)
    assert response.status_code == HTTPStatus.FOUND
    assert _state(agreed_claim) == (ClaimStatus.IN_PROGRESS, "", 1)


def test_changing_and_deleting_an_adjudication_in_the_admin_recomputes_the_claim(client, admin_user, agreed_claim):
    adjudication = claim_adjudicate(claim=agreed_claim, reviewer=admin_user, verdict=Verdict.DISPUTED, rationale="x")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:annotations_adjudication_change", args=[adjudication.pk]),
        {"claim": agreed_claim.pk, "reviewer": admin_user.pk, "verdict": Verdict.UNVERIFIED, "rationale": "y"},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert _state(agreed_claim) == (ClaimStatus.ADJUDICATED, Verdict.UNVERIFIED, 2)
    response = client.post(reverse("admin:annotations_adjudication_delete", args=[adjudication.pk]), {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert not Adjudication.objects.exists()
    assert _state(agreed_claim) == (ClaimStatus.AGREED, Verdict.VERIFIED, 2)


def test_the_claim_admin_shows_derived_fields_read_only_and_ignores_typed_values(client, admin_user, agreed_claim):
    client.force_login(admin_user)
    url = reverse("admin:claims_claim_change", args=[agreed_claim.pk])
    page = client.get(url).content.decode()
    assert 'name="status"' not in page
    assert 'name="consensus_verdict"' not in page
    assert 'name="label_count"' not in page
    client.post(
        url,
        {
            "status": "banana",
            "consensus_verdict": "banana",
            "label_count": 9,
            "annotations-TOTAL_FORMS": "0",
            "annotations-INITIAL_FORMS": "0",
        },
    )
    assert _state(agreed_claim) == (ClaimStatus.AGREED, Verdict.VERIFIED, 2)


@pytest.mark.parametrize(
    "values",
    [
        {"status": "banana"},
        {"consensus_verdict": "banana", "status": ClaimStatus.AGREED},
        {"consensus_verdict": Verdict.VERIFIED, "status": ClaimStatus.CONFLICTING},
        {"consensus_verdict": "", "status": ClaimStatus.ADJUDICATED},
    ],
)
def test_the_database_refuses_impossible_derived_values(values):
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(**values)


def test_check_consensus_reports_drift_and_fix_repairs_it(agreed_claim, capsys):
    # Drift as a bug or a raw SQL edit would leave it: a label gone without its claim being recomputed.
    agreed_claim.annotations.first().delete()
    with pytest.raises(CommandError, match="1 claim"):
        call_command("check_consensus")
    assert f"claim {agreed_claim.pk}: stored agreed/verified/2 labels" in capsys.readouterr().out
    call_command("check_consensus", "--fix")
    assert _state(agreed_claim) == (ClaimStatus.IN_PROGRESS, "", 1)
    call_command("check_consensus")
    assert "match its labels" in capsys.readouterr().out


def test_check_consensus_finds_nothing_after_every_kind_of_service_edit(agreed_claim, reviewer, annotator):
    from annotations.services import annotation_submit, annotation_undo_last, claim_reopen

    claim_adjudicate(claim=agreed_claim, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Checked.")
    claim_reopen(claim=agreed_claim, reviewer=reviewer)
    other = ClaimFactory()
    annotation_submit(claim=other, annotator=annotator, verdict=Verdict.DISPUTED)
    annotation_undo_last(annotator=annotator)
    annotation_submit(claim=other, annotator=reviewer, verdict=Verdict.VERIFIED)
    assert claims_check_consensus() == []
