"""The ASB Case Review application and the status lookup in headless Chromium, with axe-core on every page."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from csphub.testing.axe import MISSING_CHROMIUM, chromium_available
from csphub.tests.test_browser_public import assert_accessible, open_page, submit  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = Path(os.environ.get("ASB_SCREENSHOTS", "/tmp/asb_screenshots"))  # noqa: S108 - test output only
PHONE = {"width": 390, "height": 844}


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _continue(page: Any, name: str) -> None:
    assert_accessible(page)
    _shot(page, name)
    submit(page, "Continue")


def test_application_journey_and_status_lookup(live_server, open_page) -> None:  # noqa: ANN001, F811
    today = timezone.localdate()
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(live_server.url + "/report/asb-case-review/apply/")
    page.get_by_label("I am the victim").check()
    _continue(page, "01-who")
    page.get_by_label("Your full name").fill("Pat Applicant")
    page.get_by_label("Email address").fill("pat@example.test")
    _continue(page, "02-about-you")
    page.get_by_label("Address where it happens").fill("12 High Street")
    page.get_by_label("Postcode").fill("CA1 1AA")
    _continue(page, "03-where")
    page.get_by_label("What is happening?").fill("Loud music and shouting every night")
    page.get_by_label("No").check()
    _continue(page, "04-behaviour")
    # First with nothing filled in: the error summary, accessible, nothing kept.
    submit(page, "Continue")
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    _shot(page, "05-reports-error")
    for n, (days, agency) in enumerate(((60, "Council"), (40, "Police"), (20, "Landlord")), start=1):
        page.get_by_label(f"Report {n}: date it happened").fill((today - timedelta(days=days)).isoformat())
        page.get_by_label(f"Report {n}: date you reported it").fill((today - timedelta(days=days - 1)).isoformat())
        page.get_by_label(f"Report {n}: who you reported it to").fill(agency)
    _continue(page, "05-reports")
    page.get_by_label("How is it affecting you or the victim?").fill("I cannot sleep")
    page.get_by_label("No").check()
    _continue(page, "06-impact")
    assert page.get_by_role("heading", name="Check your answers before sending").is_visible()
    assert_accessible(page)
    _shot(page, "07-check")
    submit(page, "Send application")
    assert page.get_by_role("heading", name="Application sent").is_visible()
    assert_accessible(page)
    _shot(page, "08-done")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    secret = page.locator(".csphub-secret").inner_text()

    page.goto(live_server.url + "/check-a-report/")
    page.get_by_label("Reference").fill(reference.lower())
    page.get_by_label("Code").fill(secret)
    submit(page, "Check progress")
    assert page.get_by_text("We have your application and are checking it").is_visible()
    assert_accessible(page)
    _shot(page, "09-status")


def test_published_figures_page_is_accessible(live_server, open_page) -> None:  # noqa: ANN001, F811
    page = open_page()
    page.goto(live_server.url + "/report/asb-case-review/figures/")
    assert page.get_by_role("heading", name="ASB Case Review figures").is_visible()
    assert_accessible(page)
    _shot(page, "10-figures")


def test_journey_works_without_javascript(live_server, open_page) -> None:  # noqa: ANN001, F811
    page = open_page(java_script_enabled=False)
    page.goto(live_server.url + "/report/asb-case-review/apply/who/")
    submit(page, "Continue")
    summary = page.locator(".govuk-error-summary")
    assert summary.get_by_role("link", name="Select who is applying").is_visible()
    page.get_by_label("I am applying for someone else").check()
    submit(page, "Continue")
    assert page.get_by_role("heading", name="About the victim").is_visible()
    page.get_by_label("The victim's full name").fill("Vic Tim")
    submit(page, "Continue")
    assert page.locator(".govuk-error-summary").get_by_role(
        "link", name="You need the victim's agreement to apply for them").is_visible()
