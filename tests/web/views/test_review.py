from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.models import Annotation, ClaimReservation, ClaimSkip, Verdict
from annotations.services import annotation_submit, claim_adjudicate
from claims.models import Claim
from tests.claims.factories import ArticleFactory, ClaimFactory, claims_in_one_article
from tests.factories import UserFactory, sign_in_form

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def _claim_field(claim) -> str:
    """The review form's hidden field naming the claim on screen."""
    return f'<input type="hidden" name="claim" value="{claim.pk}">'


@pytest.mark.parametrize(
    ("method", "name"),
    [("get", "home"), ("get", "review"), ("post", "review_submit"), ("post", "review_skip"), ("post", "review_undo")],
)
def test_anonymous_users_are_sent_to_sign_in(client, method, name):
    response = getattr(client, method)(reverse(name))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(reverse("login"))


def test_login_page_loads_and_signs_in(client, annotator):
    page = client.get(reverse("login"))
    assert page.status_code == HTTPStatus.OK
    assert b'name="csrfmiddlewaretoken"' in page.content
    response = client.post(reverse("login"), sign_in_form("ann"))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("home")


def test_login_page_shows_an_error_for_a_wrong_password(client, annotator):
    response = client.post(reverse("login"), sign_in_form("ann", "wrong"))
    assert b"didn't match" in response.content


def test_sign_out_is_a_post_form(annotator_client):
    page = annotator_client.get(reverse("home")).content.decode()
    assert f'method="post" action="{reverse("logout")}"' in page
    response = annotator_client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert annotator_client.get(reverse("home")).status_code == HTTPStatus.FOUND


def test_home_shows_my_progress_and_the_start_button(annotator_client, annotator):
    claims = claims_in_one_article(3)
    annotation_submit(claim=claims[0], annotator=annotator, verdict=Verdict.VERIFIED)
    page = annotator_client.get(reverse("home")).content.decode()
    assert "Start reviewing" in page
    assert "<dt>Labelled by you</dt><dd>1</dd>" in page
    assert "<dt>Remaining for you</dt><dd>2</dd>" in page
    assert "<dt>Today</dt><dd>1</dd>" in page


def test_home_tells_a_user_without_a_role_there_is_nothing_to_review(client):
    client.force_login(UserFactory())
    page = client.get(reverse("home"))
    assert page.status_code == HTTPStatus.OK
    assert b"no annotator role" in page.content


def test_review_refuses_a_user_without_a_role(client):
    claims_in_one_article(1)
    client.force_login(UserFactory())
    assert client.get(reverse("review")).status_code == HTTPStatus.FORBIDDEN


def test_review_shows_the_next_claim_in_its_paragraph_with_article_details(annotator_client, annotator):
    claim = claims_in_one_article(2, title="Allies pledge air defence", publisher="Wire", url="https://example.com/a")[
        0
    ]
    response = annotator_client.get(reverse("review"))
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<html" in page
    assert "Allies pledge air defence" in page
    assert "Wire" in page
    assert 'href="https://example.com/a"' in page
    assert '<span class="claim-focus" id="focus-claim">Claim number 0</span>' in page
    assert '<span class="cue" title="cue">said</span>' in page
    assert 'data-keys="1 v"' in page
    assert 'data-keys="s"' in page
    assert 'data-keys="z"' in page
    assert ClaimReservation.objects.get(claim=claim).annotator == annotator


def test_review_marks_other_claims_in_the_paragraph_faintly(annotator_client):
    article = ArticleFactory(body="Title\nHe said the bridge fell and she said the dam held.")
    body = article.body
    first = ClaimFactory(article=article, start=body.index("the bridge"), end=body.index(" and"), position=0)
    ClaimFactory(article=article, start=body.index("the dam"), end=len(body) - 1, position=1)
    page = annotator_client.get(reverse("review"), {"claim": first.pk}).content.decode()
    assert '<span class="claim-focus" id="focus-claim">the bridge fell</span>' in page
    assert '<span class="claim-other">the dam held</span>' in page


