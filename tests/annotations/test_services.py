from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from annotations.models import Annotation, ClaimReservation, Guidelines, Verdict
from annotations.selectors import annotations_visible_to, annotator_progress, claim_history
from annotations.services import (
    BulkAction,
    annotation_submit,
    annotation_undo_last,
    claim_adjudicate,
    claim_correct,
    claim_fix_decide,
    claim_fix_propose,
    claim_reopen,
    claims_bulk_apply,
    guidelines_update,
    review_next_claim,
    review_open_claim,
    review_skip,
)
from claims.models import Claim, ClaimStatus
from claims.services import claim_flag
from tests.claims.factories import ArticleFactory, ClaimFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _claims(n):
    article = ArticleFactory(body="Title\n" + "\n".join(f"Claim number {i} said the official." for i in range(n)))
    lines = article.body.split("\n")
    claims, offset = [], len(lines[0]) + 1
    for position, line in enumerate(lines[1:]):
        claims.append(ClaimFactory(article=article, start=offset, end=offset + len(line), text=line, position=position))
        offset += len(line) + 1
    return claims


def test_annotation_submit_twice_records_one_label_and_updates_it(annotator):
    claim = ClaimFactory()
    first = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    again = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    assert first.created
    assert not again.created
    assert not again.changed
    changed = annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED, note="see link")
    assert changed.changed
    assert Annotation.objects.get().verdict == Verdict.DISPUTED
    history = [e for e in claim_history(claim=claim) if e.what == "label"]
    assert [e.action for e in history] == ["created", "changed"]
    assert history[1].changes["verdict"] == ("verified", "disputed")
    assert history[1].who == annotator.username


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"verdict": "maybe"}, "verdict"),
        ({"verdict": "verified", "evidence_url": "javascript:alert(1)"}, "evidence_url"),
        ({"verdict": "verified", "evidence_url": "not a url"}, "evidence_url"),
    ],
)
def test_annotation_submit_rejects_bad_input_with_field_errors(annotator, kwargs, field):
    with pytest.raises(ValidationError) as error:
        annotation_submit(claim=ClaimFactory(), annotator=annotator, **kwargs)
    assert field in error.value.message_dict
    assert not Annotation.objects.exists()


def test_annotation_submit_refuses_users_without_a_role():
    with pytest.raises(PermissionDenied):
        annotation_submit(claim=ClaimFactory(), annotator=UserFactory(), verdict=Verdict.VERIFIED)


def test_consensus_follows_labels_and_adjudication(settings, annotator, second_annotator, reviewer):
    settings.LABELS_PER_CLAIM = 2
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == (ClaimStatus.IN_PROGRESS, "")
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == (ClaimStatus.AGREED, Verdict.VERIFIED)
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.DISPUTED)
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == (ClaimStatus.CONFLICTING, "")
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="Ministry retracted.")
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == (ClaimStatus.ADJUDICATED, Verdict.DISPUTED)
    claim_reopen(claim=claim, reviewer=reviewer)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CONFLICTING
    actions = [(e.what, e.action) for e in claim_history(claim=claim) if e.what == "adjudication"]
    assert actions == [("adjudication", "created"), ("adjudication", "deleted")]


def test_a_claim_never_collects_more_labels_than_configured(settings, annotator, second_annotator):
    settings.LABELS_PER_CLAIM = 1
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    with pytest.raises(ValidationError):
        annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    assert claim.annotations.count() == 1


def test_adjudication_needs_a_reviewer_and_a_rationale(annotator, reviewer):
    claim = ClaimFactory()
    with pytest.raises(PermissionDenied):
        claim_adjudicate(claim=claim, reviewer=annotator, verdict=Verdict.VERIFIED, rationale="x")
    with pytest.raises(ValidationError) as error:
        claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="  ")
    assert "rationale" in error.value.message_dict


def test_review_queue_gives_fewest_labels_first_and_never_the_same_claim_to_two_annotators(
    settings, annotator, second_annotator
):
    settings.LABELS_PER_CLAIM = 2
    first, second, third = _claims(3)
    other = UserFactory(username="early")
    other.groups.add(*annotator.groups.all())
    annotation_submit(claim=first, annotator=other, verdict=Verdict.VERIFIED)

    mine = review_next_claim(annotator=annotator)
    theirs = review_next_claim(annotator=second_annotator)
    assert mine == second
    assert theirs == third
    assert review_next_claim(annotator=annotator) == second  # the reservation holds until I label it
    annotation_submit(claim=second, annotator=annotator, verdict=Verdict.DISPUTED)
    assert review_next_claim(annotator=annotator) == first


def test_review_queue_skips_flagged_claims_and_offers_skipped_ones_last(annotator):
    first, second, third = _claims(3)
    claim_flag(claim=third, user=annotator)
    assert review_next_claim(annotator=annotator) == first
    review_skip(annotator=annotator, claim=first)
    assert review_next_claim(annotator=annotator) == second
    annotation_submit(claim=second, annotator=annotator, verdict=Verdict.VERIFIED)
    assert review_next_claim(annotator=annotator) == first
    annotation_submit(claim=first, annotator=annotator, verdict=Verdict.VERIFIED)
    assert review_next_claim(annotator=annotator) is None


