"""The review page's "possibly the same claim" box in a real browser: confirm with m, reuse the verdict with a."""

import pytest

from annotations.models import Annotation, Verdict
from annotations.services import claim_adjudicate
from matching.models import ClaimMatch, MatchStatus
from tests.browser.conftest import PHONE, make_story, make_user, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _story_with_a_match():
    from tests.claims.factories import ArticleFactory, ClaimFactory

    _, claims = make_story()
    elsewhere = ClaimFactory(article=ArticleFactory(title="Wire copy: missiles for NASAMS"))
    reviewer = make_user("rev-m", "reviewer")
    claim_adjudicate(claim=elsewhere, reviewer=reviewer, verdict=Verdict.VERIFIED, rationale="MoD statement")
    match = ClaimMatch.objects.create(claim=claims[0], other=elsewhere, score=0.91)
    return claims, elsewhere, match


def test_annotator_confirms_a_match_and_reuses_its_verdict_with_keys(live_server, new_page, tmp_path):
    annotator = make_user("matcher")
    claims, elsewhere, match = _story_with_a_match()
    page = new_page()
    sign_in(page, live_server, "matcher")
    page.goto(f"{live_server.url}/review/")
    box = page.locator(".matches")
    assert "Wire copy: missiles for NASAMS" in box.inner_text()
    assert "final verdict: verified" in box.inner_text()
    page.evaluate("window.__samePage = true")

    page.keyboard.press("m")
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Confirmed')")
    match.refresh_from_db()
    assert (match.status, match.decided_by) == (MatchStatus.CONFIRMED, annotator)
    assert page.locator("#review").get_attribute("data-claim") == str(claims[0].pk)
    page.screenshot(path=str(tmp_path / "review-match.png"))

    page.keyboard.press("a")
    wait_until(page, f"document.querySelector('#review').dataset.claim !== '{claims[0].pk}'")
    assert "same as the matched claim" in page.locator("#review-status").inner_text()
    assert page.evaluate("window.__samePage") is True
    label = Annotation.objects.get(claim=claims[0], annotator=annotator)
    assert label.verdict == Verdict.VERIFIED
    assert f"claim {elsewhere.pk}" in label.note


def test_annotator_rejects_a_match_with_x_on_a_phone(live_server, new_page, tmp_path):
    make_user("rejecter")
    claims, _, match = _story_with_a_match()
    page = new_page(PHONE)
    sign_in(page, live_server, "rejecter")
    page.goto(f"{live_server.url}/review/?claim={claims[0].pk}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "review-match-phone.png"), full_page=True)
    page.keyboard.press("x")
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Rejected')")
    match.refresh_from_db()
    assert match.status == MatchStatus.REJECTED
    assert page.locator(".matches").count() == 0
