"""The find-support journey in headless Chromium: axe-core clean, works on a phone, and Exit this page leaves."""

from __future__ import annotations

from typing import Any

import pytest

from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, run_axe
from csphub.tests.test_browser_public import PHONE, open_page  # noqa: F401 - the shared browser fixture
from domestic_abuse.models import SupportService

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
EXIT_URL = "https://www.bbc.co.uk/weather"


def _service() -> None:
    SupportService.objects.create(
        slug="idva", name="Independent domestic violence advisers", category="idva",
        description="Free, private support if you are at high risk.", eligibility="Anyone aged 16 or over",
        area="The whole area", phone="0800 000 0000", opening_hours="Every day, 8am to 8pm",
        referral_route="Call, or ask them to contact you", referral_email="referrals@idva.test",
        accepts_self_referral=True)


def _accessible(page: Any) -> None:
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{describe(violations)}"


def test_find_support_and_self_referral_journey(live_server, open_page) -> None:  # noqa: ANN001, F811
    _service()
    page = open_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(live_server.url + "/find-support/")
    _accessible(page)
    page.get_by_role("button", name="Ask a service to contact you").click()
    page.get_by_role("button", name="Continue").click()  # nothing chosen: the error summary
    assert page.locator(".govuk-error-summary").is_visible()
    _accessible(page)
    page.get_by_label("Independent domestic violence advisers").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What should we call you?").fill("Ash")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Phone", exact=True).check()
    page.get_by_label("Phone number or email address").fill("07700 900982")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("No").check()
    page.get_by_role("button", name="Continue").click()
    _accessible(page)
    page.get_by_role("button", name="Continue").click()
    _accessible(page)
    page.get_by_role("button", name="Ask for help").click()
    assert page.get_by_role("heading", name="Your request has been sent").is_visible()
    _accessible(page)


def test_exit_this_page_leaves_the_site(live_server, open_page) -> None:  # noqa: ANN001, F811
    page = open_page()
    # No network in tests: the exit destination is answered locally.
    page.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, body="<title>Weather</title>"))
    page.goto(live_server.url + "/find-support/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL + "**")
    assert page.url.startswith(EXIT_URL)


def test_exit_this_page_works_without_javascript(live_server, open_page) -> None:  # noqa: ANN001, F811
    page = open_page(java_script_enabled=False)
    page.route(EXIT_URL + "**", lambda route: route.fulfill(status=200, body="<title>Weather</title>"))
    page.goto(live_server.url + "/find-support/")
    page.get_by_role("button", name="Emergency Exit this page").click()
    page.wait_for_url(EXIT_URL + "**")
