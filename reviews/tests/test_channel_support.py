"""Reviews during Channel support at the configured interval, their reminders, and Prevent actions done."""

from dataclasses import replace
from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse

from audit.models import AuditEvent
from conftest import World, signed_in_client
from intake.models import OutboundMessage
from reviews import rules
from reviews.actions.channel import support_review_due
from reviews.config import ChannelTimescales
from reviews.models import ChannelReminderSent, PreventPlanAction, SupportReview
from reviews.reminders import queue_channel_reminders

T = ChannelTimescales()


@pytest.mark.parametrize(("stage", "decided", "last", "due", "why"), [
    ("support", date(2025, 2, 10), None, date(2025, 5, 12), "3 months from adoption; 10 May 2025 is a Saturday"),
    ("support", date(2025, 2, 10), date(2025, 5, 12), date(2025, 8, 12), "3 months from the last review"),
    ("support", date(2025, 5, 26), None, date(2025, 8, 26), "26 August 2025 is the day after the bank holiday"),
    ("support", date(2025, 11, 30), None, date(2026, 3, 2), "28 February 2026 is a Saturday"),
    ("received", None, None, None, "not adopted yet: no review"),
    ("closed", date(2025, 2, 10), date(2025, 5, 12), None, "left Channel: reviews after closure instead"),
])
def test_review_during_support_is_due_at_the_interval(stage: str, decided: date | None, last: date | None,
                                                      due: date | None, why: str) -> None:
    assert rules.support_review_due(stage=stage, decided_on=decided, last_review_on=last, t=T) == due, why


def test_support_review_interval_is_configurable() -> None:
    monthly = replace(T, support_review_months=1)
    assert rules.support_review_due(stage="support", decided_on=date(2025, 2, 10), last_review_on=None,
                                    t=monthly) == date(2025, 3, 10)


@pytest.mark.parametrize(("due", "today", "kind"), [
    (date(2025, 5, 12), date(2025, 5, 1), None),
    (date(2025, 5, 12), date(2025, 5, 5), "upcoming"),
    (date(2025, 5, 12), date(2025, 5, 12), "upcoming"),
    (date(2025, 5, 12), date(2025, 5, 13), "missed"),
])
def test_reminder_kind(due: date, today: date, kind: str | None) -> None:
    assert rules.reminder_kind(due, today, 7) == kind


def test_panel_records_reviews_during_support_and_the_next_falls_due(world: World, records: dict) -> None:
    referral = records["supported"]
    client = signed_in_client(world.coordinator)
    url = reverse("reviews:channel_support_review", args=[referral.public_id])
    assert b"12 May 2025" in client.get(url).content
    response = client.post(url, {"held_on": "2025-05-14", "progress": "Attending mentoring every week",
                                 "continue_support": "yes"})
    assert response.status_code == 302
    review = SupportReview.objects.get()
    assert (review.due_on, review.held_on, review.recorded_by) == (date(2025, 5, 12), date(2025, 5, 14),
                                                                   world.coordinator)
    assert support_review_due(referral) == date(2025, 8, 14)
    assert AuditEvent.objects.filter(object_type="reviews.supportreview", action="create").exists()
    page = client.get(reverse("reviews:channel_detail", args=[referral.public_id])).content.decode()
    assert "Attending mentoring" in page and "14 August 2025" in page and "Late" in page


def test_ending_support_at_a_review_goes_on_to_closing_the_case(world: World, records: dict) -> None:
    referral = records["supported"]
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:channel_support_review", args=[referral.public_id]),
        {"held_on": "2025-05-12", "progress": "Goals met", "continue_support": "no"})
    assert response["Location"] == reverse("reviews:channel_step", args=[referral.public_id, "close"])


@pytest.mark.parametrize("data", [
    {},
    {"held_on": "2099-01-01", "progress": "x", "continue_support": "yes"},
    {"held_on": "not a date", "progress": "", "continue_support": "maybe"},
])
def test_support_review_with_bad_input_shows_errors_and_saves_nothing(world: World, records: dict,
                                                                      data: dict) -> None:
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:channel_support_review", args=[records["supported"].public_id]), data)
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    assert not SupportReview.objects.exists()


def test_no_review_during_support_once_the_case_has_closed(world: World, records: dict) -> None:
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:channel_support_review", args=[records["referral"].public_id]),
        {"held_on": "2025-05-12", "progress": "x", "continue_support": "yes"})
    assert b"while support is in place" in response.content and not SupportReview.objects.exists()


def test_channel_reminders_are_queued_once_and_name_nobody(world: World, records: dict) -> None:
    # 5 May 2025: the supported case's first review (12 May) is a week away; the closed case's reviews after
    # closure (30 Dec 2025, 30 Jun 2026) are not due yet.
    assert queue_channel_reminders(date(2025, 5, 5)) == 1
    assert queue_channel_reminders(date(2025, 5, 5)) == 0
    # 31 December 2025: the support review is missed, and the 6-month review after closure was due yesterday.
    assert queue_channel_reminders(date(2025, 12, 31)) == 2
    sent = set(ChannelReminderSent.objects.values_list("milestone", "kind"))
    assert sent == {("support_review", "upcoming"), ("support_review", "missed"), ("post_closure:6", "missed")}
    messages = OutboundMessage.objects.filter(purpose="channel_reminder")
    assert messages.count() == 3 and all(m.to == world.coordinator.email for m in messages)
    assert all(records["supported"].case.reference in m.body or records["referral"].case.reference in m.body
               for m in messages)
    assert not any("online material" in m.body for m in messages)  # the case title stays in the case


@override_settings(CSPHUB_CHANNEL_TIMESCALES={"reminder_days_before": 0})
def test_channel_reminder_window_is_configurable(world: World, records: dict) -> None:
    assert queue_channel_reminders(date(2025, 5, 5)) == 0


def test_channel_dashboard_shows_the_next_review(world: World, records: dict) -> None:
    page = signed_in_client(world.coordinator).get(reverse("reviews:channel_dashboard")).content.decode()
    assert "Review during support" in page and "12 May 2025" in page
    assert "Review 6 months after closure" in page and "30 Dec 2025" in page


def test_coordinator_marks_a_prevent_action_done(world: World, records: dict) -> None:
    action = records["prevent_action"]
    client = signed_in_client(world.coordinator)
    url = reverse("reviews:prevent_action_done", args=[action.pk])
    bad = client.post(url, {"completed_on": "", "evidence": ""})
    assert b"govuk-error-summary" in bad.content
    action.refresh_from_db()
    assert action.status == PreventPlanAction.Status.OPEN and action.completed_on is None
    assert client.post(url, {"completed_on": "2025-08-20", "evidence": "42 staff trained"}).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.completed_on, action.evidence) == ("done", date(2025, 8, 20), "42 staff trained")
    assert AuditEvent.objects.filter(object_type="reviews.preventplanaction", action="update").exists()
    again = client.post(url, {"completed_on": "2025-08-21", "evidence": "again"})
    assert b"already done" in again.content
    page = signed_in_client(world.board).get(reverse("reviews:prevent")).content.decode()
    assert "42 staff trained" in page and "Mark as done" not in page