def test_review_escapes_article_and_claim_text(annotator_client):
    article = ArticleFactory(title="<b>bold</b>", body="T\n<script>alert(1)</script> said the man.")
    ClaimFactory(article=article, start=2, end=27)
    page = annotator_client.get(reverse("review")).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_review_says_all_done_when_nothing_is_left(annotator_client):
    page = annotator_client.get(reverse("review")).content.decode()
    assert "All done" in page
    assert reverse("article_list") in page


def test_review_opens_a_chosen_claim(annotator_client):
    claims = claims_in_one_article(3)
    page = annotator_client.get(reverse("review"), {"claim": claims[2].pk}).content.decode()
    assert _claim_field(claims[2]) in page


@pytest.mark.parametrize("value", ["abc", "999999", ""])
def test_review_answers_404_for_an_unknown_claim(annotator_client, value):
    assert annotator_client.get(reverse("review"), {"claim": value}).status_code == HTTPStatus.NOT_FOUND


def test_submit_without_javascript_saves_and_redirects_to_the_next_claim(annotator_client, annotator):
    claim = claims_in_one_article(2)[0]
    page = annotator_client.get(reverse("review")).content.decode()
    shown = page.split('name="shown" value="')[1].split('"')[0]
    response = annotator_client.post(
        reverse("review_submit"),
        {"claim": claim.pk, "verdict": "disputed", "note": "see link", "evidence_url": "https://x.org", "shown": shown},
    )
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("review")
    label = Annotation.objects.get(claim=claim, annotator=annotator)
    assert (label.verdict, label.note, label.evidence_url) == ("disputed", "see link", "https://x.org")
    assert label.seconds_spent is not None
    assert 0 <= label.seconds_spent < 60
    follow = annotator_client.get(reverse("review")).content.decode()
    assert "Saved: Disputed" in follow
    assert _claim_field(claim) not in follow


def test_submit_with_htmx_returns_the_next_claim_as_a_partial(annotator_client, annotator):
    first, second = claims_in_one_article(2)
    annotator_client.get(reverse("review"))
    response = annotator_client.post(reverse("review_submit"), {"claim": first.pk, "verdict": "verified"}, **HTMX)
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in page
    assert page.count('id="review"') == 1
    assert 'hx-swap-oob="innerHTML"' in page
    assert "Saved: Verified" in page
    assert _claim_field(second) in page
    assert response["HX-Replace-Url"] == reverse("review")
    assert Annotation.objects.get(claim=first, annotator=annotator).verdict == "verified"


def test_submit_with_a_tampered_timestamp_still_saves_without_a_time(annotator_client, annotator):
    claim = claims_in_one_article(1)[0]
    annotator_client.post(reverse("review_submit"), {"claim": claim.pk, "verdict": "verified", "shown": "forged"})
    assert Annotation.objects.get(claim=claim).seconds_spent is None


@pytest.mark.parametrize("headers", [{}, HTMX])
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"verdict": "verified", "evidence_url": "javascript:alert(1)"}, "Enter a valid http or https URL."),
        ({"verdict": "maybe"}, "Choose one of: verified, disputed, unverified."),
        ({"verdict": ""}, "Choose one of"),
    ],
)
def test_submit_shows_the_services_errors_in_the_form(annotator_client, headers, data, message):
    claim = claims_in_one_article(1)[0]
    response = annotator_client.post(reverse("review_submit"), {"claim": claim.pk, **data}, **headers)
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert message in response.content.decode()
    assert _claim_field(claim) in response.content.decode()
    assert not Annotation.objects.exists()


@pytest.mark.parametrize("value", ["", "x", "999999"])
def test_submit_for_an_unknown_claim_is_404(annotator_client, value):
    response = annotator_client.post(reverse("review_submit"), {"claim": value, "verdict": "verified"})
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_submit_on_a_flagged_claim_shows_why(annotator_client):
    claim = ClaimFactory(is_flagged_not_claim=True)
    response = annotator_client.post(reverse("review_submit"), {"claim": claim.pk, "verdict": "verified"})
    assert "flagged as not a claim" in response.content.decode()


def test_review_pages_only_accept_their_methods(annotator_client):
    assert annotator_client.post(reverse("review")).status_code == HTTPStatus.METHOD_NOT_ALLOWED
    assert annotator_client.get(reverse("review_skip")).status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize(("name", "goes_to"), [("review_submit", "review"), ("adjudicate_submit", "adjudicate")])
