"""Every way a claim, label or adjudication changes reaches the webhooks once, and only once it is committed."""

import json
from http import HTTPStatus

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from annotations.models import Adjudication, Annotation
from annotations.services import (
    BulkAction,
    annotation_submit,
    article_ingest_labelled,
    claim_adjudicate,
    claim_reopen,
    claim_requeue,
    claims_bulk_apply,
    verdict_records_delete_as_admin,
)
from claims.models import Article, Claim
from claims.services import article_ingest, article_reextract, claim_flag, claim_update, claims_delete
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


def _deleted_bodies() -> list[dict]:
    return [json.loads(d.body)["claim"] for d in WebhookDelivery.objects.filter(event="claim.deleted").order_by("id")]


def _what_it_was(claim) -> dict:
    article = {"id": claim.article_id}
    return {"id": claim.pk, "article": article, "text": claim.text, "start": claim.start, "end": claim.end}


def test_an_admin_deleting_a_claim_sends_claim_deleted_with_what_it_was(
    webhook, admin_client, annotator, django_capture_on_commit_callbacks
):
    claim, other = ClaimFactory(), ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict="verified")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"})
    assert response.status_code == HTTPStatus.FOUND
    assert not Claim.objects.filter(pk=claim.pk).exists()
    # Its label went with it: the claim's deletion says so, no label.deleted of its own.
    assert sent(webhook) == [("claim.deleted", claim.pk)]
    assert _deleted_bodies() == [_what_it_was(claim)]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:claims_claim_changelist"),
            {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert sent(webhook)[1:] == [("claim.deleted", other.pk)]


def test_deleting_articles_in_the_admin_sends_claim_deleted_for_each_of_their_claims(
    webhook, admin_client, django_capture_on_commit_callbacks
):
    claims = ClaimFactory.create_batch(2)
    kept = ClaimFactory().article
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:claims_article_changelist"),
            {"action": "delete_selected", "_selected_action": [claim.article_id for claim in claims], "post": "yes"},
        )
    assert response.status_code == HTTPStatus.FOUND
    assert list(Article.objects.all()) == [kept]
    assert sorted(sent(webhook)) == [("claim.deleted", claim.pk) for claim in sorted(claims, key=lambda c: c.pk)]
    assert sorted(_deleted_bodies(), key=lambda body: body["id"]) == [
        _what_it_was(claim) for claim in sorted(claims, key=lambda c: c.pk)
    ]


def test_claims_the_rules_no_longer_find_are_announced_as_deleted(
    webhook, annotator, monkeypatch, django_capture_on_commit_callbacks
):
    body = (
        "Headline\nThe ministry said 40 drones were shot down.\nAnna Keller said the port is open.\n"
        "The mayor said prices will rise.\n"
    )
    claims = list(article_ingest(body=body).article.claims.order_by("pk"))
    article = claims[0].article
    annotation_submit(claim=claims[0], annotator=annotator, verdict="verified")  # human work: kept
    monkeypatch.setattr("claims.services.extract_claims", lambda text: [])
    with django_capture_on_commit_callbacks(execute=True):
        result = article_reextract(article=article)
    assert result.removed == len(claims) - 1 > 0
    assert sent(webhook) == [("claim.deleted", claim.pk) for claim in claims[1:]]
    assert _deleted_bodies() == [_what_it_was(claim) for claim in claims[1:]]


def test_a_rolled_back_deletion_sends_nothing(webhook, admin_user, django_capture_on_commit_callbacks):
    claim = ClaimFactory()

    def delete_then_fail():
        with transaction.atomic():
            claims_delete(claims=[claim], user=admin_user)
            raise RuntimeError("the rest of the request failed")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        delete_then_fail()
    assert callbacks == []
    assert Claim.objects.filter(text=claim.text).exists()
    assert not WebhookDelivery.objects.exists()


def test_claim_deleted_is_an_event_a_webhook_can_choose_alone(admin_user, django_capture_on_commit_callbacks):
    deletions, labels = WebhookFactory(events=["claim.deleted"]), WebhookFactory(events=["label.created"])
    claim = ClaimFactory()
    with django_capture_on_commit_callbacks(execute=True):
        claims_delete(claims=[Claim.objects.get(pk=claim.pk)], user=admin_user)
    assert (sent(deletions), sent(labels)) == ([("claim.deleted", claim.pk)], [])


def test_an_import_with_labels_sends_each_label_and_the_adjudication(
    webhook, admin_user, annotator, second_annotator, reviewer, django_capture_on_commit_callbacks
):
    body = "Headline\nThe minister said that taxes will fall.\n"
    start = body.index("taxes")
    record = {
        "text": "taxes will fall",
        "start": start,
        "end": start + 15,
        "annotations": [
            {"annotator": annotator.username, "verdict": "verified"},
            {"annotator": second_annotator.username, "verdict": "disputed"},
        ],
        "adjudication": {"reviewer": reviewer.username, "verdict": "disputed", "rationale": "Checked."},
    }
    with django_capture_on_commit_callbacks(execute=True):
        result = article_ingest_labelled(body=body, claims=[record], created_by=admin_user)
    claim = result.article.claims.get()
    assert sent(webhook) == [
        ("claim.created", claim.pk),
        ("label.created", claim.pk),
        ("label.created", claim.pk),
        ("adjudication.created", claim.pk),
    ]
    bodies = [json.loads(d.body) for d in WebhookDelivery.objects.order_by("id")]
    assert sorted(body["label_id"] for body in bodies[1:3]) == sorted(Annotation.objects.values_list("pk", flat=True))
    assert bodies[3]["claim"]["adjudication"]["rationale"] == Adjudication.objects.get().rationale == "Checked."
