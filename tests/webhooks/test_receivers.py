"""Every way a claim, label or adjudication changes reaches the webhooks once, and only once it is committed."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from annotations.models import Annotation
from annotations.services import (
    BulkAction,
    annotation_submit,
    claim_adjudicate,
    claim_reopen,
    claim_requeue,
    claims_bulk_apply,
    verdict_records_delete_as_admin,
)
from claims.services import article_ingest, claim_flag, claim_update
from tests.claims.factories import ClaimFactory
from tests.webhooks.conftest import sent
from tests.webhooks.factories import WebhookFactory
from webhooks.models import WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def webhook(db):
    return WebhookFactory()


def test_ingesting_an_article_sends_claim_created_once_per_claim(webhook, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = article_ingest(body="Headline\nThe ministry said 40 drones were shot down.\nThe mayor said so.")
    claims = sorted(result.article.claims.values_list("pk", flat=True))
    assert len(claims) == result.claims_created > 0
    assert sent(webhook) == [("claim.created", pk) for pk in claims]


def test_changing_a_claim_sends_claim_updated_once(webhook, reviewer, django_capture_on_commit_callbacks):
    claim = ClaimFactory()
    for change in (
        lambda: claim_update(claim=claim, user=reviewer, cue="told"),
        lambda: claim_update(claim=claim, user=reviewer, cue="told"),  # no change: no event
        lambda: claim_flag(claim=claim, user=reviewer, flagged=True),
    ):
        with django_capture_on_commit_callbacks(execute=True):
            change()
    assert sent(webhook) == [("claim.updated", claim.pk), ("claim.updated", claim.pk)]
    body = json.loads(WebhookDelivery.objects.order_by("id").last().body)
    assert (body["claim"]["cue"], body["claim"]["is_flagged_not_claim"]) == ("told", True)


def test_labels_send_created_updated_and_deleted(webhook, annotator, admin_user, django_capture_on_commit_callbacks):
    claim = ClaimFactory()
    # One commit per change, as in use: each body is the claim as it stood right after its change.
    with django_capture_on_commit_callbacks(execute=True):
        label = annotation_submit(claim=claim, annotator=annotator, verdict="verified").annotation
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claim, annotator=annotator, verdict="verified")  # the same label again
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claim, annotator=annotator, verdict="disputed")
    with django_capture_on_commit_callbacks(execute=True):
        verdict_records_delete_as_admin(records=[Annotation.objects.get(pk=label.pk)], actor=admin_user)
    assert sent(webhook) == [("label.created", claim.pk), ("label.updated", claim.pk), ("label.deleted", claim.pk)]
    bodies = [json.loads(d.body) for d in WebhookDelivery.objects.order_by("id")]
    assert {body["label_id"] for body in bodies} == {label.pk}
    assert [a["verdict"] for a in bodies[1]["claim"]["annotations"]] == ["disputed"]
    assert bodies[2]["claim"]["annotations"] == []


def test_adjudication_sends_created_updated_and_deleted(webhook, reviewer, django_capture_on_commit_callbacks):
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        claim_adjudicate(claim=claim, reviewer=reviewer, verdict="disputed", rationale="The count is wrong.")
    with django_capture_on_commit_callbacks(execute=True):
        claim_adjudicate(claim=claim, reviewer=reviewer, verdict="verified", rationale="Confirmed by the ministry.")
    with django_capture_on_commit_callbacks(execute=True):
        claim_reopen(claim=claim, reviewer=reviewer)
    assert [event for event, _ in sent(webhook)] == [
        "adjudication.created",
        "adjudication.updated",
        "adjudication.deleted",
    ]
    created, updated, deleted = (json.loads(d.body)["claim"] for d in WebhookDelivery.objects.order_by("id"))
    assert created["adjudication"]["verdict"] == "disputed"
    assert (updated["verdict"], updated["adjudication"]["rationale"]) == ("verified", "Confirmed by the ministry.")
    assert deleted["adjudication"] is None


def test_bulk_adjudication_sends_one_event_per_claim(webhook, reviewer, django_capture_on_commit_callbacks):
    claims = ClaimFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        claims_bulk_apply(
            claims=claims, user=reviewer, action=BulkAction.ADJUDICATE, verdict="verified", rationale="Checked."
        )
    assert sent(webhook) == [("adjudication.created", claim.pk) for claim in claims]


def test_requeue_sends_each_retired_label_and_the_adjudication(
    webhook, annotator, reviewer, django_capture_on_commit_callbacks
):
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict="verified")
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict="verified", rationale="Checked.")
    with django_capture_on_commit_callbacks(execute=True):
        claim_requeue(claim=claim, user=reviewer, reason="again")
    assert sent(webhook) == [("label.deleted", claim.pk), ("adjudication.deleted", claim.pk)]


def test_nothing_is_sent_before_the_commit_or_for_a_change_rolled_back(
    webhook, reviewer, django_capture_on_commit_callbacks
):
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        claim_adjudicate(claim=claim, reviewer=reviewer, verdict="verified", rationale="Checked.")
        assert not WebhookDelivery.objects.exists()  # the transaction has not committed yet
    assert len(callbacks) == 1

    def flag_both_then_fail():
        # A bulk action whose second step fails undoes the first one: neither is announced.
        with transaction.atomic():
            claims_bulk_apply(claims=[claim, ClaimFactory()], user=reviewer, action=BulkAction.FLAG)
            claim_adjudicate(claim=claim, reviewer=reviewer, verdict="verified", rationale="")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(ValidationError, match="why"):
        flag_both_then_fail()
    assert callbacks == []
    assert not WebhookDelivery.objects.exists()


def test_a_webhook_gets_only_the_events_it_chose_and_an_inactive_one_none(
    annotator, reviewer, django_capture_on_commit_callbacks
):
    labels_only = WebhookFactory(events=["label.created"])
    inactive = WebhookFactory(is_active=False)
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        annotation_submit(claim=claim, annotator=annotator, verdict="verified")
        claim_adjudicate(claim=claim, reviewer=reviewer, verdict="verified", rationale="Checked.")
    assert sent(labels_only) == [("label.created", claim.pk)]
    assert sent(inactive) == []
