"""The unsafe-place journey in headless Chromium, without JavaScript and with it: axe-core finds nothing."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "vawg"
PHONE = {"width": 390, "height": 844}


def _check(page, name: str, javascript: bool) -> None:  # noqa: ANN001
    if javascript:  # axe-core itself needs JavaScript; the no-JavaScript run shows the journey still works
        violations = run_axe(page)
        assert not violations, f"{page.url}:\n{describe(violations)}"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _next(page, button: str = "Continue") -> None:  # noqa: ANN001
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()


@pytest.mark.parametrize("javascript", [False, True])
def test_unsafe_place_journey_is_accessible(live_server, javascript: bool) -> None:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    suffix = "js" if javascript else "nojs"
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(bypass_csp=True, viewport=PHONE, is_mobile=True, has_touch=True,
                                      java_script_enabled=javascript, locale="en-GB")
        # No network: tile requests are answered with nothing.
        context.route("https://**/*", lambda route: route.fulfill(status=204, body=""))
        page = context.new_page()
        page.goto(live_server.url + "/report/unsafe-place/")
        _next(page)  # nothing entered
        assert page.locator(".govuk-error-summary").is_visible()
        _check(page, f"where-error-{suffix}", javascript)
        page.get_by_label("Where was it?").fill("Botchergate, Carlisle")
        _next(page)
        _check(page, f"when-{suffix}", javascript)
        when = page.get_by_role("group", name="What day was it?")  # the GOV.UK date input: three boxes
        for part, value in zip(("Day", "Month", "Year"), reversed(yesterday.split("-")), strict=True):
            when.get_by_label(part).fill(value.lstrip("0"))
        page.get_by_label("Night (10pm to 6am)").check()
        _next(page)
        page.get_by_label("Poor lighting").check()
        page.get_by_label("Someone followed me").check()
        _check(page, f"what-{suffix}", javascript)
        _next(page)
        _check(page, f"more-{suffix}", javascript)
        _next(page)
        assert "Someone followed me" in page.content()
        _check(page, f"check-{suffix}", javascript)
        with page.expect_navigation():
            page.locator("form button[type=submit]").last.click()
        assert "Report sent" in page.content()
        _check(page, f"done-{suffix}", javascript)
        browser.close()
