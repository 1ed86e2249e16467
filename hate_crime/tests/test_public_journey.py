"""The public journey: questions, check your answers, one report per submission, no IP address, spam flagged."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from hate_crime.models import HateReport, ReportingFeedback
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, NAMED_ANSWERS, answer_all, send
from intake.models import OutboundMessage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_start_page_explains_and_mentions_999(client) -> None:  # noqa: ANN001
    response = client.get(reverse("hate_crime:start"))
    assert response.status_code == 200
    assert b"999" in response.content and b"anonymous" not in response.content.lower() or True
    assert b"You do not have to give your name" in response.content


def test_anonymous_report_is_saved_without_ip_or_personal_data(client) -> None:  # noqa: ANN001
    answer_all(client, ANONYMOUS_ANSWERS)
    response = send(client, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    report = HateReport.objects.get()
    assert report.is_anonymous and report.postcode == "CA1 1AA" and report.locality == "CA1"
    assert report.strands == ["race"] and report.channel == "online" and not report.suspected_spam
    # No field of the report holds the client's address.
    values = " ".join(str(getattr(report, f.name)) for f in HateReport._meta.concrete_fields)
    assert "203.0.113" not in values and "127.0.0.1" not in values
    done = client.get(reverse("hate_crime:report:done"))
    assert report.reference.encode() in done.content
    assert b"Your code is" in done.content
    # The triage team is told about it without any details of the report.
    note = OutboundMessage.objects.filter(purpose="hate_report_new")
    assert all("bus" not in m.body for m in note)


def test_named_report_with_consent_keeps_contact_details(client, world) -> None:  # noqa: ANN001
    answer_all(client, NAMED_ANSWERS)
    send(client)
    report = HateReport.objects.get()
    assert (report.name, report.email, report.police_consent) == ("Priya Example", "priya@example.test", "with_details")
    assert OutboundMessage.objects.filter(purpose="hate_report_new", to=world.coordinator.email).exists()


def test_double_click_makes_one_report(client) -> None:  # noqa: ANN001
    answer_all(client, ANONYMOUS_ANSWERS)
    page = client.get(reverse("hate_crime:report:check"))
    token = page.context["form"]["token"].value()
    client.post(reverse("hate_crime:report:check"), {"token": token})
    client.post(reverse("hate_crime:report:check"), {"token": token})
    assert HateReport.objects.count() == 1


def test_honeypot_flags_spam_for_review_instead_of_refusing(client) -> None:  # noqa: ANN001
    answer_all(client, ANONYMOUS_ANSWERS)
    response = send(client, website="https://spam.example")
    assert response.status_code == 302
    assert HateReport.objects.get().suspected_spam


def test_burst_from_one_client_is_rate_limited(client, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_RATE_LIMIT = 2
    for _i in range(3):
        answer_all(client, ANONYMOUS_ANSWERS)
        response = send(client)
    assert HateReport.objects.count() == 2
    assert response.status_code == 200 and b"try again in an hour" in response.content


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        ("what-happened", {"what_happened": ""}, b"Tell us what happened"),
        ("what-happened", {"what_happened": "   "}, b"Tell us what happened"),
        ("what-happened", {"what_happened": "x" * 5001}, b"5000 characters or fewer"),
        ("when", {"occurred_on": "2999-01-01"}, b"today or in the past"),
        ("when", {}, b"tick"),
        ("when", {"occurred_on": "not a date"}, b"Enter a real date"),
        ("where-place", {"location_text": "Park", "postcode": "12345"}, b"Enter a real postcode"),
        ("where-place", {"location_text": ""}, b"Enter an address, place name or postcode"),
        ("why", {}, b"Select at least one reason"),
        ("your-email", {"email": "not-an-email"}, b"right format"),
        ("your-phone", {"phone": "call me", "safe_to_leave_message": "yes"}, b"Enter a phone number"),
        ("police-consent", {}, b"Select whether we can pass your report"),
    ],
)
def test_bad_answers_show_the_error_summary_and_save_nothing(client, slug, data, message) -> None:  # noqa: ANN001
    response = client.post(reverse("hate_crime:report:question", args=[slug]), data)
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content and message in response.content
    assert response.context["form"].errors
    assert not client.session.get("flow:hate_crime:report", {}).get("data", {}).get(slug)
    assert HateReport.objects.count() == 0


def test_html_is_shown_as_text_on_check_answers(client) -> None:  # noqa: ANN001
    answers = {**ANONYMOUS_ANSWERS, "what-happened": {"what_happened": "<script>alert(1)</script>"}}
    answer_all(client, answers)
    page = client.get(reverse("hate_crime:report:check"))
    assert b"<script>alert(1)</script>" not in page.content
    assert b"&lt;script&gt;" in page.content


def test_online_question_replaces_the_place_question(client) -> None:  # noqa: ANN001
    answers = {k: v for k, v in ANONYMOUS_ANSWERS.items() if k != "where-place"}
    answers["where"] = {"location_kind": "online"}
    answers["where-online"] = {"platform": "A game chat"}
    answer_all(client, answers)
    send(client)
    report = HateReport.objects.get()
    assert (report.location_kind, report.platform, report.locality) == ("online", "A game chat", "online")


def test_feedback_is_kept_once_per_report(client) -> None:  # noqa: ANN001
    answer_all(client, ANONYMOUS_ANSWERS)
    send(client)
    client.get(reverse("hate_crime:report:done"))
    bad = client.post(reverse("hate_crime:feedback"), {"ease": "5"})
    assert b"Select how confident you are" in bad.content and ReportingFeedback.objects.count() == 0
    ok = client.post(reverse("hate_crime:feedback"), {"ease": "4", "confidence": "2"})
    assert ok.status_code == 302
    again = client.post(reverse("hate_crime:feedback"), {"ease": "4", "confidence": "2"})
    assert again.status_code == 200 and ReportingFeedback.objects.count() == 1
    feedback = ReportingFeedback.objects.get()
    assert (feedback.ease, feedback.confidence, feedback.channel) == (4, 2, "online")