def test_expired_reservation_frees_the_claim(settings, annotator, second_annotator):
    settings.REVIEW_RESERVATION_SECONDS = -1
    (only,) = _claims(1)
    assert review_next_claim(annotator=annotator) == only
    assert review_next_claim(annotator=second_annotator) == only


def test_undo_removes_my_last_label_and_gives_the_claim_back(annotator):
    first, second = _claims(2)
    annotation_submit(claim=first, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=second, annotator=annotator, verdict=Verdict.DISPUTED)
    assert annotation_undo_last(annotator=annotator) == second
    assert list(Annotation.objects.values_list("claim_id", flat=True)) == [first.pk]
    assert ClaimReservation.objects.get(annotator=annotator).claim == second
    second.refresh_from_db()
    assert second.status == ClaimStatus.UNLABELLED
    assert [e.action for e in claim_history(claim=second) if e.what == "label"] == ["created", "deleted"]


def test_blind_labelling_hides_other_verdicts_from_annotators_even_after_labelling(
    annotator, second_annotator, reviewer
):
    claim = ClaimFactory()
    review_open_claim(annotator=annotator, claim=claim)
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED)
    assert list(annotations_visible_to(user=second_annotator, claim=claim)) == []
    assert len(annotations_visible_to(user=reviewer, claim=claim)) == 1
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    assert [a.annotator for a in annotations_visible_to(user=second_annotator, claim=claim)] == [second_annotator]
    assert len(annotations_visible_to(user=reviewer, claim=claim)) == 2


def test_annotator_progress_counts_labelled_remaining_and_today(annotator):
    first, _second, _third = _claims(3)
    annotation_submit(claim=first, annotator=annotator, verdict=Verdict.VERIFIED)
    progress = annotator_progress(user=annotator)
    assert (progress.labelled, progress.remaining, progress.today) == (1, 2, 1)


def test_remaining_leaves_out_claims_that_are_full_flagged_or_settled_but_not_my_open_ones(
    settings, annotator, second_annotator, reviewer
):
    settings.LABELS_PER_CLAIM = 2
    full, mine_open, flagged, settled, untouched = _claims(5)
    for claim in (full, mine_open):
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=full, annotator=second_annotator, verdict=Verdict.VERIFIED)
    claim_flag(claim=flagged, user=reviewer)
    claim_adjudicate(claim=settled, reviewer=reviewer, verdict=Verdict.DISPUTED, rationale="the ministry denied it")
    mine, theirs = annotator_progress(user=annotator), annotator_progress(user=second_annotator)
    # Open to me: only the untouched one. Open to the other annotator: the one I labelled and the untouched one.
    assert (mine.labelled, mine.remaining) == (2, 1)
    assert (theirs.labelled, theirs.remaining) == (1, 2)


def test_today_counts_only_labels_given_since_midnight(annotator):
    first, second = _claims(2)
    for claim in (first, second):
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    yesterday = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(minutes=1)
    Annotation.objects.filter(claim=first).update(updated_at=yesterday)
    progress = annotator_progress(user=annotator)
    assert (progress.labelled, progress.today) == (2, 1)


def test_labels_lock_once_a_claim_has_all_of_them_so_its_status_cannot_be_probed(
    settings, annotator, second_annotator, reviewer
):
    settings.LABELS_PER_CLAIM = 2
    claim = ClaimFactory()
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED)  # still open: may change
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    with pytest.raises(ValidationError) as error:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    assert "locked" in error.value.message_dict["claim"][0]
    # Sending the same label again (a retry) is still fine, and a reviewer is not locked out.
    assert not annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED).changed
    with pytest.raises(ValidationError):
        annotation_undo_last(annotator=second_annotator)
    assert claim.annotations.count() == 2


# ---- the reviewers' workspace: fixing, requeueing, bulk actions, guidelines ------------------------------------


def _conflicting(claim, first, second):
    annotation_submit(claim=claim, annotator=first, verdict=Verdict.VERIFIED)
    annotation_submit(claim=claim, annotator=second, verdict=Verdict.DISPUTED)
    claim.refresh_from_db()
    return claim


def test_claim_correct_new_words_retire_the_labels_into_history_and_requeue(reviewer, annotator, second_annotator):
    claim = _conflicting(_claims(1)[0], annotator, second_annotator)
    result = claim_correct(claim=claim, user=reviewer, end=claim.end - len(" said the official."))
    assert result.text_changed_materially
    claim.refresh_from_db()
    assert (claim.text, claim.status, claim.label_count) == ("Claim number 0", ClaimStatus.UNLABELLED, 0)
    assert not Annotation.objects.filter(claim=claim).exists()
    retired = Annotation.history.filter(claim_id=claim.pk, history_type="-")
    assert {r.history_change_reason for r in retired} == {"given to the old text (the claim's span changed)"}
    assert review_next_claim(annotator=annotator) == claim  # back in the queue, for the same annotators too


