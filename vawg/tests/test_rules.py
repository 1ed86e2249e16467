"""Safer-spaces rules, table-driven."""

from datetime import date

import pytest

from analytics.sources import TIME_WINDOWS
from vawg import rules

NTE = TIME_WINDOWS["nte"]  # Friday and Saturday 20:00 to 04:00


@pytest.mark.parametrize(("weekday", "hour", "inside"), [
    (4, 20, True),    # Friday 8pm: the window opens
    (4, 19, False),   # Friday 7pm: not yet
    (5, 2, True),     # Saturday 2am: Friday night still
    (5, 4, False),    # Saturday 4am: closed
    (6, 3, True),     # Sunday 3am: Saturday night
    (6, 21, False),   # Sunday evening: not in the window
    (3, 23, False),   # Thursday night
])
def test_night_time_economy_window(weekday: int, hour: int, inside: bool) -> None:
    assert NTE.contains(weekday, hour) is inside


@pytest.mark.parametrize(("weekday", "band", "inside"), [
    (4, "evening", True),    # Friday 6pm-10pm overlaps 8pm onwards
    (4, "morning", False),
    (5, "night", True),      # Saturday night 10pm-6am
    (3, "night", False),     # Thursday 22:00 to Friday 06:00 never reaches Friday 20:00
    (6, "night", False),     # Sunday night into Monday
    (0, "afternoon", False),
])
def test_report_time_of_day_against_the_window(weekday: int, band: str, inside: bool) -> None:
    assert rules.overlaps_window(weekday, band, NTE) is inside


@pytest.mark.parametrize(("band", "hours"), [("morning", list(range(6, 12))), ("evening", [18, 19, 20, 21]),
                                             ("night", [22, 23, 0, 1, 2, 3, 4, 5])])
def test_report_hours(band: str, hours: list[int]) -> None:
    assert rules.report_hours(band) == hours


def test_hour_of_week_counts_each_event_in_its_cell() -> None:
    table = rules.hour_of_week([(4, 23), (4, 23), (5, 1)])
    assert table[4][23] == 2 and table[5][1] == 1 and sum(map(sum, table)) == 3


@pytest.mark.parametrize(("e", "n", "inside"), [(100, 0, True), (200, 0, True), (150, 150, False), (0, 201, False)])
def test_within_radius(e: float, n: float, inside: bool) -> None:
    assert rules.within(0, 0, e, n, 200) is inside


def test_reporting_confidence_reads_reports_against_campaigns() -> None:
    months = [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)]
    reports = [date(2025, 9, 3), date(2025, 10, 5), date(2025, 10, 20), date(2025, 11, 2)]
    campaigns = [(date(2025, 10, 1), date(2025, 11, 30), 6000)]  # two months: 3,000 a month
    rows = rules.reporting_confidence(reports, campaigns, months)
    assert [(r.reports, r.campaigns, r.reach) for r in rows] == [(1, 0, 0), (2, 1, 3000), (1, 1, 3000)]
