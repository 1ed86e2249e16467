"""The staff pages of reviews and strategy in headless Chromium: axe-core finds nothing, including on a form
with errors and on the board report. Set REVIEWS_SCREENSHOTS=/some/folder to keep a full-page picture of each.

The database work happens first, then the browser opens (see csphub/tests/test_browser_public.py for why).
Staff sign in by carrying a session made with both factors into the browser.
"""

from __future__ import annotations

import os
import random
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from conftest import World, signed_in_client
from csphub.testing.axe import MISSING_CHROMIUM, chromium_available, describe, launch_chromium, run_axe
from reviews import demo as reviews_demo
from reviews.actions import channel as channel_actions
from reviews.models import ChannelReferral, DomesticHomicideReview, PreventPlanAction
from strategy import demo as strategy_demo
from strategy.views import latest_quarter

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason=MISSING_CHROMIUM),
    pytest.mark.django_db(transaction=True),
]
SHOTS = os.environ.get("REVIEWS_SCREENSHOTS", "")


def _channel_in_support(world: World) -> ChannelReferral:
    """One referral adopted with consent, assessed and supported, so the record page shows every section."""
    acting = actor_for_user(world.coordinator)
    today = timezone.localdate()
    referral = channel_actions.do_receive_channel_referral(
        acting=acting, title="Young person sharing extremist material", received_on=today - timedelta(days=120),
        screened_by=world.police, lead_agency=world.council, concern_type="Mixed or unclear")
    channel_actions.do_record_consent(referral=referral, consent="given", consent_on=today - timedelta(days=110),
                                      consent_by="Parent", acting=acting)
    channel_actions.do_assess_vulnerability(referral=referral, assessed_on=today - timedelta(days=110),
                                            factors=["e1", "e3", "i2"], acting=acting,
                                            engagement_notes="Spends long hours on one forum.")
    channel_actions.do_decide_channel(referral=referral, outcome="channel", decided_on=today - timedelta(days=105),
                                      acting=acting)
    channel_actions.do_add_support(referral=referral, acting=acting, provider="Intervention provider",
                                   support_type="Mentoring", started_on=today - timedelta(days=100))
    return referral


def _pages(world: World) -> dict[str, list[str]]:
    reviews_demo.seed(random.Random(1), world.coordinator, world.police, timezone.localdate())
    strategy_demo.seed(random.Random(1), timezone.localdate())
    referral = _channel_in_support(world)
    review = DomesticHomicideReview.objects.filter(stage="in_progress").first()
    quarter = latest_quarter()
    coordinator = [
        reverse("reviews:dhr_dashboard"), reverse("reviews:dhr_detail", args=[review.public_id]),
        reverse("reviews:dhr_decide", args=[DomesticHomicideReview.objects.get(stage="awaiting_decision").public_id]),
        reverse("reviews:dhr_step", args=[review.public_id, "chair"]),
        reverse("reviews:dhr_recommendation", args=[review.public_id]),
        reverse("reviews:lessons"),
        reverse("reviews:channel_dashboard"), reverse("reviews:channel_detail", args=[referral.public_id]),
        reverse("reviews:channel_step", args=[referral.public_id, "assessment"]),
        reverse("reviews:channel_step", args=[referral.public_id, "consent"]),
        reverse("reviews:prevent"), reverse("reviews:prevent_add", args=["risk-assessment"]),
        reverse("strategy:overview"), reverse("strategy:indicator", args=["marac_cases"]),
        reverse("strategy:board_report", args=[quarter]),
        reverse("strategy:narrative", args=["asb", quarter]),
    ]
    coordinator += _extra_pages(referral)
    analyst = [reverse("strategy:indicator", args=["vawg_confidence"]), reverse("reviews:prevent")]
    board = [reverse("strategy:overview"), reverse("strategy:board_report", args=[quarter])]
    return {"coordinator": coordinator, "analyst": analyst, "board": board}


def _extra_pages(referral: ChannelReferral) -> list[str]:
    """Pages added after the first release: the review during support and marking a Prevent action done."""
    pages = [reverse("reviews:channel_support_review", args=[referral.public_id])]
    action = PreventPlanAction.objects.first()
    pages.append(reverse("reviews:prevent_action_done", args=[action.pk]))
    pages.append(reverse("strategy:indicator", args=["tension_days_elevated"]))
    return pages


def _pdf_html(world: World) -> str:
    from django.template.loader import render_to_string

    from strategy import report, rules

    start = rules.parse_quarter(latest_quarter())
    return render_to_string("strategy/board_report_pdf.html", {
        "sections": report.board_report(start), "quarter": latest_quarter(),
        "quarter_label": rules.quarter_label(start), "generated": timezone.localdate(),
        "partnership_name": "Community Safety Partnership"})


def _cookie(user: Any, live_server: Any) -> dict:
    client = signed_in_client(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def _check(page: Any, label: str, failures: list[str]) -> None:
    violations = run_axe(page)
    if violations:
        failures.append(f"{label}:\n{describe(violations)}")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{label[:90]}.png"), full_page=True)


def _errors(page: Any, url: str, button: str, label: str, failures: list[str]) -> None:
    page.goto(url)
    with page.expect_navigation():
        page.get_by_role("button", name=button).click()
    assert page.locator(".govuk-error-summary").is_visible(), label
    _check(page, label, failures)


def test_reviews_and_strategy_pages_have_no_accessibility_violations(world: World, live_server: Any) -> None:
    from playwright.sync_api import sync_playwright

    pages = _pages(world)
    pdf_html = _pdf_html(world)
    support_review_url = next(p for p in pages["coordinator"] if "review-during-support" in p)
    users = {"coordinator": world.coordinator, "analyst": world.analyst, "board": world.board}
    cookies = {who: _cookie(user, live_server) for who, user in users.items()}
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
            if who == "coordinator":
                _errors(page, live_server.url + reverse("reviews:dhr_notify"), "Save", "coordinator_notify_errors",
                        failures)
                _errors(page, live_server.url + support_review_url, "Save", "coordinator_support_review_errors",
                        failures)
            context.close()
        if SHOTS:  # what WeasyPrint is given, drawn by Chromium, to look at the PDF's layout without poppler
            page = browser.new_page(viewport={"width": 794, "height": 1123})
            page.set_content(pdf_html)
            page.screenshot(path=str(Path(SHOTS) / "board_report_pdf_html.png"), full_page=True)
        browser.close()
    assert not failures, "\n\n".join(failures)
