"""The safer-spaces demo: venues with schemes, campaigns, and reports gathered in the night-time economy."""

import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from access.policy import actor_for_user
from audit.models import AuditEvent
from conftest import World
from vawg.demo import REPORTS, VENUES, seed
from vawg.models import Campaign, UnsafePlaceReport, Venue
from vawg.queries import confidence_by_month

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def test_demo_adds_venues_campaigns_and_reports_through_the_actions(world: World) -> None:
    seed(random.Random(2), {"coordinator": actor_for_user(world.coordinator)}, NOW)
    assert Venue.objects.count() == len(VENUES) == 15
    assert Venue.objects.exclude(schemes=[]).count() >= 10
    assert Campaign.objects.count() == 3
    assert UnsafePlaceReport.objects.count() == REPORTS
    assert AuditEvent.objects.filter(object_type="vawg.unsafeplacereport").count() == REPORTS
    assert not UnsafePlaceReport.objects.filter(received_on__gt=NOW.date()).exists()
    assert not UnsafePlaceReport.objects.filter(received_on__lt=NOW.date().replace(year=2025)).exists()


def test_demo_reports_are_busier_on_friday_and_saturday_and_while_campaigns_run(world: World) -> None:
    seed(random.Random(2), {"coordinator": actor_for_user(world.coordinator)}, NOW)
    days = [d.weekday() for d in UnsafePlaceReport.objects.values_list("happened_on", flat=True)]
    assert days.count(4) + days.count(5) > 2 * days.count(1)
    rows = confidence_by_month()
    with_campaign = [r for r in rows if r["campaigns"]]
    assert with_campaign and all(r["reach"] > 0 for r in with_campaign)
