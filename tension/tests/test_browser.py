"""The tension pages in headless Chromium: axe-core finds nothing, including on a form with errors.

The database work happens first, then the browser opens (see csphub/tests/test_browser_public.py for why).
Staff sign in by carrying a session made with both factors into the browser.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from django.urls import reverse

from access.testing import make_sharing_agreement
from conftest import World, signed_in_client
from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe
from tension import demo
from tension.models import HighTensionIncident, Rumour, TensionArea, TensionReport

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = os.environ.get("TENSION_SCREENSHOTS", "")


def _pages(world: World) -> dict[str, list[str]]:
    world.police.email = "duty@police.test"
    world.police.save()
    make_sharing_agreement(world.council, world.fire)  # the scenario brings fire onto the incident's team
    demo.seed(random.Random(1), {"coordinator": world.coordinator, "police": world.practitioner_b,
                                 "council": world.practitioner_a, "fire": world.outsider})
    incident = HighTensionIncident.objects.get()
    rumour = Rumour.objects.order_by("pk").first()
    coordinator_pages = [
        reverse("tension:home"), reverse("tension:report_create"), reverse("tension:report_list"),
        reverse("tension:report_detail", args=[TensionReport.objects.first().public_id]),
        reverse("tension:report_review", args=[TensionReport.objects.first().public_id]),
        reverse("tension:area_detail", args=[TensionArea.objects.get(name="Workington").public_id]),
        reverse("tension:area_set_level", args=[TensionArea.objects.get(name="Workington").public_id]),
        reverse("tension:area_create"), reverse("tension:incident_list"), reverse("tension:incident_declare"),
        incident.get_absolute_url(), reverse("tension:sitrep_issue", args=[incident.reference]),
        reverse("tension:sitrep_detail", args=[incident.reference, 1]),
        reverse("tension:rumour_list"), reverse("tension:spreading"), reverse("tension:rumour_create"),
        reverse("tension:rumour_detail", args=[rumour.public_id]),
        reverse("tension:rumour_edit", args=[rumour.public_id]),
        reverse("tension:rumour_status", args=[rumour.public_id]),
        reverse("tension:rumour_approve", args=[rumour.public_id]),
        reverse("tension:figures"),
    ]
    return {"coordinator": coordinator_pages, "analyst": [reverse("tension:figures")]}


def _cookie(user, live_server) -> dict:  # noqa: ANN001
    client = signed_in_client(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def test_tension_pages_have_no_accessibility_violations(world: World, live_server) -> None:  # noqa: ANN001
    from playwright.sync_api import sync_playwright

    pages = _pages(world)
    cookies = {"coordinator": _cookie(world.coordinator, live_server), "analyst": _cookie(world.analyst, live_server)}
    failures = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for who, paths in pages.items():
            context = browser.new_context(bypass_csp=True, locale="en-GB", viewport={"width": 1280, "height": 900})
            context.add_cookies([cookies[who]])
            page = context.new_page()
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, path
                violations = run_axe(page)
                if violations:
                    failures.append(f"{path}:\n{describe(violations)}")
                if SHOTS:
                    name = path.strip("/").replace("/", "_") or "home"
                    page.screenshot(path=str(Path(SHOTS) / f"{who}_{name[:80]}.png"), full_page=True)
            # A form with errors: the error summary must be accessible too.
            if who == "coordinator":
                page.goto(live_server.url + reverse("tension:report_create"))
                with page.expect_navigation():
                    page.get_by_role("button", name="Send report").click()
                assert page.locator(".govuk-error-summary").is_visible()
                violations = run_axe(page)
                if violations:
                    failures.append(f"report form with errors:\n{describe(violations)}")
                if SHOTS:
                    page.screenshot(path=str(Path(SHOTS) / "coordinator_report_errors.png"), full_page=True)
            context.close()
        browser.close()
    assert not failures, "\n\n".join(failures)
