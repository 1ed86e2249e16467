"""Where the points for hot spots come from, by category set, period and time window.

police.uk records carry a month but no time of day, so a time window (such as the night-time economy's
Friday and Saturday 20:00 to 04:00) can only use timed sources: partner incidents and sources other apps
register (the vawg app registers unsafe-place reports). The page says so when it leaves records out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from django.utils.translation import gettext_lazy as _

from analytics.models import PartnerIncident, StreetRecord


@dataclass(frozen=True)
class TimeWindow:
    """Days (Monday = 0) and hours from ``start_hour`` for ``hours`` hours; 20:00 + 8 h runs to 04:00."""

    code: str
    label: str
    days: tuple[int, ...]
    start_hour: int
    hours: int

    def contains(self, weekday: int, hour: int) -> bool:
        for day in self.days:
            offset = ((weekday - day) % 7) * 24 + hour - self.start_hour
            if 0 <= offset < self.hours:
                return True
        return False


TIME_WINDOWS = {
    "nte": TimeWindow("nte", _("Night-time economy: Friday and Saturday, 20:00 to 04:00"), (4, 5), 20, 8),
    "night": TimeWindow("night", _("Every night, 20:00 to 04:00"), tuple(range(7)), 20, 8),
}


@dataclass(frozen=True)
class CategorySet:
    code: str
    label: str
    police_types: tuple[str, ...]
    extra_sources: tuple[str, ...] = field(default=())


VSO, PUBLIC_ORDER, ASB = "Violence and sexual offences", "Public order", "Anti-social behaviour"
CATEGORY_SETS = {
    "vawg": CategorySet("vawg", _("VAWG-related: violence and sexual offences, public order, unsafe places"),
                        (VSO, PUBLIC_ORDER), ("unsafe_place",)),
    "violence": CategorySet("violence", _("Violence and sexual offences"), (VSO,)),
    "public_order": CategorySet("public_order", _("Public order"), (PUBLIC_ORDER,)),
    "asb": CategorySet("asb", _("Antisocial behaviour"), (ASB,)),
    "unsafe_place": CategorySet("unsafe_place", _("Unsafe-place reports"), (), ("unsafe_place",)),
    "all": CategorySet("all", _("All police.uk records"), ("*",)),
}

# A registered source gives (eastings, northings) for a period and optional time window.
PointSource = Callable[[date, date, TimeWindow | None], tuple[np.ndarray, np.ndarray]]
EXTRA_SOURCES: dict[str, PointSource] = {}


def register_point_source(code: str, source: PointSource) -> None:
    EXTRA_SOURCES[code] = source


@dataclass
class Points:
    easting: np.ndarray
    northing: np.ndarray
    notes: list[str]


def _police_points(category: CategorySet, start: date, end: date) -> tuple[np.ndarray, np.ndarray]:
    records = StreetRecord.objects.filter(in_area=True, month__gte=start, month__lte=end, easting__isnull=False)
    if "*" not in category.police_types:
        records = records.filter(crime_type__in=category.police_types)
    values = np.array(list(records.values_list("easting", "northing")), dtype=float).reshape(-1, 2)
    return values[:, 0], values[:, 1]


def _partner_points(window: TimeWindow, start: date, end: date) -> tuple[np.ndarray, np.ndarray]:
    found = [
        (e, n) for e, n, when in PartnerIncident.objects.filter(
            in_area=True, occurred_at__date__gte=start, occurred_at__date__lte=end, easting__isnull=False
        ).values_list("easting", "northing", "occurred_at")
        if window.contains(when.weekday(), when.hour)
    ]
    values = np.array(found, dtype=float).reshape(-1, 2)
    return values[:, 0], values[:, 1]


def points_for(category: CategorySet, start: date, end: date, window: TimeWindow | None) -> Points:
    """All the points of a category set in a period (months ``start`` to ``end`` inclusive)."""
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    notes: list[str] = []
    if category.police_types:
        if window is None:
            parts.append(_police_points(category, start, end))
        else:
            notes.append(str(_("police.uk records have no time of day, so they are left out of a time window.")))
            parts.append(_partner_points(window, start, end))
    for code in category.extra_sources:
        if code in EXTRA_SOURCES:
            parts.append(EXTRA_SOURCES[code](start, end, window))
    if not parts:
        return Points(np.zeros(0), np.zeros(0), notes)
    return Points(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), notes)
