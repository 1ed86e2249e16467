"""The public journeys in headless Chromium with axe-core on every page: anonymous, named with consent,
third-party (a reporting centre signed in with its second factor), and the status lookup.

Screenshots of every page go to $HATE_CRIME_SCREENSHOTS (if set), for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
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

SHOTS = os.environ.get("HATE_CRIME_SCREENSHOTS", "")


@pytest.fixture
def browser_page(live_server) -> Iterator[Any]:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844}, locale="en-GB")
        # No network: the "where" page's map tiles are answered with nothing (the page must pass axe without them).
        context.route("https://**/*", lambda route: route.fulfill(status=204, body=""))
        yield context.new_page()
        browser.close()


def check(page: Any, name: str) -> None:
    violations = run_axe(page)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)
    assert not violations, f"{page.url}:\n{describe(violations)}"


def click(page: Any, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).first.click()


def answer(page: Any, name: str, fill: dict[str, str] | None = None, choose: list[str] = ()) -> None:
    check(page, name)
    for label in choose:
        page.get_by_label(label, exact=True).check()
    for label, value in (fill or {}).items():
        page.get_by_label(label, exact=True).fill(value)
    click(page, "Continue")


def walk_questions(page: Any, prefix: str, *, named: bool) -> None:
    answer(page, f"{prefix}-01-who", choose=["It happened to me"])
    answer(page, f"{prefix}-02-what", fill={"What happened?": "Shouted at about my religion outside the shop."})
    answer(page, f"{prefix}-03-when", fill={"Day": "10", "Month": "Jan", "Year": "2026"})  # GOV.UK date input
    answer(page, f"{prefix}-04-where", choose=["At a place"])
    answer(
        page,
        f"{prefix}-05-place",
        fill={"Address or place name": "Outside the shop, English Street", "Postcode (optional)": "CA3 8JR"},
    )
    answer(page, f"{prefix}-06-target", choose=["Me"])
    answer(page, f"{prefix}-07-why", choose=["Religion or belief"])
    answer(page, f"{prefix}-08-kind", choose=["Shouting, name-calling or insults"])
    answer(page, f"{prefix}-09-impact", choose=["Someone to talk to"])
    answer(page, f"{prefix}-10-police-already", choose=["No"])
    consent = "Yes, with my name and contact details" if named else "No, do not pass it to the police"
    answer(page, f"{prefix}-11-consent", choose=[consent])
    answer(page, f"{prefix}-12-contact", choose=["Email" if named else "Do not contact me"])
    if named:
        answer(page, f"{prefix}-13-name", fill={"Your name": "Aisha Example"})
        answer(page, f"{prefix}-14-email", fill={"Email address": "aisha@example.test"})
    answer(page, f"{prefix}-15-about-you")
    check(page, f"{prefix}-16-check")
    click(page, "Send report")
    check(page, f"{prefix}-17-confirmation")


def test_anonymous_journey_then_feedback_and_status(live_server, browser_page) -> None:  # noqa: ANN001
    page = browser_page
    page.goto(live_server.url + "/report/hate-incident/")
    check(page, "anon-00-start")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    # Errors first: the summary appears and nothing moves on.
    click(page, "Continue")
    assert page.locator(".govuk-error-summary").is_visible()
    check(page, "anon-01-who-error")
    walk_questions(page, "anon", named=False)
    reference = page.locator(".govuk-panel__body strong").inner_text()
    code = page.locator(".csphub-secret").inner_text()
    assert reference.startswith("HC-") and len(code) == 10

    page.get_by_role("link", name="Answer 2 quick questions about making your report").click()
    page.wait_for_load_state()
    check(page, "anon-18-feedback")
    page.get_by_label("Easy", exact=True).check()
    page.get_by_label("Quite confident", exact=True).check()
    click(page, "Send answers")
    check(page, "anon-19-feedback-thanks")

    page.goto(live_server.url + "/check-a-report/")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Code").fill(code)
    click(page, "Check progress")
    assert page.get_by_text("Received").first.is_visible()
    check(page, "status-01-found")
    page.get_by_role("link", name="Add more information to your report").click()
    page.wait_for_load_state()
    check(page, "status-02-add-information")
    page.get_by_label("Reference").fill(reference)
    page.get_by_label("Code").fill(code)
    page.get_by_label("What would you like to add?").fill("It happened again on Friday.")
    click(page, "Send")
    check(page, "status-03-added")


def test_named_journey_with_consent(live_server, browser_page) -> None:  # noqa: ANN001
    page = browser_page
    page.goto(live_server.url + "/report/hate-incident/questions/who-is-reporting/")
    walk_questions(page, "named", named=True)
    assert page.get_by_role("heading", name="Report sent").is_visible()


@pytest.fixture
def centre_code(world: World) -> str:
    """Database work before the browser opens (Playwright's loop forbids queries in this thread)."""
    device = TOTPDevice.objects.create(user=world.centre_staff, name="Authenticator app", confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def test_third_party_journey(world: World, centre_code: str, live_server, browser_page) -> None:  # noqa: ANN001
    user, code = world.centre_staff, centre_code
    page = browser_page
    page.goto(live_server.url + "/sign-in/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    click(page, "Continue")
    page.get_by_label("Code from your authenticator app").fill(code)
    click(page, "Continue")
    page.goto(live_server.url + "/staff/hate-reports/centre/")
    check(page, "centre-01-list")
    page.goto(live_server.url + "/staff/hate-reports/centre/new/")
    click(page, "Send report")
    assert page.locator(".govuk-error-summary").is_visible()
    check(page, "centre-02-errors")
    page.get_by_label("How did the person tell you?").select_option("in_person")
    page.get_by_label("Yes", exact=True).first.check()
    page.get_by_label("It happened to me").check()
    page.get_by_label("What happened?").fill("Graffiti on the person's front door.")
    page.get_by_label("It is still happening").check()
    page.get_by_label("At a place").check()
    page.get_by_label("Address or place name").fill("Front door")
    page.get_by_label("A building or property").check()
    page.get_by_label("Race or ethnicity").check()
    page.get_by_label("Graffiti, posters or stickers").check()
    page.get_by_label("Advice about staying safe").check()
    page.locator("input[name=already_reported][value=no]").check()
    page.get_by_label("No, do not pass it to the police").check()
    page.get_by_label("Do not contact me").check()
    page.get_by_label("Your name").fill("Not needed")
    page.locator("input[name=safe_to_leave_message][value=no]").check()
    click(page, "Send report")
    check(page, "centre-03-done")
    assert page.get_by_role("heading", name="Report sent").is_visible()
    page.goto(live_server.url + "/staff/hate-reports/centre/")
    page.locator("main").get_by_role("link", name="HC-").first.click()
    page.wait_for_load_state()
    check(page, "centre-04-detail")