def test_reloading_a_form_shown_again_with_errors_goes_back_to_its_page(reviewer_client, name, goes_to):
    # Without JavaScript a label or verdict with an error is shown at the form's own address; a reload there (or a
    # link from the history) was a blank "405 Method Not Allowed" page.
    response = reviewer_client.get(reverse(name))
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse(goes_to)


def test_field_errors_are_tied_to_their_fields_for_screen_readers(annotator_client):
    # Django names "<id>_error" in the field's aria-describedby; the error must carry that id, or nothing is read.
    claim = ClaimFactory()
    response = annotator_client.post(
        reverse("review_submit"), {"claim": claim.pk, "verdict": "verified", "evidence_url": "ftp://x"}, **HTMX
    )
    page = response.content.decode()
    assert 'aria-describedby="id_evidence_url_error"' in page
    assert '<span class="field-error" id="id_evidence_url_error">Enter a valid http or https URL.</span>' in page


def test_adjudication_errors_and_help_are_tied_to_their_fields(reviewer_client, annotator, second_annotator):
    claim = _conflict(claims_in_one_article(1)[0], annotator, second_annotator)
    page = reviewer_client.post(
        reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": "", "rationale": " "}, **HTMX
    ).content.decode()
    assert 'aria-describedby="id_rationale_helptext id_rationale_error"' in page
    assert 'id="id_rationale_helptext"' in page
    assert 'id="id_rationale_error"' in page
    assert 'aria-describedby="id_verdict_error"' in page
    assert 'id="id_verdict_error"' in page


def test_the_status_region_is_updated_in_place_so_screen_readers_announce_it(annotator_client):
    # Replacing the live region itself (hx-swap-oob="true") is not reliably announced; changing its content is.
    claim, _ = claims_in_one_article(2)
    page = annotator_client.post(reverse("review_submit"), {"claim": claim.pk, "verdict": "verified"}, **HTMX)
    status = 'id="review-status" class="status" role="status" aria-live="polite" aria-atomic="true"'
    assert f'{status} hx-swap-oob="innerHTML"' in page.content.decode()


def test_forms_are_csrf_protected(annotator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(annotator)
    claim = claims_in_one_article(1)[0]
    response = client.post(reverse("review_submit"), {"claim": claim.pk, "verdict": "verified"})
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not Annotation.objects.exists()


def test_skip_moves_on_and_remembers_the_skip(annotator_client, annotator):
    first, second = claims_in_one_article(2)
    annotator_client.get(reverse("review"))
    response = annotator_client.post(reverse("review_skip"), {"claim": first.pk}, **HTMX)
    assert _claim_field(second) in response.content.decode()
    assert ClaimSkip.objects.filter(claim=first, annotator=annotator).exists()
    plain = annotator_client.post(reverse("review_skip"), {"claim": second.pk})
    assert plain["Location"] == reverse("review")


def test_undo_removes_my_last_label_and_shows_that_claim_again(annotator_client, annotator):
    first, second = claims_in_one_article(2)
    annotation_submit(claim=first, annotator=annotator, verdict=Verdict.VERIFIED)
    annotation_submit(claim=second, annotator=annotator, verdict=Verdict.DISPUTED)
    response = annotator_client.post(reverse("review_undo"))
    assert response["Location"] == f"{reverse('review')}?claim={second.pk}"
    assert list(Annotation.objects.values_list("claim_id", flat=True)) == [first.pk]
    page = annotator_client.get(response["Location"]).content.decode()
    assert "Undone" in page
    assert "You labelled this claim" not in page
    htmx = annotator_client.post(reverse("review_undo"), **HTMX)
    assert _claim_field(first) in htmx.content.decode()
    assert htmx["HX-Replace-Url"] == f"{reverse('review')}?claim={first.pk}"
    assert not Annotation.objects.exists()


def test_undo_with_nothing_to_undo_says_so(annotator_client):
    page = annotator_client.post(reverse("review_undo"), follow=True).content.decode()
    assert "Nothing to undo" in page


def test_an_annotator_never_sees_another_annotators_verdict_before_labelling(client, annotator, second_annotator):
    claim = claims_in_one_article(1)[0]
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED, note="secret reasoning")
    client.force_login(second_annotator)
    page = client.get(reverse("review"), {"claim": claim.pk}).content.decode()
    assert "Other labels" not in page
    assert "secret reasoning" not in page
    assert ">ann:" not in page
    annotation_submit(claim=claim, annotator=second_annotator, verdict=Verdict.VERIFIED)
    after = client.get(reverse("review"), {"claim": claim.pk}).content.decode()
    # Nor after labelling: names, verdicts and notes of other annotators are for reviewers only (issue 11).
    assert "Other labels" not in after
    assert "secret reasoning" not in after
    assert ">ann:" not in after


