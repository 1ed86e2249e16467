"""Triage and casework: acknowledging, assigning, routing to police only with consent, the reporter's view."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from access.policy import actor_for_user
from audit.models import AuditEvent
from conftest import World, signed_in_client
from hate_crime import actions
from hate_crime.models import HateReport, PoliceDestination, PoliceReferral, ReportStatus, ReportUpdate
from hate_crime.tests.helpers import make_report
from intake import outbox
from intake.models import DeliveryState, OutboundMessage
from intake.outbox import deliver_message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def email_destination(world: World) -> PoliceDestination:
    return PoliceDestination.objects.create(agency=world.police, method="email", address="hate@police.test")


def _detail(report: HateReport) -> str:
    return reverse("hate_crime:report_detail", args=[report.public_id])


def test_coordinator_sees_queue_and_report_and_the_read_is_audited(world: World) -> None:
    report = make_report()
    client = signed_in_client(world.coordinator)
    queue = client.get(reverse("hate_crime:queue"))
    assert report.reference.encode() in queue.content
    page = client.get(_detail(report))
    assert page.status_code == 200 and b"bus stop" in page.content
    assert AuditEvent.objects.filter(
        action="view", object_type="hate_crime.hatereport", object_id=str(report.pk), actor_id=world.coordinator.pk
    ).exists()


def test_acknowledge_sets_status_and_tells_the_reporter_by_email_if_they_asked(world: World) -> None:
    report = make_report(contact_preference="email", email="victim@example.test")
    client = signed_in_client(world.coordinator)
    client.post(reverse("hate_crime:acknowledge", args=[report.public_id]))
    report.refresh_from_db()
    assert report.status == ReportStatus.ACKNOWLEDGED and report.acknowledged_at is not None
    email = OutboundMessage.objects.get(purpose="hate_report_ack")
    assert email.to == "victim@example.test" and "bus" not in email.body


def test_assign_to_agency_lets_its_practitioners_see_it(world: World) -> None:
    report = make_report()
    hidden = signed_in_client(world.practitioner_a).get(_detail(report))
    assert hidden.status_code == 404
    signed_in_client(world.coordinator).post(
        reverse("hate_crime:assign", args=[report.public_id]), {"agency": world.council.pk}
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.ASSIGNED and report.assigned_agency == world.council
    assert signed_in_client(world.practitioner_a).get(_detail(report)).status_code == 200
    assert signed_in_client(world.outsider).get(_detail(report)).status_code == 404


def test_assign_form_errors_save_nothing(world: World) -> None:
    report = make_report()
    response = signed_in_client(world.coordinator).post(reverse("hate_crime:assign", args=[report.public_id]), {})
    assert response.status_code == 200 and b"Select an agency" in response.content
    report.refresh_from_db()
    assert report.status == ReportStatus.NEW and report.assigned_agency is None


def test_triage_flags_a_repeat_victim_by_email_within_twelve_months(world: World) -> None:
    make_report(contact_preference="email", email="same@example.test")
    report = make_report(contact_preference="email", email="SAME@example.test")
    assert report.repeat_victim
    client = signed_in_client(world.coordinator)
    client.post(
        reverse("hate_crime:triage", args=[report.public_id]),
        {"classification": "crime", "risk_level": "high", "vulnerability": "Lives alone"},
    )
    report.refresh_from_db()
    assert (report.classification, report.risk_level, report.repeat_victim) == ("crime", "high", True)


def test_open_a_case_for_the_report(world: World) -> None:
    report = make_report()
    client = signed_in_client(world.coordinator)
    response = client.post(reverse("hate_crime:case", args=[report.public_id]), {"lead_agency": world.council.pk})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.case is not None and report.case.kind == "hate" and report.case.reference.startswith("HC-")


def test_link_an_existing_case_only_if_visible(world: World) -> None:
    report = make_report()
    client = signed_in_client(world.coordinator)
    # case_b is police-led: the council coordinator is not on its team, so it cannot be linked.
    response = client.post(
        reverse("hate_crime:case", args=[report.public_id]), {"existing_case": world.case_b.reference}
    )
    assert response.status_code == 200 and b"could not find" in response.content
    assert HateReport.objects.get(pk=report.pk).case is None


def test_no_routing_without_consent(world: World, email_destination: PoliceDestination) -> None:
    report = make_report(police_consent="no")
    response = signed_in_client(world.coordinator).post(
        reverse("hate_crime:route", args=[report.public_id]), {"destination": email_destination.pk}
    )
    assert response.status_code == 200 and b"did not agree" in response.content
    assert not PoliceReferral.objects.exists()
    assert not OutboundMessage.objects.filter(purpose="hate_police").exists()
    report.refresh_from_db()
    assert report.status == ReportStatus.NEW


def test_routing_with_anonymous_consent_sends_no_contact_details(
    world: World, email_destination: PoliceDestination
) -> None:
    report = make_report(
        police_consent="anonymous", contact_preference="email", email="me@example.test", name="Named Person"
    )
    signed_in_client(world.coordinator).post(
        reverse("hate_crime:route", args=[report.public_id]), {"destination": email_destination.pk}
    )
    message = OutboundMessage.objects.get(purpose="hate_police")
    assert message.to == "hate@police.test"
    assert "me@example.test" not in message.body and "Named Person" not in message.body
    assert "Lowther Street" in message.body
    report.refresh_from_db()
    assert report.status == ReportStatus.WITH_POLICE
    assert AuditEvent.objects.filter(action="share", object_id=str(report.pk)).exists()


def test_routing_by_webhook_posts_json_and_is_retried_until_delivered(world: World, monkeypatch) -> None:  # noqa: ANN001
    hook = PoliceDestination.objects.create(agency=world.police, method="webhook", address="https://police.test/hook")
    report = make_report(police_consent="with_details", name="Named Person", contact_preference="none")
    actions.do_route_to_police(report=report, acting=actor_for_user(world.coordinator), destination=hook)
    message = OutboundMessage.objects.get(purpose="hate_police")
    assert message.channel == "webhook" and message.url == "https://police.test/hook"
    payload = json.loads(message.body)
    assert payload["reference"] == report.reference and payload["contact"]["name"] == "Named Person"

    posted = []

    def flaky(msg: OutboundMessage) -> None:
        posted.append(json.loads(msg.body))
        if len(posted) == 1:
            raise ConnectionError("connection refused")

    monkeypatch.setattr(outbox, "post_webhook", flaky)
    deliver_message.call(message.pk)
    message.refresh_from_db()
    assert message.state == DeliveryState.RETRYING
    deliver_message.call(message.pk)
    message.refresh_from_db()
    assert message.state == DeliveryState.SENT and len(posted) == 2
    page = signed_in_client(world.coordinator).get(_detail(report))
    assert b"Sent" in page.content


def test_reporter_status_shows_only_updates_written_for_them(world: World, client) -> None:  # noqa: ANN001
    report, secret = actions.do_submit_report(
        {**make_report.__globals__["flat"](make_report.__globals__["ANONYMOUS_ANSWERS"])}
    )
    coordinator = signed_in_client(world.coordinator)
    coordinator.post(
        reverse("hate_crime:add_update", args=[report.public_id]),
        {"kind": "internal", "text": "Suspect known to police INTERNAL"},
    )
    coordinator.post(
        reverse("hate_crime:add_update", args=[report.public_id]),
        {"kind": "for_reporter", "text": "An officer will visit the bus stop.", "contacted": "on"},
    )
    response = client.post(reverse("intake:status_lookup"), {"reference": report.reference, "secret": secret})
    assert b"An officer will visit the bus stop." in response.content
    assert b"INTERNAL" not in response.content
    wrong = client.post(reverse("intake:status_lookup"), {"reference": report.reference, "secret": "WRONGCODE2"})
    assert b"An officer" not in wrong.content
    report.refresh_from_db()
    assert report.first_contact_at is not None


def test_reporter_can_add_information_with_reference_and_code(world: World, client) -> None:  # noqa: ANN001
    from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, flat

    report, secret = actions.do_submit_report(flat(ANONYMOUS_ANSWERS))
    url = reverse("hate_crime:add_information")
    bad = client.post(url, {"reference": report.reference, "secret": "WRONG", "information": "More"})
    assert b"could not find" in bad.content
    empty = client.post(url, {"reference": report.reference, "secret": secret, "information": ""})
    assert b"Tell us what you would like to add" in empty.content
    assert not ReportUpdate.objects.filter(kind="from_reporter").exists()
    ok = client.post(url, {"reference": report.reference.lower(), "secret": secret, "information": "Car reg AB12"})
    assert ok.status_code == 200 and b"Information added" in ok.content
    assert ReportUpdate.objects.get(kind="from_reporter").text == "Car reg AB12"


def test_close_with_outcome(world: World) -> None:
    report = make_report()
    client = signed_in_client(world.coordinator)
    bad = client.post(reverse("hate_crime:close", args=[report.public_id]), {"outcome": ""})
    assert b"Enter the outcome" in bad.content
    client.post(
        reverse("hate_crime:close", args=[report.public_id]),
        {"outcome": "Advice given", "message_for_reporter": "We have closed your report."},
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.CLOSED and report.outcome == "Advice given"
    # Closed reports cannot be changed: the page is still readable, decisions are refused.
    assert client.get(reverse("hate_crime:close", args=[report.public_id])).status_code == 403
