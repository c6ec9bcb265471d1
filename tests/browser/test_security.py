"""The enforced Content-Security-Policy in Chromium: Swagger UI, the admin and the two-factor pages still work, and
the browser reports no violation anywhere."""

import pytest

from tests.browser.conftest import PASSWORD, make_story, make_user, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _watch_for_violations(page) -> list[str]:
    """Chromium logs every refused script, style or connection to the console; collect those messages."""
    violations: list[str] = []

    def keep(message) -> None:
        if "Content Security Policy" in message.text:
            violations.append(message.text)

    page.on("console", keep)
    return violations


def _staff_with_authenticator(username: str):
    from tests.security.factories import TOTPDeviceFactory

    user = make_user(username, role="reviewer")
    user.is_staff = user.is_superuser = True
    user.save()
    return TOTPDeviceFactory(user=user)


def _enter_password_and_code(page, username: str, device) -> None:
    """Fill in the sign-in page the browser is on: password, then the authenticator's code."""
    from tests.security.factories import current_code

    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Token").fill(current_code(device))
    page.get_by_role("button", name="Verify").click()


@pytest.fixture
def chief(live_server, new_page, settings):
    """Production's rule (staff need a second factor) on, a superuser with an authenticator, the story, and a page
    that records the policy's violations."""
    settings.STAFF_REQUIRE_2FA = True
    device = _staff_with_authenticator("chief")
    make_story()
    page = new_page()
    return page, device, _watch_for_violations(page)


def test_swagger_ui_renders_and_tries_a_request_under_the_policy(live_server, chief):
    page, device, violations = chief
    page.goto(f"{live_server.url}/accounts/login/")
    _enter_password_and_code(page, "chief", device)
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/api/docs/")
    page.locator(".swagger-ui .info .title").get_by_text("ClaimDesk API").wait_for()
    operation = page.locator("#operations-claims-claims_list")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    operation.locator(".live-responses-table tbody .response-col_status").first.wait_for()
    assert "200" in operation.locator(".live-responses-table tbody .response-col_status").first.inner_text()
    assert violations == []


def test_the_admin_runs_its_scripts_under_the_policy_after_a_second_factor(live_server, chief):
    page, device, violations = chief
    page.goto(f"{live_server.url}/admin/claims/claim/")
    page.wait_for_url(f"{live_server.url}/accounts/login/?next=**")
    _enter_password_and_code(page, "chief", device)
    page.wait_for_url(f"{live_server.url}/admin/claims/claim/")
    page.locator("#action-toggle").check()  # admin's actions.js selects every row
    wait_until(page, "[...document.querySelectorAll('input.action-select')].every(box => box.checked)")
    assert "4 of 4 selected" in page.locator(".action-counter").inner_text()
    assert violations == []


def test_staff_without_a_second_factor_see_the_qr_code_to_enrol(live_server, new_page, settings):
    settings.STAFF_REQUIRE_2FA = True
    user = make_user("newstaff", role="reviewer")
    user.is_staff = True
    user.save()
    page = new_page()
    violations = _watch_for_violations(page)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("newstaff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/admin/")
    page.wait_for_url(f"{live_server.url}/accounts/two-factor/setup/?next=*")
    page.get_by_role("button", name="Next").click()
    qr = page.get_by_alt_text("QR Code")
    qr.wait_for()
    wait_until(page, "document.querySelector('img[alt=\"QR Code\"]').naturalWidth > 0")
    assert violations == []
