"""The reviewers' workspace in Chromium (issue 14): find conflicting claims of one source, settle three in bulk,
fix a claim's span and source, export the filtered claims, make an API token; an annotator's guidelines and labels.
"""

import csv
import io
import json
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from annotations.models import Adjudication, Annotation, Verdict
from annotations.services import annotation_submit
from claims.models import Claim, Source
from tests.browser.conftest import PHONE, make_story, make_user, sign_in, wait_until
from tests.claims.factories import ClaimFactory, claims_in_one_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "claim-browser.png"
RATIONALE = "The Kremlin's own transcript says otherwise."


def _world():
    """Four conflicting claims of Dmitry Peskov, one of another source, and a story claim that runs too long."""
    first, second = make_user("alice"), make_user("bob")
    make_user("rita", "reviewer")
    article, story = make_story()
    peskov = Source.objects.get(name="Dmitry Peskov")
    claims = claims_in_one_article(5, title="Kremlin briefing")
    Claim.objects.filter(pk__in=[c.pk for c in claims[:4]]).update(source=peskov)
    for claim in claims:
        annotation_submit(claim=claim, annotator=first, verdict=Verdict.VERIFIED)
        annotation_submit(claim=claim, annotator=second, verdict=Verdict.DISPUTED)
    text = "Turkey's offer to mediate would be considered, spokesman"
    start = article.body.index(text)
    Claim.objects.filter(pk=story[3].pk).delete()
    too_long = ClaimFactory(
        article=article, start=start, end=start + len(text), text=text, source=Source.objects.get(name="Ben Wallace")
    )
    return claims, too_long


def test_reviewer_finds_settles_fixes_exports_and_gets_a_token(live_server, new_page, tmp_path):
    claims, too_long = _world()
    page = new_page()
    sign_in(page, live_server, "rita")

    # Find: the conflicting claims of one source, by the filters (which end up in the address).
    page.get_by_role("link", name="Claims", exact=True).click()
    page.get_by_label("Status").select_option("conflicting")
    page.get_by_label("Source name").fill("Peskov")
    page.get_by_role("button", name="Show claims").click()
    assert "status=conflicting" in page.url
    assert "source_name=Peskov" in page.url
    assert page.locator("tbody tr").count() == 4
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))  # README: 1280x800
    # The source's name in a row narrows to that source by id, which the exports also understand.
    page.locator("tbody tr").first.get_by_role("link", name="Dmitry Peskov").click()
    assert page.locator("tbody tr").count() == 4

    # Export what the page shows: the link carries the filters.
    shown = {int(v) for v in page.locator("input[name=claims]").evaluate_all("boxes => boxes.map(b => b.value)")}
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if not row["id"].startswith("#end")]  # the end line
    assert {int(row["id"]) for row in rows} == shown

    # Settle three in bulk with one verdict and rationale.
    for claim in claims[1:4]:
        page.locator(f"#pick-{claim.pk}").check()
    bulk = page.get_by_role("group", name="With the selected claims")
    bulk.get_by_label("Action").select_option("adjudicate")
    bulk.get_by_label("Verdict").select_option("disputed")
    bulk.get_by_label("Rationale").fill(RATIONALE)
    page.get_by_role("button", name="Apply to the selected claims").click()
    page.wait_for_selector(".messages")
    assert "for 3 claims" in page.locator(".messages").inner_text()
    assert page.locator("tbody tr").count() == 1  # the one left conflicting, filters kept
    settled = Adjudication.objects.filter(claim__in=claims[1:4])
    assert sorted(settled.values_list("verdict", "rationale")) == [("disputed", RATIONALE)] * 3

    # Fix a claim's span (shift the end back over "spokesman" and the comma) and its source.
    page.goto(f"{live_server.url}/claims/{too_long.pk}/")
    page.get_by_role("link", name="Fix span or source").click()
    page.get_by_role("button", name="End one word earlier").click()
    page.get_by_role("button", name="End one word earlier").click()
    assert page.locator("#fix-text").inner_text() == "Turkey's offer to mediate would be considered"
    page.get_by_label("…or a new source's name").fill("Dmitry Peskov")  # a known name: the existing source
    page.get_by_role("button", name="Save the fix").click()
    page.wait_for_selector(".messages")
    too_long.refresh_from_db()
    assert too_long.text == "Turkey's offer to mediate would be considered"
    assert too_long.source.name == "Dmitry Peskov"
    assert "Turkey's offer to mediate would be considered, spokesman" in page.locator(".history-list").inner_text()

    # A token, shown once, that works on the API.
    page.get_by_role("link", name="rita").click()
    page.get_by_role("button", name="Create a token").click()
    key = page.get_by_role("textbox", name="Token").input_value()
    request = urllib.request.Request(f"{live_server.url}/api/claims/", headers={"Authorization": f"Token {key}"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - the test server
        assert response.status == 200
        assert len(json.loads(response.read())["results"]) == Claim.objects.count()
    page.reload()
    assert key not in page.content()


def test_annotator_sees_guidelines_on_the_review_page_and_their_labels(live_server, new_page):
    make_user("nina")
    claims = claims_in_one_article(2)
    page = new_page()
    sign_in(page, live_server, "nina")
    page.goto(f"{live_server.url}/review/")
    panel = page.locator("#guidelines-panel")
    assert panel.get_attribute("open") is not None  # a new annotator: opened for them
    assert "Unverified" in panel.inner_text()
    assert "not a polite" in panel.inner_text()
    page.keyboard.press("2")
    wait_until(page, "document.querySelector('#review-status').innerText.includes('Saved')")
    page.get_by_role("link", name="My labels").click()
    row = page.locator("tbody tr").first
    assert claims[0].text in row.inner_text()
    assert "Disputed" in row.inner_text()
    row.get_by_role("link", name="Relabel").click()
    assert page.locator("#review").get_attribute("data-claim") == str(claims[0].pk)
    assert Annotation.objects.get(annotator__username="nina").verdict == Verdict.DISPUTED


def test_workspace_pages_fit_a_phone(live_server, new_page):
    _world()
    page = new_page(PHONE)
    sign_in(page, live_server, "rita")
    for path in ("/claims/?status=conflicting", "/guidelines/", "/account/token/", "/claims/mine/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
