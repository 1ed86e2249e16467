"""The ASB staff pages added or changed after the first release, in headless Chromium with axe-core: the case
page (interventions with their officer and an Update link), recording and updating an intervention, the Case
Review page and marking information received, each also with the GOV.UK error summary showing.

The database work happens first, then the browser opens; staff sign in by carrying a session made with both
factors into the browser (as reviews/tests/test_browser_staff.py does). Screenshots go to ASB_SCREENSHOTS.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from asb.actions.case_review import do_request_information, do_submit_application
from asb.actions.cases import do_record_intervention
from conftest import World, signed_in_client
from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = Path(os.environ.get("ASB_SCREENSHOTS", "/tmp/asb_screenshots"))  # noqa: S108 - test output only


def _records(world: World) -> dict[str, Any]:
    today = timezone.localdate()
    acting = actor_for_user(world.practitioner_a)
    intervention = do_record_intervention(case=world.case_a, acting=acting, step="warning_letter",
                                          on=today - timedelta(days=20), owner_agency=world.council,
                                          owner_user=world.practitioner_a, outcome="Letter hand-delivered")
    do_record_intervention(case=world.case_a, acting=acting, step="advice", on=today - timedelta(days=40),
                           owner_agency=world.council)
    application, _secret = do_submit_application(acting=None, fields={
        "applicant_name": "Pat Applicant", "address": "12 High Street", "postcode": "CA1 1AA",
        "behaviour": "Loud music every night", "impact": "Cannot sleep"}, complaints=[
        {"behaviour_on": today - timedelta(days=30), "complained_on": today - timedelta(days=29),
         "agency_name": "Council", "agency_reference": "C1"}])
    coordinator = actor_for_user(world.coordinator)
    asked = do_request_information(application=application, acting=coordinator, agency=world.police,
                                   asked_for="Calls to the address", due_on=today + timedelta(days=10))
    do_request_information(application=application, acting=coordinator, agency=world.council,
                           asked_for="Housing officer's notes", due_on=today)
    return {"intervention": intervention, "application": application, "asked": asked}


def _cookie(user: Any, live_server: Any) -> dict:
    client = signed_in_client(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def _check(page: Any, label: str, failures: list[str]) -> None:
    violations = run_axe(page)
    if violations:
        failures.append(f"{label}:\n{describe(violations)}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"staff-{label}.png"), full_page=True)


def _submit_with_errors(page: Any, button: str, label: str, failures: list[str]) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert page.locator(".govuk-error-summary").is_visible(), label
    assert page.title().startswith("Error:"), label
    _check(page, label, failures)


def test_asb_staff_pages_have_no_accessibility_violations(world: World, live_server: Any) -> None:
    from playwright.sync_api import sync_playwright

    made = _records(world)
    reference, application = world.case_a.reference, made["application"]
    practitioner_pages = {
        "case": reverse("asb:case", args=[reference]),
        "intervention-new": reverse("asb:intervention_create", args=[reference]),
        "intervention-update": reverse("asb:intervention_edit", args=[reference, made["intervention"].public_id]),
    }
    coordinator_pages = {
        "review": reverse("asb:review_detail", args=[application.public_id]),
        "information-received": reverse("asb:information_received", args=[application.public_id,
                                                                            made["asked"].pk]),
    }
    cookies = {"practitioner": _cookie(world.practitioner_a, live_server),
               "coordinator": _cookie(world.coordinator, live_server)}
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for who, pages in (("practitioner", practitioner_pages), ("coordinator", coordinator_pages)):
            context = browser.new_context(bypass_csp=True, locale="en-GB", viewport={"width": 1280, "height": 900})
            context.add_cookies([cookies[who]])
            page = context.new_page()
            for label, path in pages.items():
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"{who} {path}: {response.status}"
                _check(page, label, failures)
            if who == "practitioner":
                page.goto(live_server.url + practitioner_pages["intervention-new"])
                _submit_with_errors(page, "Save", "intervention-new-errors", failures)
                page.goto(live_server.url + practitioner_pages["intervention-update"])
                page.get_by_label("Outcome").fill("Behaviour stopped")
                with page.expect_navigation():
                    page.get_by_role("button", name="Save").click()
                assert page.get_by_text("Intervention updated").is_visible()
                _check(page, "case-after-update", failures)
            else:
                page.goto(live_server.url + coordinator_pages["information-received"])
                page.get_by_label("Date the information arrived").fill("")
                _submit_with_errors(page, "Save", "information-received-errors", failures)
            context.close()
        browser.close()
    assert not failures, "\n\n".join(failures)
