"""The article page in a real browser: claims marked in place, and adding a missed claim by selecting its text."""

import pytest

from claims.models import Claim, ClaimOrigin
from tests.browser.conftest import PHONE, STORY_BODY, make_story, make_user, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SELECT_TEXT = """
([body, wanted]) => {
  // Select `wanted` in the article body the way a mouse drag would, across element boundaries if need be.
  const root = document.getElementById(body);
  const at = root.textContent.indexOf(wanted);
  if (at === -1) return false;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const next = seen + node.data.length;
    if (seen <= at && at < next) range.setStart(node, at - seen);
    const end = at + wanted.length;
    if (seen < end && end <= next) { range.setEnd(node, end - seen); break; }
    seen = next;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  root.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
  return true;
}
"""


def test_annotator_adds_a_missed_claim_by_selecting_its_text(live_server, new_page):
    annotator = make_user("fixer")
    article, claims = make_story()
    # After an emoji: JavaScript counts it as two UTF-16 units, Python as one character.
    wanted = "talks were not on the agenda for now"
    page = new_page()
    sign_in(page, live_server, "fixer")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert page.locator("#article-body a.claim").count() == len(claims)

    assert page.evaluate(SELECT_TEXT, ["article-body", wanted]) is True
    bar = page.locator("#selection-bar")
    bar.wait_for(state="visible")
    assert wanted in bar.inner_text()
    start = STORY_BODY.index(wanted)
    assert page.locator("#id_start").input_value() == str(start)
    assert page.locator("#id_end").input_value() == str(start + len(wanted))
    bar.get_by_role("button", name="Add claim").click()
    page.wait_for_url(f"{live_server.url}/articles/{article.pk}/#claim-*")

    claim = Claim.objects.get(origin=ClaimOrigin.MANUAL)
    assert (claim.text, claim.start, claim.created_by) == (wanted, start, annotator)
    assert page.locator(f"#claim-{claim.pk}").inner_text().startswith(wanted)
    assert "Claim added" in page.locator(".messages").inner_text()


def test_a_selection_that_ends_in_spaces_is_trimmed_and_a_click_on_a_claim_opens_it(live_server, new_page):
    make_user("reader")
    article, claims = make_story()
    page = new_page()
    sign_in(page, live_server, "reader")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert page.evaluate(SELECT_TEXT, ["article-body", "Kyiv, 13 October\n"]) is True
    assert page.locator("#id_text").input_value() == "Kyiv, 13 October"
    page.locator("#selection-cancel").click()
    page.evaluate("window.getSelection().removeAllRanges()")

    page.locator(f"#claim-{claims[1].pk}").click()
    page.wait_for_url(f"{live_server.url}/review/?claim={claims[1].pk}")
    assert page.locator("#focus-claim").inner_text() == claims[1].text


def test_article_page_fits_a_phone(live_server, new_page, tmp_path):
    make_user("small")
    article, _ = make_story()
    page = new_page(PHONE)
    sign_in(page, live_server, "small")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "article-phone.png"), full_page=True)


def test_a_selection_across_a_line_break_adds_the_claim_with_the_articles_own_newline(live_server, new_page):
    """The form's textarea sends the line break as CRLF (issue 11): the claim still matches the article text."""
    make_user("spanner")
    article, _claims = make_story()
    wanted = "overnight.\nMoscow has denied targeting civilians"
    page = new_page()
    sign_in(page, live_server, "spanner")
    page.goto(f"{live_server.url}/articles/{article.pk}/")
    assert page.evaluate(SELECT_TEXT, ["article-body", wanted]) is True
    bar = page.locator("#selection-bar")
    bar.wait_for(state="visible")
    bar.get_by_role("button", name="Add claim").click()
    page.wait_for_url(f"{live_server.url}/articles/{article.pk}/#claim-*")
    claim = Claim.objects.get(origin=ClaimOrigin.MANUAL)
    start = STORY_BODY.index(wanted)
    assert (claim.text, claim.start, claim.end) == (wanted, start, start + len(wanted))
    assert "Claim added" in page.locator(".messages").inner_text()
