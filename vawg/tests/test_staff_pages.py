"""Staff pages: aggregates only with small numbers suppressed; venue and campaign forms refuse bad input."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from analytics.models import ImportBatch, PartnerIncident
from audit.models import AuditEvent
from conftest import World, signed_in_client
from vawg.models import Campaign, UnsafePlaceReport, Venue
from vawg.tests.test_access_by_role import make_venue


def _report(**extra: object) -> UnsafePlaceReport:
    fields = {"reference": f"USP-{UnsafePlaceReport.objects.count():04d}", "place_text": "Botchergate",
              "happened_on": date(2025, 10, 3), "time_of_day": "night", "reasons": ["poor_lighting"], **extra}
    return UnsafePlaceReport.objects.create(**fields)


def test_reports_are_shown_only_in_aggregate_with_small_numbers_suppressed(world: World) -> None:
    for _ in range(6):
        _report()
    _report(place_text="Secret Lane", reasons=["followed"], details="a name here")
    html = signed_in_client(world.analyst).get(reverse("vawg:unsafe_places")).content.decode()
    assert "fewer than 5" in html and "7 reports" in html
    assert "a name here" not in html
    assert ">6<" in html  # six reports of poor lighting


@pytest.mark.parametrize("persona", ["practitioner_a", "coordinator", "analyst", "board"])
def test_venue_page_shows_incidents_by_hour_of_week(persona: str, world: World) -> None:
    venue = make_venue()
    batch = ImportBatch.objects.create(kind="partner", file_name="fire.csv")
    friday_11pm = datetime(2025, 10, 3, 23, 15, tzinfo=ZoneInfo("Europe/London"))
    for i in range(6):
        PartnerIncident.objects.create(batch=batch, source="fire", source_reference=str(i), occurred_at=friday_11pm,
                                       category="assault", easting=venue.easting + 50, northing=venue.northing)
    PartnerIncident.objects.create(batch=batch, source="fire", source_reference="far", occurred_at=friday_11pm,
                                   category="assault", easting=venue.easting + 5000, northing=venue.northing)
    response = signed_in_client(world.users_by_persona()[persona]).get(
        reverse("vawg:venue_detail", kwargs={"venue_id": venue.public_id}))
    assert response.status_code == 200
    assert response.context["rows"][4]["cells"][23] == "6"
    assert "Ask for Angela" in response.content.decode()


def test_adding_a_venue_with_bad_input_saves_nothing(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("vawg:venue_create"), {"name": "", "address": "x", "venue_type": "pub",
                                                          "latitude": "10", "longitude": "-2.9"})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    assert b"Enter a latitude in Great Britain" in response.content
    assert Venue.objects.count() == 0


def test_adding_and_changing_a_venue_is_audited(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    data = {"name": "The Crown", "address": "1 Botchergate", "venue_type": "pub", "latitude": "54.89",
            "longitude": "-2.93", "opening_hours": "Fri-Sat 20:00-03:00", "schemes": ["ask_for_angela", "wave"],
            "active": "on"}
    response = client.post(reverse("vawg:venue_create"), data)
    venue = Venue.objects.get()
    assert response.status_code == 302 and venue.schemes == ["ask_for_angela", "wave"]
    assert 340_000 < venue.easting < 341_000
    client.post(reverse("vawg:venue_edit", kwargs={"venue_id": venue.public_id}), {**data, "schemes": ["safe_haven"]})
    venue.refresh_from_db()
    assert venue.schemes == ["safe_haven"]
    assert AuditEvent.objects.filter(object_type="vawg.venue").count() == 2


def test_analyst_can_read_a_venue_but_not_change_it(world: World) -> None:
    venue = make_venue()
    client = signed_in_client(world.analyst)
    assert client.get(reverse("vawg:venue_edit", kwargs={"venue_id": venue.public_id})).status_code == 403


def test_campaign_form_refuses_an_end_before_the_start(world: World) -> None:
    client = signed_in_client(world.coordinator)
    response = client.post(reverse("vawg:campaign_create"), {
        "title": "Ask for Angela relaunch", "what": "Posters", "where": "Carlisle", "starts_on": "2025-10-10",
        "ends_on": "2025-10-01", "reach": "100"})
    assert b"The end date must be the same as or after the start date" in response.content
    assert Campaign.objects.count() == 0
    client.post(reverse("vawg:campaign_create"), {
        "title": "Ask for Angela relaunch", "what": "Posters", "where": "Carlisle", "starts_on": "2025-10-01",
        "ends_on": "2025-10-31", "reach": "1200"})
    assert Campaign.objects.count() == 1
    html = client.get(reverse("vawg:unsafe_places")).content.decode()
    assert "October 2025" in html and "1200" in html
