"""Rules for safer-spaces work: pure functions, data in, answer out."""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Hours each time-of-day answer covers: (first hour, number of hours).
TIME_OF_DAY_HOURS = {"morning": (6, 6), "afternoon": (12, 6), "evening": (18, 4), "night": (22, 8)}
DEFAULT_VENUE_RADIUS_METRES = 200.0


def report_hours(time_of_day: str) -> list[int]:
    start, length = TIME_OF_DAY_HOURS[time_of_day]
    return [(start + i) % 24 for i in range(length)]


def overlaps_window(weekday: int, time_of_day: str, window) -> bool:  # noqa: ANN001 - a sources.TimeWindow
    """Does a report (day and time-of-day band) fall at least partly in a time window?

    A night report runs past midnight, so its late hours belong to the next day."""
    start, _length = TIME_OF_DAY_HOURS[time_of_day]
    for hour in report_hours(time_of_day):
        day = weekday if hour >= start else (weekday + 1) % 7
        if window.contains(day, hour):
            return True
    return False


def hour_of_week(events: Iterable[tuple[int, int]]) -> list[list[int]]:
    """A 7 x 24 table (Monday first) of counts from (weekday, hour) pairs."""
    table = [[0] * 24 for _ in range(7)]
    for weekday, hour in events:
        table[weekday][hour] += 1
    return table


def within(e1: float, n1: float, e2: float, n2: float, radius: float) -> bool:
    return math.hypot(e1 - e2, n1 - n2) <= radius


@dataclass(frozen=True)
class MonthConfidence:
    month: date
    reports: int
    campaigns: int
    reach: int


def reporting_confidence(report_months: Iterable[date], campaigns: Iterable[tuple[date, date, int]],
                         months: list[date]) -> list[MonthConfidence]:
    """Reports per month next to the campaigns running that month and their reach (split evenly by month).

    More reports while a campaign runs suggests more confidence to report, not necessarily more harm."""
    counts: dict[date, int] = {}
    for day in report_months:
        key = day.replace(day=1)
        counts[key] = counts.get(key, 0) + 1
    rows = []
    campaign_list = list(campaigns)
    for month in months:
        running = [(s, e, r) for s, e, r in campaign_list if s.replace(day=1) <= month <= e.replace(day=1)]
        reach = sum(r // _months_between(s, e) for s, e, r in running)
        rows.append(MonthConfidence(month, counts.get(month, 0), len(running), reach))
    return rows


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1
