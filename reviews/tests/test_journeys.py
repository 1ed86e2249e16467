"""DHR and Channel records from first notification to the end, through the pages, plus reminders."""

from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from conftest import World, signed_in_client
from intake.models import OutboundMessage
from reviews.models import ChannelReferral, DhrStage, DomesticHomicideReview, PreventTraining, ReminderSent
from reviews.reminders import queue_due_reminders


def test_coordinator_records_a_notification_and_the_team_is_emailed(world: World) -> None:
    client = signed_in_client(world.coordinator)
    response = client.post(reverse("reviews:dhr_notify"), {
        "title": "Death of a man aged 60 to 70", "notified_on": "2025-03-03", "notifying_agency": world.police.pk})
    review = DomesticHomicideReview.objects.get()
    assert response.status_code == 302 and str(review.public_id) in response["Location"]
    assert review.case.kind == "dhr" and review.case.restricted
    message = OutboundMessage.objects.get(purpose="dhr_notification")
    assert message.to == world.coordinator.email and "3 April 2025" in message.body
    assert AuditEvent.objects.filter(object_type="reviews.domestichomicidereview", action="create").exists()


@pytest.mark.parametrize("data", [
    {},
    {"title": "x", "notified_on": "2099-01-01", "notifying_agency": "1"},
    {"title": "x", "notified_on": "not a date"},
])
def test_notification_with_bad_input_shows_errors_and_saves_nothing(world: World, data: dict) -> None:
    response = signed_in_client(world.coordinator).post(reverse("reviews:dhr_notify"), data)
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert not DomesticHomicideReview.objects.exists()


def test_a_review_runs_to_completion(world: World, records: dict) -> None:
    review = records["review"]
    client = signed_in_client(world.coordinator)
    detail = reverse("reviews:dhr_detail", args=[review.public_id])
    step = lambda name, data: client.post(reverse("reviews:dhr_step", args=[review.public_id, name]), data)  # noqa: E731
    assert step("home-office", {"home_office_notified_on": "2025-01-21"}).status_code == 302
    assert step("chair", {"chair_name": "Independent Chair Ltd", "chair_appointed_on": "2025-02-01"}).status_code == 302
    client.post(reverse("reviews:dhr_agency_report_received", args=[review.public_id, records["report"].pk]),
                {"received_on": "2025-03-10"})
    assert step("send-to-qa", {"on": "2025-07-01"}).status_code == 302
    assert step("qa-feedback", {"on": "2025-09-01", "feedback": "Strengthen the family section"}).status_code == 302
    assert step("publish", {"on": "2025-10-01"}).status_code == 302
    review.refresh_from_db()
    assert review.stage == DhrStage.PUBLISHED
    client.post(reverse("reviews:dhr_recommendation_done", args=[review.public_id, records["item"].public_id]),
                {"completed_on": "2025-10-20", "evidence": "Policy changed"})
    review.refresh_from_db()
    assert review.stage == DhrStage.COMPLETE and review.case.status == "closed"
    page = client.get(detail)
    assert page.status_code == 200 and b"Complete" in page.content


def test_a_transition_out_of_order_is_refused_with_a_message(world: World, records: dict) -> None:
    review = records["review"]
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:dhr_step", args=[review.public_id, "publish"]), {"on": "2025-10-01"})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    review.refresh_from_db()
    assert review.published_on is None


def test_recommendation_needs_owner_and_due_date(world: World, records: dict) -> None:
    review = records["review"]
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:dhr_recommendation", args=[review.public_id]),
        {"theme": "marac", "lesson": "Referral came late", "recommendation": "Refer at 14 ticks"})
    assert response.status_code == 200 and b"Select the agency responsible" in response.content
    assert review.recommendations.count() == 1


def test_dashboard_shows_stage_next_deadline_and_breaches(world: World, records: dict) -> None:
    response = signed_in_client(world.coordinator).get(reverse("reviews:dhr_dashboard"))
    content = response.content.decode()
    assert records["review"].case.reference in content
    assert "Review in progress" in content and "Tell the Home Office the decision" in content


