"""The pages in a real browser (headless Debian Chromium): axe-core finds nothing, the public pages work
without JavaScript and from the keyboard, and a member of staff can sign in with the second factor.

Playwright's sync API keeps an asyncio loop running in this thread while a browser is open, and Django
refuses database queries from a thread with a running loop. So each test does its database work first and
only then opens the browser (``open_page``), which is closed again before the database is flushed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, World
from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]

PUBLIC_PATHS = ["/", "/accessibility/", "/privacy/", "/check-a-report/", "/sign-in/", "/password-reset/"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

OpenPage = Callable[..., Any]


@pytest.fixture
def open_page(live_server, transactional_db) -> Iterator[OpenPage]:  # noqa: ANN001
    """``open_page(**context_options)``: a new page in headless Chromium, started on first use."""
    from playwright.sync_api import sync_playwright

    state: dict[str, Any] = {}

    def _open(**context_options: Any) -> Any:
        if "browser" not in state:
            state["playwright"] = sync_playwright().start()
            state["browser"] = launch_chromium(state["playwright"])
        options = {"bypass_csp": True, "viewport": DESKTOP, "locale": "en-GB", **context_options}
        return state["browser"].new_context(**options).new_page()

    yield _open
    if "browser" in state:
        state["browser"].close()
        state["playwright"].stop()


def assert_accessible(page: Any) -> None:
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{describe(violations)}"


def submit(page: Any, button: str) -> Any:
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name=button).click()
    return navigation.value


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_has_no_accessibility_violations(path: str, live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    for viewport in (DESKTOP, PHONE):
        page = open_page(viewport=viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
        response = page.goto(live_server.url + path)
        assert response.status == 200
        assert_accessible(page)


def test_sign_in_errors_have_no_accessibility_violations(live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    page = open_page()
    page.goto(live_server.url + "/sign-in/")
    submit(page, "Continue")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    # GOV.UK Frontend's script moves focus to the summary so screen reader users hear it first.
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-error-summary')")
    assert page.title().startswith("Error:")
    assert_accessible(page)


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_page_works_without_javascript(path: str, live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    page = open_page(java_script_enabled=False)
    response = page.goto(live_server.url + path)
    assert response.status == 200
    assert page.locator("h1").first.is_visible()
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    assert page.get_by_role("link", name="Skip to main content").count() == 1


def test_sign_in_without_javascript_shows_the_error_summary(live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    page = open_page(java_script_enabled=False)
    page.goto(live_server.url + "/sign-in/")
    response = submit(page, "Continue")
    assert response.status == 200
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    # Each message links to its field, so the summary is usable without the script too.
    email_error = summary.get_by_role("link", name="Enter your email address")
    assert email_error.get_attribute("href") == "#" + page.get_by_label("Email address").get_attribute("id")
    assert summary.get_by_role("link", name="Enter your password").is_visible()
    assert page.title().startswith("Error:")


def test_check_a_report_without_javascript_shows_the_error_summary(live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    page = open_page(java_script_enabled=False)
    page.goto(live_server.url + "/check-a-report/")
    response = submit(page, "Check progress")
    assert response.status == 200
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("link", name="Enter the reference you were given").is_visible()


@pytest.mark.parametrize("path", ["/", "/sign-in/", "/check-a-report/"])
def test_first_tab_focuses_the_skip_link(path: str, live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    page = open_page()
    page.goto(live_server.url + path)
    page.keyboard.press("Tab")
    focused = page.evaluate("() => [document.activeElement.className, document.activeElement.textContent.trim()]")
    assert focused == ["govuk-skip-link", "Skip to main content"]
    assert page.locator(".govuk-skip-link").is_visible(), "the skip link must show when it has focus"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_staff_journey_with_second_factor(world: World, live_server, open_page: OpenPage) -> None:  # noqa: ANN001
    user = world.practitioner_b  # made by conftest.make_user: police officer leading case_b
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    case = world.case_b
    page = open_page()

    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Continue")
    assert page.url == live_server.url + "/sign-in/code/"
    assert page.get_by_role("heading", name="Enter your code").is_visible()
    assert_accessible(page)

    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("Code from your authenticator app").fill(f"{code:0{device.digits}d}")
    response = submit(page, "Continue")
    assert response.status == 200
    assert page.url == live_server.url + "/staff/"
    assert page.get_by_role("button", name="Sign out").is_visible()
    assert_accessible(page)

    response = page.goto(live_server.url + "/staff/cases/")
    assert response.status == 200
    assert_accessible(page)
    with page.expect_navigation() as navigation:
        page.locator("main").get_by_role("link", name=case.reference).first.click()
    assert navigation.value.status == 200
    assert page.url == live_server.url + case.get_absolute_url()
    assert page.get_by_role("heading", level=1).filter(has_text=case.reference).is_visible()
    assert_accessible(page)
