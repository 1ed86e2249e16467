"""The trends page: aggregates from the demo data, small numbers suppressed, tables for every chart."""

import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS
from analytics.demo import seed
from analytics.trends import build_trends
from conftest import World, signed_in_client

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def demo() -> None:
    seed(random.Random(3), NOW)


def test_trends_show_heat_map_year_on_year_and_repeat_locations(demo: None, world: World) -> None:
    response = signed_in_client(world.analyst).get(reverse("analytics:trends"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hour of the day by day of the week" in page and "csphub-heat-5" in page
    assert "<svg" in page and "<title" in page and "February 2026" in page
    assert "On or near Botchergate" in page
    assert "%" in page  # year-on-year change for the months with a year before


def test_night_time_economy_hours_are_the_busiest(demo: None) -> None:
    result = build_trends("vawg", datetime(2024, 3, 1).date(), datetime(2026, 2, 1).date())
    levels = result.heat_levels
    weekend_nights = levels[4][20:] + levels[5][:3] + levels[5][20:] + levels[6][:3]
    assert max(weekend_nights) == 5
    assert max(max(day[6:12]) for day in levels) <= 2


@pytest.mark.parametrize("category", ["vawg", "violence", "public_order", "asb", "unsafe_place", "all"])
def test_every_priority_renders(category: str, demo: None, world: World) -> None:
    response = signed_in_client(world.board).get(reverse("analytics:trends"), {"category": category})
    assert response.status_code == 200


def test_small_counts_are_suppressed_on_the_page(world: World) -> None:
    from analytics.models import ImportBatch, StreetRecord

    batch = ImportBatch.objects.create(kind="street", file_name="x.csv")
    for _ in range(3):
        StreetRecord.objects.create(batch=batch, month=datetime(2016, 11, 1).date(), force="F",
                                    crime_type="Violence and sexual offences", location="On or near Quiet Lane")
    page = signed_in_client(world.analyst).get(reverse("analytics:trends"), {"category": "violence"}).content.decode()
    assert "fewer than 5" in page
    assert "On or near Quiet Lane" in page and ">3<" not in page


@pytest.mark.parametrize(("query", "message"), [
    ({"start": "2016-13"}, "Enter a month like 2016-11"),
    ({"start": "2016-11", "end": "2016-01"}, "same as or after the first month"),
    ({"start": "2000-01", "end": "2016-01"}, "5 years or less"),
    ({"category": "nothing"}, "Select a valid choice"),
])
def test_bad_filters_show_the_error_summary(query: dict, message: str, world: World) -> None:
    page = signed_in_client(world.analyst).get(reverse("analytics:trends"), query).content.decode()
    assert "govuk-error-summary" in page and message in page


@pytest.mark.parametrize("persona", PERSONAS)
def test_trends_page_renders_for_every_role_it_allows(persona: str, world: World) -> None:
    user = world.users_by_persona()[persona]
    response = signed_in_client(user).get(reverse("analytics:trends"))
    allowed = user is not None and can(actor_for_user(user), "view_analytics")
    assert persona not in ("analyst", "board") or allowed
    assert response.status_code == (200 if allowed else 302 if user is None else 403), persona