def test_reminders_are_queued_once(world: World, records: dict) -> None:
    first = queue_due_reminders(date(2025, 3, 20))
    assert first >= 2  # home office (missed) and the police IMR (due within a week)
    assert queue_due_reminders(date(2025, 3, 20)) == 0
    messages = OutboundMessage.objects.filter(purpose="dhr_reminder")
    assert messages.count() == first
    assert all("Woman" not in m.body for m in messages)
    assert ReminderSent.objects.filter(kind="missed", milestone="home_office").exists()


def test_lessons_search_by_theme_and_text(world: World, records: dict) -> None:
    client = signed_in_client(world.coordinator)
    found = client.post(reverse("reviews:lessons"), {"theme": "risk_assessment", "text": "DASH"})
    assert b"DASH not repeated" in found.content
    none = client.post(reverse("reviews:lessons"), {"theme": "housing"})
    assert b"DASH not repeated" not in none.content
    # Someone off the panel sees no lessons from unpublished reviews.
    other = signed_in_client(world.practitioner_a).post(reverse("reviews:lessons"), {})
    assert b"DASH not repeated" not in other.content


def test_channel_journey(world: World) -> None:
    client = signed_in_client(world.coordinator)
    client.post(reverse("reviews:channel_new"), {"title": "Adult, online material", "received_on": "2025-02-03",
                                                 "screened_by": world.police.pk})
    referral = ChannelReferral.objects.get()
    step = lambda name, data: client.post(reverse("reviews:channel_step", args=[referral.public_id, name]), data)  # noqa: E731
    # Support without consent is refused: Channel is voluntary.
    refused = step("decision", {"outcome": "channel", "decided_on": "2025-02-10"})
    assert b"record the person" in refused.content
    step("assessment", {"assessed_on": "2025-02-10", "engagement": ["e1", "e3"], "intent": ["i2"]})
    step("consent", {"consent": "given", "consent_on": "2025-02-10", "consent_by": "The person"})
    step("decision", {"outcome": "channel", "decided_on": "2025-02-10"})
    step("support", {"provider": "Intervention provider", "support_type": "Mentoring", "started_on": "2025-02-17"})
    step("close", {"closed_on": "2025-08-29", "reason": "Risk reduced"})
    referral.refresh_from_db()
    assert referral.stage == "closed" and referral.assessments.get().factors == ["e1", "e3", "i2"]
    assert [(r.months_after_closure, r.due_on) for r in referral.post_closure_reviews.all()] == [
        (6, date(2026, 3, 2)), (12, date(2026, 9, 1))]  # 28 Feb 2026 is a Saturday; 31 Aug 2026 a bank holiday
    page = client.get(reverse("reviews:channel_detail", args=[referral.public_id]))
    assert b"2 of 13" in page.content


def test_empty_assessment_is_refused(world: World, records: dict) -> None:
    referral = records["referral"]
    response = signed_in_client(world.coordinator).post(
        reverse("reviews:channel_step", args=[referral.public_id, "assessment"]), {"assessed_on": "2025-02-10"})
    assert b"govuk-error-summary" in response.content and not referral.assessments.exists()


def test_prevent_training_and_suppressed_referral_figures(world: World, records: dict) -> None:
    client = signed_in_client(world.coordinator)
    bad = client.post(reverse("reviews:prevent_add", args=["training"]), {
        "agency": world.council.pk, "role": "Housing officers", "as_at": "2025-03-31", "staff_in_scope": "10",
        "staff_trained": "12"})
    assert b"cannot be more" in bad.content and not PreventTraining.objects.exists()
    client.post(reverse("reviews:prevent_add", args=["training"]), {
        "agency": world.council.pk, "role": "Housing officers", "as_at": "2025-03-31", "staff_in_scope": "40",
        "staff_trained": "30"})
    page = signed_in_client(world.board).get(reverse("reviews:prevent")).content.decode()
    assert "75.0%" in page and "2025 Q1" in page and "fewer than 5" in page
