"""The public unsafe-place report: anonymous, one question a page, check your answers, nothing half-saved."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from intake.models import OutboundMessage
from vawg.models import UnsafePlaceReport

pytestmark = pytest.mark.django_db


def q(slug: str) -> str:
    return reverse("vawg:unsafe_place:question", args=[slug])


def answer_all(client: Client, *, where: dict | None = None) -> None:
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    assert client.post(q("where"), where or {"place_text": "Botchergate, Carlisle"}).status_code == 302
    assert client.post(q("when"), {"happened_on": yesterday, "time_of_day": "night"}).status_code == 302
    assert client.post(q("what"), {"reasons": ["poor_lighting", "followed"]}).status_code == 302
    assert client.post(q("more"), {"details": "Dark underpass by the station"}).status_code == 302


def test_a_report_is_saved_once_without_anything_that_identifies_the_reporter(settings) -> None:  # noqa: ANN001
    settings.VAWG_REPORTS_EMAIL = "vawg.lead@council.test"
    client = Client(REMOTE_ADDR="203.0.113.9")
    answer_all(client, where={"place_text": "", "latitude": "54.8925", "longitude": "-2.9329"})
    check = client.get(reverse("vawg:unsafe_place:check"))
    assert b"Someone followed me" in check.content
    token = check.context["form"].initial["token"]
    client.post(reverse("vawg:unsafe_place:check"), {"token": token})
    client.post(reverse("vawg:unsafe_place:check"), {"token": token})  # a double click
    report = UnsafePlaceReport.objects.get()
    assert report.reasons == ["poor_lighting", "followed"] and report.time_of_day == "night"
    assert 340_000 < report.easting < 341_000 and 555_000 < report.northing < 556_500
    stored = " ".join(str(v) for v in UnsafePlaceReport.objects.values().first().values())
    assert "203.0.113.9" not in stored
    assert AuditEvent.objects.filter(object_type="vawg.unsafeplacereport", actor_label="public").count() == 1
    message = OutboundMessage.objects.get(purpose="vawg_unsafe_place")
    assert "Botchergate" not in message.body and "underpass" not in message.body
    done = client.get(reverse("vawg:unsafe_place:done"))
    assert b"we will not contact you" in done.content


def test_without_a_place_or_a_pin_the_error_summary_shows_and_nothing_is_saved() -> None:
    client = Client()
    response = client.post(q("where"), {"place_text": ""})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content and b"Enter a street, place name or postcode" in response.content
    assert UnsafePlaceReport.objects.count() == 0


@pytest.mark.parametrize(("data", "message"), [
    ({"happened_on": "", "time_of_day": "night"}, b"Enter the date"),
    ({"happened_on": "2099-01-01", "time_of_day": "night"}, b"The date must be today or in the past"),
    ({"happened_on": "not a date", "time_of_day": "night"}, b"Enter a real date"),
    ({"happened_on": "2020-01-01", "time_of_day": "night"}, b"The date must be in the last year"),
    ({"happened_on": timezone.localdate().isoformat(), "time_of_day": ""}, b"Choose the time of day"),
])
def test_when_refuses_bad_dates(data: dict, message: bytes) -> None:
    response = Client().post(q("when"), data)
    assert response.status_code == 200 and message in response.content and b"govuk-error-summary" in response.content


def test_what_needs_at_least_one_reason() -> None:
    response = Client().post(q("what"), {})
    assert b"Choose at least one thing" in response.content


def test_a_pin_outside_britain_is_refused() -> None:
    response = Client().post(q("where"), {"place_text": "", "latitude": "10", "longitude": "10"})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content


def test_check_answers_sends_you_back_to_a_missing_question() -> None:
    client = Client()
    client.post(q("where"), {"place_text": "Market Square"})
    response = client.get(reverse("vawg:unsafe_place:check"))
    assert response.status_code == 302 and response["Location"] == q("when")
    assert UnsafePlaceReport.objects.count() == 0


def test_first_page_works_without_javascript_and_sets_no_cookie() -> None:
    response = Client().get(q("where"))
    assert response.status_code == 200
    assert b'name="place_text"' in response.content and b"call 999" in response.content
    assert "sessionid" not in response.cookies