def test_a_reviewer_sees_everyones_labels(client, annotator, reviewer):
    claim = claims_in_one_article(1)[0]
    annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.DISPUTED)
    client.force_login(reviewer)
    page = client.get(reverse("review"), {"claim": claim.pk}).content.decode()
    assert "Other labels" in page
    assert "ann:" in page


@pytest.mark.parametrize("n", [5, 50])
def test_review_page_queries_are_bounded(annotator_client, annotator, django_assert_max_num_queries, n):
    claims = claims_in_one_article(n)
    for claim in claims[: n // 2]:
        annotation_submit(claim=claim, annotator=annotator, verdict=Verdict.VERIFIED)
    with django_assert_max_num_queries(30):
        annotator_client.get(reverse("review"))
    with django_assert_max_num_queries(30):
        annotator_client.get(reverse("review"), {"claim": claims[0].pk})
    with django_assert_max_num_queries(45):
        annotator_client.post(reverse("review_submit"), {"claim": claims[-1].pk, "verdict": "verified"}, **HTMX)


def test_review_page_queries_do_not_grow_with_the_articlesclaims_in_one_article(annotator_client):
    def queries_for(claim):
        with CaptureQueriesContext(connection) as captured:
            annotator_client.get(reverse("review"), {"claim": claim.pk})
        return len(captured)

    small, large = claims_in_one_article(5)[2], claims_in_one_article(50)[2]
    # The first opening of each claim reserves it; compare the second ones, which do the same work.
    queries_for(small)
    with_5 = queries_for(small)
    queries_for(large)
    assert queries_for(large) == with_5


# ---- reviewers: adjudication queue ---------------------------------------------------------------------------


def _conflict(claim, first, second, note=""):
    annotation_submit(claim=claim, annotator=first, verdict=Verdict.VERIFIED, note=note)
    annotation_submit(claim=claim, annotator=second, verdict=Verdict.DISPUTED, evidence_url="https://example.org/x")
    return claim


def test_adjudicate_is_for_reviewers_only(annotator_client):
    assert annotator_client.get(reverse("adjudicate")).status_code == HTTPStatus.FORBIDDEN
    assert annotator_client.post(reverse("adjudicate_submit")).status_code == HTTPStatus.FORBIDDEN


def test_adjudicate_shows_the_first_conflict_with_every_label_side_by_side(
    reviewer_client, annotator, second_annotator
):
    first, second = claims_in_one_article(2)
    _conflict(second, annotator, second_annotator, note="ministry denies it")
    page = reviewer_client.get(reverse("adjudicate")).content.decode()
    assert "1 conflicting claim waiting" in page
    assert '<span class="claim-focus" id="focus-claim">Claim number 1</span>' in page
    assert page.count('class="label-card v-') == 2
    assert "ministry denies it" in page
    assert 'href="https://example.org/x"' in page
    assert 'data-verdict-keys="1 v"' in page
    assert 'hx-post="/adjudicate/verdict/"' in page
    assert 'aria-live="polite"' in page
    assert f'<input type="hidden" name="claim" value="{first.pk}">' not in page


def test_adjudicate_says_when_there_are_no_conflicts(reviewer_client):
    claims_in_one_article(1)
    page = reviewer_client.get(reverse("adjudicate")).content.decode()
    assert "No conflicts" in page


def test_adjudicate_passes_a_claim_by_with_after(reviewer_client, annotator, second_annotator):
    first, second = (_conflict(c, annotator, second_annotator) for c in claims_in_one_article(2))
    page = reviewer_client.get(reverse("adjudicate"), {"after": first.pk}).content.decode()
    assert f'name="claim" value="{second.pk}"' in page
    # Passing the last one goes round to the first: it used to say "No conflicts" with two still waiting.
    last = reviewer_client.get(reverse("adjudicate"), {"after": second.pk}).content.decode()
    assert "No conflicts" not in last
    assert f'name="claim" value="{first.pk}"' in last


def test_after_a_verdict_the_queue_goes_on_from_that_claim_not_back_to_one_passed_by(
    reviewer_client, annotator, second_annotator
):
    first, second, third = (_conflict(c, annotator, second_annotator) for c in claims_in_one_article(3))
    # The reviewer passed `first` by and decides `second`: next comes `third`, then `first` again.
    response = reviewer_client.post(
        reverse("adjudicate_submit"), {"claim": second.pk, "verdict": "verified", "rationale": "r"}, **HTMX
    )
    assert f'name="claim" value="{third.pk}"' in response.content.decode()
    response = reviewer_client.post(
        reverse("adjudicate_submit"), {"claim": third.pk, "verdict": "verified", "rationale": "r"}, **HTMX
    )
    assert f'name="claim" value="{first.pk}"' in response.content.decode()


def test_adjudicate_submit_with_htmx_records_the_verdict_and_swaps_in_the_next_conflict(
    reviewer_client, reviewer, annotator, second_annotator
):
    first, second = (_conflict(c, annotator, second_annotator) for c in claims_in_one_article(2))
    response = reviewer_client.post(
        reverse("adjudicate_submit"),
        {"claim": first.pk, "verdict": "disputed", "rationale": "The video is from 2019.", "origin": "queue"},
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<html" not in page
    assert 'hx-swap-oob="innerHTML"' in page
    assert "Final verdict: Disputed" in page
    assert f'name="claim" value="{second.pk}"' in page
    assert response["HX-Replace-Url"] == reverse("adjudicate")
    first.refresh_from_db()
    assert (first.status, first.consensus_verdict) == ("adjudicated", "disputed")
    assert first.adjudication.reviewer == reviewer


def test_adjudicate_submit_without_javascript_redirects_to_the_queue(reviewer_client, annotator, second_annotator):
    claim = _conflict(claims_in_one_article(1)[0], annotator, second_annotator)
    response = reviewer_client.post(
        reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": "verified", "rationale": "Checked."}
    )
    assert response["Location"] == f"{reverse('adjudicate')}?after={claim.pk}"


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_adjudicate_submit_needs_a_rationale_and_shows_the_error_in_place(
    reviewer_client, annotator, second_annotator, headers
):
    claim = _conflict(claims_in_one_article(1)[0], annotator, second_annotator)
    response = reviewer_client.post(
        reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": "verified", "rationale": "  "}, **headers
    )
    assert response.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "This field is required." in response.content.decode()
    assert f'name="claim" value="{claim.pk}"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "conflicting"


def test_adjudicate_submit_from_the_claim_page_goes_back_to_it(reviewer_client):
    claim = claims_in_one_article(1)[0]
    response = reviewer_client.post(
        reverse("adjudicate_submit"),
        {"claim": claim.pk, "verdict": "unverified", "rationale": "Nobody can check it.", "origin": "claim"},
    )
    assert response["Location"] == reverse("claim_detail", args=[claim.pk])
    claim.refresh_from_db()
    assert claim.consensus_verdict == "unverified"
    error = reviewer_client.post(reverse("adjudicate_submit"), {"claim": claim.pk, "verdict": "x", "origin": "claim"})
    assert error.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert "History" in error.content.decode()


def test_reopen_withdraws_the_final_verdict_and_puts_the_conflict_back(
    reviewer_client, reviewer, annotator, second_annotator
):
    claim = _conflict(claims_in_one_article(1)[0], annotator, second_annotator)
    claim_adjudicate(claim=claim, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="ok")
    response = reviewer_client.post(reverse("claim_reopen", args=[claim.pk]))
    assert response["Location"] == reverse("claim_detail", args=[claim.pk])
    claim.refresh_from_db()
    assert (claim.status, claim.consensus_verdict) == ("conflicting", "")
    assert "Reopened" in reviewer_client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("n", [5, 50])
def test_adjudicate_queries_are_bounded(reviewer_client, annotator, second_annotator, django_assert_max_num_queries, n):
    for claim in claims_in_one_article(n):
        _conflict(claim, annotator, second_annotator)
    with django_assert_max_num_queries(15):
        reviewer_client.get(reverse("adjudicate"))
    first = Claim.objects.order_by("pk").first()
    with django_assert_max_num_queries(40):
        reviewer_client.post(
            reverse("adjudicate_submit"), {"claim": first.pk, "verdict": "verified", "rationale": "r"}, **HTMX
        )


# ---- reviewers: dashboard ------------------------------------------------------------------------------------


def test_dashboard_is_for_reviewers_only(annotator_client):
    assert annotator_client.get(reverse("dashboard")).status_code == HTTPStatus.FORBIDDEN


def test_dashboard_on_an_empty_database_says_n_a(reviewer_client):
    page = reviewer_client.get(reverse("dashboard")).content.decode()
    assert '<p class="figure-value">n/a</p>' in page
    assert "No claim has a final verdict yet." in page
    assert "No two annotators share a claim yet." in page


def test_dashboard_shows_alpha_kappa_per_annotator_figures_and_four_charts(
    reviewer_client, reviewer, annotator, second_annotator
):
    claims = claims_in_one_article(4)
    for claim, (a, b) in zip(
        claims,
        [("verified", "verified"), ("disputed", "disputed"), ("verified", "disputed"), ("unverified", "unverified")],
        strict=True,
    ):
        annotation_submit(claim=claim, annotator=annotator, verdict=a, seconds_spent=10)
        annotation_submit(claim=claim, annotator=second_annotator, verdict=b, seconds_spent=30)
    claim_adjudicate(claim=claims[2], reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="r")
    page = reviewer_client.get(reverse("dashboard")).content.decode()
    assert "over 4 claims and 8 labels" in page
    assert '<th scope="row">ann &amp; ann2</th>' in page
    assert '<td class="num">4</td>' in page  # shared claims
    # Three agreement charts and the progress chart (claims by status).
    assert page.count('<svg class="chart"') == 4
    assert page.count("<title id=") == 4
    assert page.count("<desc id=") == 4
    assert "Speaker" in page  # verdicts per source
    assert "10 s" in page
    assert "30 s" in page
    assert "100%" in page
    assert "75%" in page
    assert "8 labels in 30 days." in page


@pytest.mark.parametrize("n", [5, 50])
def test_dashboard_queries_are_bounded(reviewer_client, annotator, second_annotator, django_assert_max_num_queries, n):
    for claim in claims_in_one_article(n):
        _conflict(claim, annotator, second_annotator)
    with django_assert_max_num_queries(10):
        reviewer_client.get(reverse("dashboard"))


# ---- the review page's "possibly the same claim" box -----------------------------------------------------------


def test_review_lists_possible_matches_with_keys_and_only_final_verdicts(annotator_client, reviewer, second_annotator):
    from matching.models import MatchStatus
    from tests.matching.factories import ClaimMatchFactory

    claim = ClaimFactory()
    decided, open_other = ClaimFactory(), ClaimFactory()
    annotation_submit(claim=open_other, annotator=second_annotator, verdict=Verdict.DISPUTED, note="private")
    claim_adjudicate(claim=decided, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="r")
    ClaimMatchFactory(claim=claim, other=decided, score=0.9, status=MatchStatus.CONFIRMED)
    ClaimMatchFactory(claim=claim, other=open_other, score=0.7)
    page = annotator_client.get(reverse("review"), {"claim": claim.pk}).content.decode()
    assert "Possibly the same claim as" in page
    assert "final verdict: <strong" in page
    assert 'data-keys="a"' in page
    assert "Same verdict: verified" in page
    assert 'data-keys="m"' in page
    assert 'data-keys="x"' in page
    assert "private" not in page
    assert "disputed</strong>" not in page
    assert "<dt><kbd>m</kbd></dt>" in page
