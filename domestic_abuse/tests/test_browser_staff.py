"""The domestic abuse staff pages in headless Chromium: axe-core finds nothing, including on forms with errors.
Built on the module's demo data. Set DA_SCREENSHOTS=/some/folder to keep a full-page picture of each page.

The database work happens first, then the browser opens (see csphub/tests/test_browser_public.py for why).
Staff sign in by carrying a session made with both factors into the browser.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import World, signed_in_client
from core.models import Meeting
from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe
from domestic_abuse.demo import seed
from domestic_abuse.models import DashAssessment, SupportService
from domestic_abuse.tests.test_demo import _inputs

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = os.environ.get("DA_SCREENSHOTS", "")


def _pages(world: World) -> tuple[dict[str, Any], dict[str, list[str]], dict[str, list[tuple[str, str]]]]:
    users, agencies = _inputs(world)
    seed(random.Random(7), users, agencies, timezone.localdate())
    meetings = Meeting.objects.filter(kind=Meeting.Kind.MARAC).order_by("held_at")
    assessment = DashAssessment.objects.filter(case__lead_officer=users["police"]).order_by("pk").first()
    case = assessment.case
    service = SupportService.objects.order_by("pk").first()
    coordinator = [
        reverse("domestic_abuse:home"), reverse("domestic_abuse:marac_home"),
        *[reverse("domestic_abuse:meeting_detail", args=[m.pk]) for m in meetings],
        reverse("domestic_abuse:marac_actions"), reverse("domestic_abuse:figures"),
        reverse("domestic_abuse:perpetrators"), reverse("domestic_abuse:encompass"),
        reverse("domestic_abuse:directory"), reverse("domestic_abuse:service_edit", args=[service.slug]),
    ]
    police = [
        reverse("domestic_abuse:case", args=[case.reference]), case.get_absolute_url(),
        reverse("domestic_abuse:dash_detail", args=[case.reference, assessment.public_id]),
        reverse("domestic_abuse:perpetrator_link", args=[case.reference]),
        reverse("domestic_abuse:perpetrators"), reverse("domestic_abuse:encompass"),
    ]
    charity = [reverse("domestic_abuse:self_referrals")]
    errors = {
        "coordinator": [(reverse("domestic_abuse:service_new"), "Save"),
                        (reverse("domestic_abuse:meeting_new"), "Save")],
        "police": [(reverse("domestic_abuse:dash_new", args=[case.reference]), "Save"),
                   (reverse("domestic_abuse:perpetrator_link", args=[case.reference]), "Save")],
    }
    people = {"coordinator": users["coordinator"], "police": users["police"], "charity": users["charity"],
              "analyst": world.analyst}
    return people, {"coordinator": coordinator, "police": police, "charity": charity,
                    "analyst": [reverse("domestic_abuse:figures")]}, errors


def _cookie(user: Any, live_server: Any) -> dict:
    client = signed_in_client(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def _check(page: Any, label: str, failures: list[str]) -> None:
    violations = run_axe(page)
    if violations:
        failures.append(f"{label}:\n{describe(violations)}")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{label[:90]}.png"), full_page=True)


def test_domestic_abuse_staff_pages_have_no_accessibility_violations(world: World, live_server: Any) -> None:
    from playwright.sync_api import sync_playwright

    people, pages, errors = _pages(world)
    cookies = {who: _cookie(user, live_server) for who, user in people.items()}
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for who, paths in pages.items():
            context = browser.new_context(bypass_csp=True, locale="en-GB", viewport={"width": 1280, "height": 900})
            context.add_cookies([cookies[who]])
            page = context.new_page()
            for path in paths:
                response = page.goto(live_server.url + path)
                assert response.status == 200, f"{who} {path}: {response.status}"
                _check(page, f"{who}_{path.strip('/').replace('/', '_')}", failures)
            for path, button in errors.get(who, []):
                page.goto(live_server.url + path)
                with page.expect_navigation():
                    page.get_by_role("button", name=button).click()
                assert page.locator(".govuk-error-summary").is_visible(), path
                _check(page, f"{who}_errors_{path.strip('/').replace('/', '_')}", failures)
            context.close()
        browser.close()
    assert not failures, "\n\n".join(failures)
