"""The safer-spaces section of the strategic assessment (registered in VawgConfig.ready): the night-time
economy's venues and schemes, incidents near venues, and reporting confidence against campaigns."""

from collections import Counter
from datetime import date

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from analytics.analysis import month_end
from analytics.assessment import Section
from analytics.config import suppress
from analytics.sources import TIME_WINDOWS
from vawg import queries
from vawg.config import venue_radius_metres
from vawg.models import Scheme, UnsafePlaceReport, UnsafeReason, Venue


def _venue_rows(start: date, end: date, radius: float) -> list[dict]:
    nte = TIME_WINDOWS["nte"]
    rows = []
    for venue in Venue.objects.filter(active=True):
        table = queries.venue_hour_of_week(venue, radius, (start, end))
        total = sum(map(sum, table))
        in_window = sum(n for day in range(7) for hour, n in enumerate(table[day]) if nte.contains(day, hour))
        rows.append({"name": venue.name, "type": venue.get_venue_type_display(), "schemes": venue.scheme_labels(),
                     "total": total, "shown": suppress(total), "nte": suppress(in_window)})
    return sorted(rows, key=lambda r: (-r["total"], r["name"]))


def safer_spaces_section(start: date, end: date) -> Section | None:
    last = month_end(end)
    venues = Venue.objects.filter(active=True)
    if not venues.exists() and not UnsafePlaceReport.objects.exists():
        return None
    schemes: Counter = Counter()
    for chosen in venues.values_list("schemes", flat=True):
        schemes.update(chosen)
    reports = UnsafePlaceReport.objects.filter(happened_on__gte=start, happened_on__lte=last)
    reasons: Counter = Counter()
    for chosen in reports.values_list("reasons", flat=True):
        reasons.update(chosen)
    radius = venue_radius_metres()
    confidence = [row for row in queries.confidence_by_month() if start <= row["month"] <= end]
    html = render_to_string("vawg/assessment_section.html", {
        "venue_count": venues.count(), "radius": int(radius),
        "schemes": [(label, suppress(schemes[code])) for code, label in Scheme.choices],
        "venues": _venue_rows(start, last, radius)[:15],
        "reports": suppress(reports.count()),
        "reasons": [(dict(UnsafeReason.choices).get(code, code), suppress(n)) for code, n in reasons.most_common(8)],
        "confidence": confidence,
    })
    return Section(_("Night-time economy and safer spaces"), html, anchor="safer-spaces")
