"""Multi-annotator review in a real browser: two annotators disagree with keys, a reviewer settles it with keys."""

from pathlib import Path

import pytest
from django.conf import settings

from annotations.models import Adjudication, Annotation, Verdict
from annotations.services import annotation_submit
from tests.browser.conftest import PHONE, make_story, make_user, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "dashboard.png"
RATIONALE = "The ministry's own figures say otherwise."


def _user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def _label_with_key(page, live_server, claim, key: str) -> None:
    page.goto(f"{live_server.url}/review/?claim={claim.pk}")
    page.keyboard.press(key)
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Saved')")


def test_two_annotators_disagree_and_a_reviewer_adjudicates_with_keys(live_server, new_page, tmp_path):
    for username in ("alice", "bob"):
        make_user(username)
    make_user("rita", "reviewer")
    _, claims = make_story()
    claim = claims[1]

    for username, key in (("alice", "1"), ("bob", "d")):
        page = new_page()
        sign_in(page, live_server, username)
        _label_with_key(page, live_server, claim, key)
    assert sorted(Annotation.objects.filter(claim=claim).values_list("verdict", flat=True)) == ["disputed", "verified"]

    page = new_page()
    sign_in(page, live_server, "rita")
    page.goto(f"{live_server.url}/adjudicate/")
    assert page.locator("#adjudicate").get_attribute("data-claim") == str(claim.pk)
    cards = page.locator(".label-card")
    assert cards.count() == 2
    assert "alice" in cards.nth(0).inner_text()
    assert "Verified" in cards.nth(0).inner_text()
    assert "Disputed" in cards.nth(1).inner_text()
    page.evaluate("window.__samePage = true")
    page.screenshot(path=str(tmp_path / "adjudicate.png"))

    # A verdict key picks the verdict and puts the cursor in the rationale; Enter sends it, by htmx.
    page.keyboard.press("3")
    assert page.evaluate("document.activeElement.id") == "id_rationale"
    page.keyboard.press("Escape")
    page.keyboard.press("u")  # letters work as well as digits
    page.keyboard.type(RATIONALE)
    assert page.locator("input[value=unverified]").is_checked()
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('#adjudicate').dataset.claim === ''")
    assert "Final verdict: Unverified" in page.locator("#review-status").inner_text()
    assert "No conflicts" in page.locator("#adjudicate").inner_text()
    assert page.evaluate("window.__samePage") is True
    # Focus moves to the "No conflicts" heading, not back to the top of the page (it used to be lost on <body>).
    assert page.evaluate("document.activeElement.id") == "adjudicate-heading"
    adjudication = Adjudication.objects.get(claim=claim)
    assert (adjudication.verdict, adjudication.rationale, adjudication.reviewer.username) == (
        Verdict.UNVERIFIED,
        RATIONALE,
        "rita",
    )

    # The claim page shows the whole story, oldest first.
    page.goto(f"{live_server.url}/claims/{claim.pk}/")
    history = page.locator(".history-list").inner_text()
    assert history.index("alice created the label") < history.index("bob created the label")
    assert history.index("bob created the label") < history.index("rita created the adjudication")
    assert RATIONALE in history
    page.screenshot(path=str(tmp_path / "claim.png"), full_page=True)

    # Reopening puts it back in the queue; the history keeps the withdrawn verdict.
    page.get_by_role("button", name="Reopen: withdraw this verdict").click()
    page.wait_for_selector(".messages")
    assert "rita deleted the adjudication" in page.locator(".history-list").inner_text()
    page.goto(f"{live_server.url}/adjudicate/")
    assert page.locator("#adjudicate").get_attribute("data-claim") == str(claim.pk)
    page.keyboard.press("2")
    page.keyboard.type("Second look: disputed.")
    page.keyboard.press("Control+Enter")
    wait_until(page, "document.querySelector('#adjudicate').dataset.claim === ''")
    assert Adjudication.objects.get(claim=claim).verdict == Verdict.DISPUTED

    page.goto(f"{live_server.url}/dashboard/")
    assert page.locator("svg.chart").count() == 4  # progress by status, then the three agreement charts
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))  # README: 1280x800, after the scenario above
    page.screenshot(path=str(tmp_path / "dashboard-full.png"), full_page=True)


def test_reviewer_pages_fit_a_phone(live_server, new_page, tmp_path):
    first, second = make_user("a1"), make_user("a2")
    make_user("r1", "reviewer")
    _, claims = make_story()
    annotation_submit(claim=claims[0], annotator=first, verdict=Verdict.VERIFIED, note="fine")
    annotation_submit(claim=claims[0], annotator=second, verdict=Verdict.DISPUTED, note="no")
    page = new_page(PHONE)
    sign_in(page, live_server, "r1")
    for path in ("/adjudicate/", "/dashboard/", f"/claims/{claims[0].pk}/", "/clusters/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        page.screenshot(path=str(tmp_path / f"phone{path.replace('/', '-')}.png"), full_page=True)


def test_keys_still_work_after_a_verdict_radio_is_clicked(live_server, new_page):
    # A reviewer who clicked a verdict (focus on the radio) found every key dead: radios counted as text fields.
    for username in ("ann_a", "ann_b"):
        make_user(username)
    make_user("rex", "reviewer")
    _, claims = make_story()
    for claim in claims[:2]:
        annotation_submit(claim=claim, annotator=_user("ann_a"), verdict="verified")
        annotation_submit(claim=claim, annotator=_user("ann_b"), verdict="disputed")
    page = new_page()
    sign_in(page, live_server, "rex")
    page.goto(f"{live_server.url}/adjudicate/")
    assert page.locator("#adjudicate").get_attribute("data-claim") == str(claims[0].pk)
    page.locator("input[name=verdict][value=verified]").click()
    assert page.evaluate("document.activeElement.type") == "radio"
    page.keyboard.press("2")  # changes the verdict and moves to the rationale, as from anywhere else
    assert page.locator("input[value=disputed]").is_checked()
    assert page.evaluate("document.activeElement.id") == "id_rationale"
    page.keyboard.press("Escape")
    page.locator("input[name=verdict][value=verified]").click()
    page.keyboard.press("s")  # pass
    page.wait_for_url(f"{live_server.url}/adjudicate/?after={claims[0].pk}")
    assert page.locator("#adjudicate").get_attribute("data-claim") == str(claims[1].pk)
