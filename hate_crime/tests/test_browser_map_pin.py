"""The map pin on "Where was it?" in headless Chromium at phone width: with JavaScript the map appears, a tap
and the keyboard both set the hidden fields, "Remove the pin" clears them, and axe-core finds nothing; without
JavaScript none of the map shows and the text fields are the question.

No network: tile requests are answered with an empty image. Screenshots go to screenshots/hate_crime/.
"""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "hate_crime"
PHONE = {"width": 390, "height": 844}
EMPTY_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)
TILE_ORIGIN = "/".join(settings.MAP_TILE_URL.split("/")[:3])


def _page(playwright: Any, javascript: bool) -> Any:
    browser = launch_chromium(playwright)
    context = browser.new_context(
        bypass_csp=True, viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=javascript, locale="en-GB"
    )
    context.route(TILE_ORIGIN + "/**", lambda route: route.fulfill(content_type="image/png", body=EMPTY_PNG))
    return browser, context.new_page()


def _axe(page: Any) -> None:
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{describe(violations)}"


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _values(page: Any) -> tuple[str, str]:
    return page.locator("#id_latitude").input_value(), page.locator("#id_longitude").input_value()


def test_with_javascript_a_tap_or_the_keyboard_sets_the_pin(live_server) -> None:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    url = live_server.url + reverse("hate_crime:report:question", args=["where-place"])
    with sync_playwright() as playwright:
        browser, page = _page(playwright, javascript=True)
        page.goto(url)
        box = page.locator("[data-pin-map]")
        box.wait_for(state="visible")
        page.locator(".leaflet-container").wait_for()
        assert page.get_by_role("application", name="Or put a pin on the map").is_visible()
        assert not page.get_by_role("button", name="Remove the pin").is_visible()
        _axe(page)

        page.locator(".csphub-pin-map__map").tap(position={"x": 120, "y": 100})
        page.wait_for_function("document.getElementById('id_latitude').value !== ''", timeout=5000)
        latitude, longitude = _values(page)
        assert latitude and longitude
        south, west, north, east = (49.8, -8.8, 61.0, 2.0)
        assert south <= float(latitude) <= north and west <= float(longitude) <= east
        assert "Pin placed" in page.locator("[data-pin-status]").inner_text()
        assert page.locator(".leaflet-marker-icon").count() == 1
        remove = page.get_by_role("button", name="Remove the pin")
        assert remove.is_visible()
        _axe(page)
        _shot(page, "where-place-pin-js")

        # The keyboard: "Remove the pin" clears it and focus moves on; the middle-of-the-map button sets it.
        remove.focus()
        page.keyboard.press("Enter")
        assert _values(page) == ("", "") and page.locator(".leaflet-marker-icon").count() == 0
        assert page.evaluate("document.activeElement.textContent.trim()") == "Put the pin in the middle of the map"
        page.locator(".csphub-pin-map__map").focus()
        page.keyboard.press("ArrowUp")
        page.get_by_role("button", name="Put the pin in the middle of the map").focus()
        page.keyboard.press("Enter")
        latitude, longitude = _values(page)
        assert latitude and longitude

        # A pin alone answers the question, and it is there again when the person comes back.
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        page.goto(url)
        page.locator(".leaflet-marker-icon").wait_for()
        assert _values(page) == (latitude, longitude)
        assert page.get_by_role("button", name="Remove the pin").is_visible()
        _axe(page)
        browser.close()


def test_half_a_pin_shows_the_error_next_to_the_map_and_passes_axe(live_server) -> None:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    url = live_server.url + reverse("hate_crime:report:question", args=["where-place"])
    with sync_playwright() as playwright:
        browser, page = _page(playwright, javascript=True)
        page.goto(url)
        page.locator(".leaflet-container").wait_for()
        page.evaluate("document.getElementById('id_latitude').value = '54.89'")
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        assert page.locator(".govuk-error-summary").is_visible()
        assert page.locator("[data-pin-map] .govuk-error-message").is_visible()
        assert _values(page) == ("", "")  # the script starts again from no pin
        _axe(page)
        _shot(page, "where-place-error-js")
        browser.close()


def test_without_javascript_no_map_shows_and_the_text_answer_works(live_server) -> None:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    url = live_server.url + reverse("hate_crime:report:question", args=["where-place"])
    with sync_playwright() as playwright:
        browser, page = _page(playwright, javascript=False)
        page.goto(url)
        assert not page.locator("[data-pin-map]").is_visible()
        assert not page.get_by_text("Or put a pin on the map").is_visible()
        _shot(page, "where-place-nojs")
        page.get_by_label("Address or place name").fill("Bus station, Lowther Street")
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        assert "where-place" not in page.url
        browser.close()
