"""The analytics demo goes in through the real importers and gives the pages something to show."""

import random
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from analytics.demo import MONTHS, seed
from analytics.models import ImportBatch, PartnerIncident, StreetRecord

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def test_demo_imports_two_years_of_street_records_and_three_partner_sources() -> None:
    counts = seed(random.Random(1), NOW)
    assert StreetRecord.objects.dates("month", "month").count() == MONTHS
    assert StreetRecord.objects.latest("month").month.isoformat() == "2026-02-01"
    assert PartnerIncident.objects.values("source").distinct().count() == 3
    assert sum(counts.values()) == StreetRecord.objects.count() + PartnerIncident.objects.count()
    assert not ImportBatch.objects.filter(bad_rows__gt=0).exists()


def test_demo_violence_gathers_in_the_night_time_economy() -> None:
    seed(random.Random(1), NOW)
    violence = StreetRecord.objects.filter(crime_type="Violence and sexual offences")
    nte = violence.filter(location__in=["On or near Botchergate", "On or near English Street",
                                        "On or near Finkle Street", "On or near King Street"]).count()
    assert nte / violence.count() > 0.3


def test_running_the_demo_twice_adds_no_street_records() -> None:
    seed(random.Random(1), NOW)
    before = StreetRecord.objects.count(), PartnerIncident.objects.count()
    seed(random.Random(1), NOW)
    assert (StreetRecord.objects.count(), PartnerIncident.objects.count()) == before
