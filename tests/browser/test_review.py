"""The review page in a real browser: one-key verdicts, htmx swaps, undo, focus and blind labelling."""

from pathlib import Path

import pytest
from django.conf import settings

from annotations.models import Annotation, Verdict
from annotations.services import annotation_submit
from tests.browser.conftest import PHONE, make_story, make_user, sign_in, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "review.png"


def _claim_on_screen(page) -> int:
    return int(page.locator("#review").get_attribute("data-claim"))


def _press_and_wait_for_next(page, key: str) -> int:
    before = _claim_on_screen(page)
    page.keyboard.press(key)
    wait_until(
        page,
        "id => document.querySelector('#review').dataset.claim !== String(id)"
        " && !document.body.hasAttribute('data-review-busy')",
        arg=before,
    )
    return _claim_on_screen(page)


def test_annotator_labels_with_keys_alone_undoes_one_and_finds_the_labels_saved(live_server, new_page):
    annotator = make_user("keys")
    _, claims = make_story()
    page = new_page()
    sign_in(page, live_server, "keys")

    # Home: "Start reviewing" has the focus, so Enter starts.
    wait_until(page, "document.activeElement.textContent.trim() === 'Start reviewing'")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/review/")
    assert _claim_on_screen(page) == claims[0].pk
    page.evaluate("window.__samePage = true")  # survives only if the next claims come in without a page load

    _press_and_wait_for_next(page, "1")
    assert "Saved: Verified" in page.locator("#review-status").inner_text()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))  # README's screenshot: 1280x800, the second claim, after one label

    # Keys do nothing while typing; Escape leaves the field and the keys work again.
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == "id_note"
    page.keyboard.type("12 sdz unsure")
    assert Annotation.objects.count() == 1
    page.keyboard.press("Escape")
    _press_and_wait_for_next(page, "d")
    _press_and_wait_for_next(page, "3")
    assert page.evaluate("window.__samePage") is True
    assert page.evaluate("document.activeElement.id") == "claim-context"

    labels = {a.claim_id: (a.verdict, a.note) for a in Annotation.objects.filter(annotator=annotator)}
    assert labels == {
        claims[0].pk: (Verdict.VERIFIED, ""),
        claims[1].pk: (Verdict.DISPUTED, "12 sdz unsure"),
        claims[2].pk: (Verdict.UNVERIFIED, ""),
    }
    assert all(a.seconds_spent is not None for a in Annotation.objects.all())

    # Undo the last one: that claim comes back, without my verdict.
    assert _press_and_wait_for_next(page, "z") == claims[2].pk
    assert "Undone" in page.locator("#review-status").inner_text()
    assert page.url == f"{live_server.url}/review/?claim={claims[2].pk}"
    assert not Annotation.objects.filter(claim=claims[2]).exists()

    # Reload: the labels are still there, on the page and in the database.
    page.reload()
    assert _claim_on_screen(page) == claims[2].pk
    page.goto(f"{live_server.url}/articles/{claims[0].article_id}/")
    list_text = page.locator(".claim-list").inner_text()
    assert "labelled by you: verified" in list_text
    assert "labelled by you: disputed" in list_text
    assert "needs your label" in list_text
    assert Annotation.objects.filter(annotator=annotator).count() == 2


def test_a_second_annotator_never_sees_the_first_ones_verdict(live_server, new_page):
    first, second = make_user("first"), make_user("second")
    _, claims = make_story()
    annotation_submit(claim=claims[0], annotator=first, verdict=Verdict.DISPUTED, note="contradicted by the MoD")
    page = new_page()
    sign_in(page, live_server, "second")

    page.goto(f"{live_server.url}/review/?claim={claims[0].pk}")
    text = page.locator("main").inner_text()
    assert "contradicted by the MoD" not in text
    assert "Other labels" not in text
    assert "first" not in text
    page.goto(f"{live_server.url}/articles/{claims[0].article_id}/")
    body = page.locator("main").inner_text()
    assert "needs your label" in body
    assert "1 of 2" not in body  # no count of others' labels either (issue 11)
    assert "disputed" not in body.lower()

    # Nor after labelling it themselves: others' labels are for reviewers (issue 11).
    page.goto(f"{live_server.url}/review/?claim={claims[0].pk}")
    page.keyboard.press("1")
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Saved')")
    assert Annotation.objects.get(claim=claims[0], annotator=second).verdict == Verdict.VERIFIED
    page.goto(f"{live_server.url}/review/?claim={claims[0].pk}")
    text = page.locator("main").inner_text()
    assert "contradicted by the MoD" not in text
    assert page.locator(".others").count() == 0


def test_an_error_is_shown_in_place_and_nothing_is_lost(live_server, new_page):
    make_user("careful")
    _, claims = make_story()
    page = new_page()
    sign_in(page, live_server, "careful")
    page.goto(f"{live_server.url}/review/")
    page.keyboard.press("e")
    page.keyboard.type("ftp://example.com/report")
    page.keyboard.press("Escape")
    page.keyboard.press("2")
    page.wait_for_selector(".field-error")
    assert "Enter a valid http or https URL." in page.locator(".field-error").inner_text()
    assert _claim_on_screen(page) == claims[0].pk
    assert page.locator("#id_evidence_url").input_value() == "ftp://example.com/report"
    assert not Annotation.objects.exists()
    # The focus goes to the field in error (it used to go to the claim, so a screen reader heard nothing of it),
    # and the field names its error: aria-describedby points at an element that exists.
    assert page.evaluate("document.activeElement.id") == "id_evidence_url"
    described = page.evaluate(
        "(() => { const id = document.activeElement.getAttribute('aria-describedby');"
        " const el = id && document.getElementById(id); return el ? el.textContent : null; })()"
    )
    assert described == "Enter a valid http or https URL."
    # The live region is the same element before and after, so its new text is announced.
    page.evaluate("window.__status = document.getElementById('review-status')")
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    page.keyboard.press("Escape")
    page.keyboard.press("2")
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Saved')")
    assert page.evaluate("window.__status === document.getElementById('review-status')") is True


def test_review_page_fits_a_phone(live_server, new_page, tmp_path):
    make_user("phone")
    make_story()
    page = new_page(PHONE)
    sign_in(page, live_server, "phone")
    page.goto(f"{live_server.url}/review/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(tmp_path / "review-phone.png"), full_page=True)
    page.get_by_role("button", name="Verified", exact=True).click()
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Saved')")
    assert Annotation.objects.count() == 1
