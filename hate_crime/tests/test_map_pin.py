"""The map pin on "Where was it?": a pin alone answers the question, half a pin is refused, the text path is
unchanged without JavaScript, and the pin is shown to staff only."""

import pytest
from django.test import Client
from django.urls import reverse

from conftest import World, signed_in_client
from hate_crime.models import HateReport
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, answer_all, send

pytestmark = pytest.mark.django_db

PIN_ONLY = {"location_text": "", "postcode": "", "latitude": "54.892500", "longitude": "-2.932900"}


def where_place(client: Client, data: dict) -> object:
    return client.post(reverse("hate_crime:report:question", args=["where-place"]), data)


def test_a_pin_alone_answers_where_and_is_stored(client: Client) -> None:
    answer_all(client, {**ANONYMOUS_ANSWERS, "where-place": PIN_ONLY})
    response = send(client)
    assert response.status_code == 302
    report = HateReport.objects.get()
    assert (report.latitude, report.longitude) == (54.8925, -2.9329)
    assert (report.location_text, report.postcode, report.locality) == ("", "", "")


def test_a_place_and_a_pin_are_both_kept(client: Client) -> None:
    answer_all(client, {**ANONYMOUS_ANSWERS, "where-place": {**PIN_ONLY, "location_text": "Bus station"}})
    send(client)
    report = HateReport.objects.get()
    assert report.location_text == "Bus station" and report.latitude == 54.8925


@pytest.mark.parametrize(
    "data",
    [
        {"location_text": "", "latitude": "54.8925"},
        {"location_text": "", "longitude": "-2.9329"},
        {"location_text": "Bus station", "latitude": "54.8925", "longitude": ""},
    ],
)
def test_half_a_pin_is_refused_with_a_govuk_error(client: Client, data: dict) -> None:
    response = where_place(client, data)
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Put the pin on the map again, or remove it and type the place" in response.content
    assert b"govuk-form-group--error" in response.content  # next to the map as well as in the summary
    assert not client.session.get("flow:hate_crime:report", {}).get("data", {}).get("where-place")


@pytest.mark.parametrize(("latitude", "longitude"), [("10", "10"), ("54.9", "-20"), ("91", "0"), ("abc", "-2.9")])
def test_a_pin_outside_the_area_or_not_a_number_is_refused(client: Client, latitude: str, longitude: str) -> None:
    response = where_place(client, {"location_text": "", "latitude": latitude, "longitude": longitude})
    assert response.status_code == 200 and b"govuk-error-summary" in response.content
    assert response.context["form"].errors.get("latitude") or response.context["form"].errors.get("longitude")


def test_the_area_is_configurable(client: Client, settings) -> None:  # noqa: ANN001
    settings.MAP_PIN_BOUNDS = (54.8, -3.1, 55.0, -2.8)
    assert where_place(client, {"latitude": "54.95", "longitude": "-2.9"}).status_code == 302
    assert where_place(client, {"latitude": "54.5", "longitude": "-2.9"}).status_code == 200
    page = client.get(reverse("hate_crime:report:question", args=["where-place"]))
    assert b'data-bounds="54.8,-3.1,55.0,-2.8"' in page.content


def test_nothing_at_all_asks_for_a_place(client: Client) -> None:
    response = where_place(client, {"location_text": "", "postcode": ""})
    assert b"Enter an address, place name or postcode" in response.content
    assert b'href="#id_location_text"' in response.content


def test_a_postcode_alone_answers_where(client: Client) -> None:
    assert where_place(client, {"location_text": "", "postcode": "ca1 1aa"}).status_code == 302


def test_without_javascript_the_page_is_the_text_fields_and_the_map_is_hidden(client: Client) -> None:
    page = client.get(reverse("hate_crime:report:question", args=["where-place"]))
    html = page.content.decode()
    assert 'id="id_location_text"' in html and 'id="id_postcode"' in html
    assert 'type="hidden" name="latitude"' in html and 'type="hidden" name="longitude"' in html
    # The whole map block carries "hidden": only the script shows it. No inline script or style (CSP).
    block = html[html.index("data-pin-map") - 200 : html.index("data-pin-map") + 900]
    assert " hidden>" in block
    assert "<script>" not in html and "style=" not in html
    assert "/static/leaflet/leaflet.js" in html and "/static/csphub/pin-map.js" in html
    # The text answer works as before and stores no pin.
    answer_all(client, ANONYMOUS_ANSWERS)
    send(client)
    report = HateReport.objects.get()
    assert report.location_text == "Bus stop, Lowther Street" and report.latitude is None and report.longitude is None


def test_other_questions_load_no_map(client: Client) -> None:
    page = client.get(reverse("hate_crime:report:question", args=["what-happened"]))
    assert b"leaflet" not in page.content and b"data-pin-map" not in page.content


def test_staff_see_the_pin_with_a_link_and_the_reporter_never_does(client: Client, world: World) -> None:
    answer_all(client, {**ANONYMOUS_ANSWERS, "where-place": PIN_ONLY})
    send(client)
    done = client.get(reverse("hate_crime:report:done"))
    secret = done.context["done"]["secret"]
    report = HateReport.objects.get()
    staff = signed_in_client(world.coordinator).get(reverse("hate_crime:report_detail", args=[report.public_id]))
    assert b"A pin on the map only" in staff.content
    assert b"54.8925, -2.9329" in staff.content
    link = b"https://www.openstreetmap.org/?mlat=54.892500&amp;mlon=-2.932900#map=17/54.892500/-2.932900"
    assert link in staff.content
    check = Client().post(reverse("intake:status_lookup"), {"reference": report.reference, "secret": secret})
    assert check.status_code == 200 and report.reference.encode() in check.content
    assert b"54.89" not in check.content and b"openstreetmap" not in check.content
    for page in (done, client.get(reverse("hate_crime:report:done"))):
        assert b"54.89" not in page.content
