"""Aggregates of unsafe-place reports and the counts near a venue. Never a single report."""

from collections import Counter
from datetime import date

import numpy as np
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.timezone import localtime

from analytics.config import suppress
from analytics.geo import to_bng
from analytics.models import PartnerIncident
from analytics.sources import TimeWindow
from core.models import Incident
from vawg import rules
from vawg.models import Campaign, TimeOfDay, UnsafePlaceReport, UnsafeReason, Venue


def _rows(counter: Counter, labels: dict) -> list[dict]:
    return [{"label": labels.get(key, key), "n": n, "shown": suppress(n)} for key, n in counter.most_common()]


def report_aggregates() -> dict:
    reports = UnsafePlaceReport.objects.all()
    reasons: Counter = Counter()
    for chosen in reports.values_list("reasons", flat=True):
        reasons.update(chosen)
    times = Counter(dict(reports.values_list("time_of_day").annotate(n=Count("pk")).values_list("time_of_day", "n")))
    places = Counter()
    for text in reports.exclude(place_text="").values_list("place_text", flat=True):
        places[" ".join(text.split()).title()] += 1
    weekdays = Counter(day.weekday() for day in reports.values_list("happened_on", flat=True))
    day_names = dict(enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
    total = reports.count()
    return {
        "total": total, "total_shown": suppress(total),
        "pinned_shown": suppress(reports.filter(easting__isnull=False).count()),
        "reasons": _rows(reasons, dict(UnsafeReason.choices)),
        "times": _rows(times, dict(TimeOfDay.choices)),
        "weekdays": _rows(weekdays, day_names),
        "places": _rows(places, {})[:20],
        "confidence": confidence_by_month(),
    }


def confidence_by_month() -> list[dict]:
    months = sorted({m.date() if hasattr(m, "date") else m for m in UnsafePlaceReport.objects.annotate(
        m=TruncMonth("received_on")).values_list("m", flat=True)})
    campaigns = list(Campaign.objects.values_list("starts_on", "ends_on", "reach"))
    for start, end, _reach in campaigns:
        month = start.replace(day=1)
        while month <= end:
            months.append(month)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    months = sorted(set(months))
    rows = rules.reporting_confidence(UnsafePlaceReport.objects.values_list("received_on", flat=True),
                                      campaigns, months)
    return [{"month": r.month, "reports": suppress(r.reports), "campaigns": r.campaigns, "reach": r.reach}
            for r in rows]


def unsafe_place_points(start: date, end: date, window: TimeWindow | None) -> tuple[np.ndarray, np.ndarray]:
    """Pinned reports for the analytics hot spot sources (registered in VawgConfig.ready)."""
    found = [
        (e, n) for e, n, day, band in UnsafePlaceReport.objects.filter(
            easting__isnull=False, happened_on__gte=start, happened_on__lte=end
        ).values_list("easting", "northing", "happened_on", "time_of_day")
        if window is None or rules.overlaps_window(day.weekday(), band, window)
    ]
    values = np.array(found, dtype=float).reshape(-1, 2)
    return values[:, 0], values[:, 1]


def unsafe_place_months(start: date, end: date) -> Counter:
    """Reports per month of when the place felt unsafe, for the analytics trends (registered in ready)."""
    reports = UnsafePlaceReport.objects.filter(happened_on__gte=start, happened_on__lte=end)
    return Counter(day.replace(day=1) for day in reports.values_list("happened_on", flat=True))


def venue_hour_of_week(venue: Venue, radius: float, period: tuple[date, date] | None = None) -> list[list[int]]:
    """Timed incidents within ``radius`` metres of the venue, by weekday and hour (in ``period`` if given)."""
    box = {"easting__gte": venue.easting - radius, "easting__lte": venue.easting + radius,
           "northing__gte": venue.northing - radius, "northing__lte": venue.northing + radius}
    timed = list(PartnerIncident.objects.filter(in_area=True, **box).values_list("easting", "northing", "occurred_at"))
    timed += _case_incidents_near(venue, radius)
    if period:
        timed = [t for t in timed if period[0] <= localtime(t[2]).date() <= period[1]]
    events = [
        (localtime(when).weekday(), localtime(when).hour)
        for e, n, when in timed
        if rules.within(e, n, venue.easting, venue.northing, radius)
    ]
    return rules.hour_of_week(events)


def _case_incidents_near(venue: Venue, radius: float) -> list[tuple[float, float, object]]:
    """Incidents recorded on cases, counted only (never listed), within a rough degree box first."""
    pad = radius / 50_000  # degrees: generous at British latitudes
    found = list(Incident.objects.filter(
        latitude__gte=venue.latitude - pad, latitude__lte=venue.latitude + pad,
        longitude__gte=venue.longitude - 2 * pad, longitude__lte=venue.longitude + 2 * pad,
    ).values_list("longitude", "latitude", "occurred_at"))
    if not found:
        return []
    eastings, northings = to_bng([float(f[0]) for f in found], [float(f[1]) for f in found])
    return [(e, n, f[2]) for e, n, f in zip(eastings.tolist(), northings.tolist(), found, strict=True)]
