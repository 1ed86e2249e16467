"""Trends from stored data: hour by weekday, monthly series with year-on-year change, repeat locations.
Aggregates only; every count shown passes through ``suppress``."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.utils import timezone
from django.utils.timezone import localtime

from analytics import rules
from analytics.analysis import month_end
from analytics.config import SMALL_NUMBER, suppress
from analytics.models import PartnerIncident, StreetRecord
from analytics.sources import CATEGORY_SETS
from core.models import Incident

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REPEAT_LOCATION_MINIMUM = 3

# Other apps add monthly counts for a category set (vawg: unsafe-place reports) and (weekday, hour) events.
MonthlySource = Callable[[date, date], Counter]
MONTHLY_SOURCES: dict[str, MonthlySource] = {}


def register_monthly_source(code: str, source: MonthlySource) -> None:
    MONTHLY_SOURCES[code] = source


@dataclass
class Trends:
    category: str
    start: date
    end: date
    heat_rows: list[dict]  # one per weekday: day, cells [{shown, level}], total
    heat_levels: list[list[int]]
    timed_records: int
    months: list[rules.MonthTrend]
    repeat_locations: list[dict]
    notes: list[str]


def timed_events(category: str, start: date, end: date) -> list[tuple[int, int]]:
    """(weekday, hour) of every timed record in the set: partner incidents and the shared case file."""
    last = month_end(end)
    events = []
    partner = PartnerIncident.objects.filter(in_area=True, occurred_at__date__gte=start, occurred_at__date__lte=last)
    for name, when in partner.values_list("category", "occurred_at").iterator():
        if rules.partner_category_in_set(name, category):
            local = localtime(when)
            events.append((local.weekday(), local.hour))
    wanted = rules.INCIDENT_CATEGORIES.get(category, ())
    if wanted:
        incidents = Incident.objects.filter(occurred_at__date__gte=start, occurred_at__date__lte=last)
        if "*" not in wanted:
            incidents = incidents.filter(category__in=wanted)
        events += [(localtime(w).weekday(), localtime(w).hour) for w in incidents.values_list("occurred_at", flat=True)]
    return events


def monthly_counts(category: str, start: date, end: date) -> Counter:
    police_types = CATEGORY_SETS[category].police_types
    counts: Counter = Counter()
    if police_types:
        records = StreetRecord.objects.filter(in_area=True, month__gte=start, month__lte=end)
        if "*" not in police_types:
            records = records.filter(crime_type__in=police_types)
        counts.update(dict(records.values_list("month").annotate(n=Count("pk")).values_list("month", "n")))
    for code in CATEGORY_SETS[category].extra_sources:
        if code in MONTHLY_SOURCES:
            counts.update(MONTHLY_SOURCES[code](start, month_end(end)))
    return counts


def repeat_location_rows(category: str, start: date, end: date, minimum: int) -> list[dict]:
    police_types = CATEGORY_SETS[category].police_types
    if not police_types:
        return []
    records = StreetRecord.objects.filter(in_area=True, month__gte=start, month__lte=end).exclude(location="")
    if "*" not in police_types:
        records = records.filter(crime_type__in=police_types)
    grouped = records.values("location", "lsoa_name").annotate(n=Count("pk")).filter(n__gte=minimum)
    found = rules.repeat_locations({(g["location"], g["lsoa_name"]): g["n"] for g in grouped}, minimum)
    return [{"place": place, "area": area, "shown": suppress(n)} for place, area, n in found]


def build_trends(category: str, start: date, end: date, *, minimum: int = REPEAT_LOCATION_MINIMUM) -> Trends:
    table = [[0] * 24 for _ in range(7)]
    events = timed_events(category, start, end)
    for weekday, hour in events:
        table[weekday][hour] += 1
    peak = max(max(row) for row in table)
    levels = [[rules.heat_level(n, peak) for n in row] for row in table]
    heat_rows = [{"day": DAYS[d], "total": suppress(sum(table[d])),
                  "cells": [{"shown": suppress(n) if n else "0", "level": levels[d][h]}
                            for h, n in enumerate(table[d])]}
                 for d in range(7)]
    series = monthly_counts(category, rules.add_months(start, -12), end)
    first_held = StreetRecord.objects.filter(in_area=True).order_by("month").values_list("month", flat=True).first()
    months = rules.year_on_year(series, rules.months_between(start, end), first_held)
    notes = []
    if not events:
        notes.append("No timed records in this selection: police.uk records carry a month but no time of day.")
    if sum(1 for row in table for n in row if 0 < n < SMALL_NUMBER):
        notes.append("Counts from 1 to 4 are shown as “fewer than 5” and share the palest shade.")
    return Trends(category, start, end, heat_rows, levels, len(events), months,
                  repeat_location_rows(category, start, end, minimum), notes)


def default_period() -> tuple[date, date]:
    """The latest 12 months held (or this year when nothing is held yet)."""
    last = StreetRecord.objects.filter(in_area=True).order_by("-month").values_list("month", flat=True).first()
    if last is None:
        last = timezone.localdate().replace(day=1)
    return rules.add_months(last, -11), last