def test_claim_correct_source_only_keeps_the_labels(reviewer, annotator, second_annotator):
    claim = _conflicting(_claims(1)[0], annotator, second_annotator)
    claim_correct(claim=claim, user=reviewer, new_source_name="Harbour authority", cue="told")
    claim.refresh_from_db()
    assert (claim.status, claim.label_count, claim.cue) == (ClaimStatus.CONFLICTING, 2, "told")


def test_claim_correct_is_for_reviewers(annotator):
    claim = _claims(1)[0]
    with pytest.raises(PermissionDenied):
        claim_correct(claim=claim, user=annotator, cue="told")


def test_claims_bulk_adjudicate_settles_every_selected_claim_with_one_rationale(reviewer, annotator, second_annotator):
    claims = [_conflicting(c, annotator, second_annotator) for c in _claims(3)]
    done = claims_bulk_apply(
        claims=claims, user=reviewer, action=BulkAction.ADJUDICATE, verdict="disputed", rationale="Contradicted"
    )
    assert done == 3
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.consensus_verdict) == (ClaimStatus.ADJUDICATED, "disputed")
        assert claim.adjudication.rationale == "Contradicted"


def test_claims_bulk_adjudicate_without_rationale_changes_nothing(reviewer, annotator, second_annotator):
    claims = [_conflicting(c, annotator, second_annotator) for c in _claims(2)]
    with pytest.raises(ValidationError) as raised:
        claims_bulk_apply(claims=claims, user=reviewer, action=BulkAction.ADJUDICATE, verdict="disputed")
    assert "rationale" in raised.value.message_dict
    assert [c.status for c in Claim.objects.order_by("pk")] == [ClaimStatus.CONFLICTING] * 2


def test_claims_bulk_flag_source_and_requeue_write_history(reviewer, annotator, second_annotator):
    claims = _claims(2)
    claims_bulk_apply(claims=claims, user=reviewer, action=BulkAction.SOURCE, new_source_name="Port authority")
    claims_bulk_apply(claims=claims, user=reviewer, action=BulkAction.FLAG)
    assert {(c.source.name, c.is_flagged_not_claim) for c in Claim.objects.all()} == {("Port authority", True)}
    claims_bulk_apply(claims=claims, user=reviewer, action=BulkAction.REQUEUE)
    assert not Claim.objects.filter(is_flagged_not_claim=True).exists()
    users = {r.history_user for r in Claim.history.filter(id__in=[c.pk for c in claims], history_type="~")}
    assert users == {reviewer}


def test_claims_bulk_refuses_annotators_and_empty_selections(reviewer, annotator):
    with pytest.raises(PermissionDenied):
        claims_bulk_apply(claims=_claims(1), user=annotator, action=BulkAction.FLAG)
    with pytest.raises(ValidationError):
        claims_bulk_apply(claims=[], user=reviewer, action=BulkAction.FLAG)


def test_guidelines_update_keeps_every_version_and_refuses_empty_text(reviewer, annotator):
    guidelines_update(text="# One", user=reviewer)
    guidelines_update(text="# Two", user=reviewer)
    assert [h.text for h in Guidelines.history.order_by("history_id")] == ["# One", "# Two"]
    with pytest.raises(ValidationError):
        guidelines_update(text="   ", user=reviewer)
    with pytest.raises(PermissionDenied):
        guidelines_update(text="# Mine", user=annotator)
    assert Guidelines.objects.get().text == "# Two"


def test_claim_fix_proposal_changes_nothing_until_a_reviewer_accepts_it(reviewer, annotator):
    claim = _claims(1)[0]
    proposal = claim_fix_propose(
        claim=claim, user=annotator, start=claim.start, end=claim.start + len("Claim number 0"), note="Too long"
    )
    claim.refresh_from_db()
    assert claim.text == "Claim number 0 said the official."
    assert proposal.text == "Claim number 0"
    claim_fix_decide(proposal=proposal, reviewer=reviewer, accept=True)
    claim.refresh_from_db()
    assert claim.text == "Claim number 0"
    assert claim.history.latest().history_user == reviewer
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by) == ("accepted", reviewer)
    with pytest.raises(ValidationError, match="already accepted"):
        claim_fix_decide(proposal=proposal, reviewer=reviewer, accept=False)


def test_claim_fix_proposal_with_bad_offsets_is_refused_and_rejection_keeps_the_claim(reviewer, annotator):
    claim = _claims(1)[0]
    with pytest.raises(ValidationError) as raised:
        claim_fix_propose(claim=claim, user=annotator, start=claim.end, end=claim.start)
    assert "start" in raised.value.message_dict
    proposal = claim_fix_propose(claim=claim, user=annotator, start=claim.start, end=claim.start + 5)
    with pytest.raises(PermissionDenied):
        claim_fix_decide(proposal=proposal, reviewer=annotator, accept=True)
    claim_fix_decide(proposal=proposal, reviewer=reviewer, accept=False)
    claim.refresh_from_db()
    assert claim.text == "Claim number 0 said the official."
