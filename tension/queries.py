"""Read-side helpers: the weekly assessment, incidents beside an area, the spreading-now list, overdue response
actions for the dashboard."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from access.policy import Actor, visible_cases
from core.dashboard import OverdueItem
from core.models import Incident, IncidentCategory
from tension import config, rules
from tension.models import ResponseAction, Rumour, RumourStatus, TensionArea, TensionReport
from tension.models.incidents import ActionState

ASB_CATEGORIES = (IncidentCategory.ASB_PERSONAL, IncidentCategory.ASB_NUISANCE, IncidentCategory.ASB_ENVIRONMENTAL)


def week_bounds(day: date) -> tuple[datetime, datetime]:
    """Monday 00:00 to the next Monday 00:00, local time."""
    monday = day - timedelta(days=day.weekday())
    tz = timezone.get_current_timezone()
    start = datetime.combine(monday, time.min, tzinfo=tz)
    return start, start + timedelta(days=7)


def parse_week(text: str | None, today: date) -> date:
    """An ISO week like 2026-W05 (from the week picker) to its Monday; today's week when absent or wrong."""
    try:
        year, week = (text or "").split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return today - timedelta(days=today.weekday())


@dataclass
class AreaWeek:
    area: TensionArea
    level_at_start: str
    level_at_end: str
    trend: str
    reports: list[TensionReport] = field(default_factory=list)
    highest_judged: str = ""
    hate_count: int = 0
    asb_count: int = 0
    consider_declaring: bool = False


def incidents_in_area(area: TensionArea, incidents: list[Incident]) -> list[Incident]:
    centre = (float(area.latitude), float(area.longitude)) if area.latitude is not None else None
    radius, terms = config.area_radius_km(), area.terms()
    found = []
    for incident in incidents:
        point = (float(incident.latitude), float(incident.longitude)) if incident.latitude is not None else None
        if rules.in_area(incident.location_text, point, terms, centre, radius):
            found.append(incident)
    return found


def weekly_assessment(monday: date) -> list[AreaWeek]:
    """Every active area for the week: level at the start and end, trend, reports and incidents beside it.
    Four queries whatever the number of areas."""
    start, end = week_bounds(monday)
    areas = list(TensionArea.objects.filter(active=True).prefetch_related("level_changes"))
    reports = TensionReport.objects.filter(submitted_at__gte=start, submitted_at__lt=end).select_related(
        "submitted_agency"
    )
    by_area: dict[int, list[TensionReport]] = {}
    for report in reports:
        by_area.setdefault(report.area_id, []).append(report)
    wanted = Q(category=IncidentCategory.HATE) | Q(category__in=ASB_CATEGORIES)
    incidents = list(Incident.objects.filter(wanted, occurred_at__gte=start, occurred_at__lt=end)
                     .only("category", "location_text", "latitude", "longitude"))
    rows = []
    for area in areas:
        history = [(c.set_at, c.level) for c in area.level_changes.all()]
        before = rules.level_at(history, start, "normal")
        after = rules.level_at(history, min(end, timezone.now()), "normal")
        area_reports = by_area.get(area.pk, [])
        near = incidents_in_area(area, incidents)
        rows.append(AreaWeek(
            area=area, level_at_start=before, level_at_end=after, trend=rules.trend(before, after),
            reports=area_reports, highest_judged=rules.highest_judged([r.judged_level for r in area_reports]),
            hate_count=sum(1 for i in near if i.category == IncidentCategory.HATE),
            asb_count=sum(1 for i in near if i.category in ASB_CATEGORIES),
            consider_declaring=rules.should_consider_declaring(after),
        ))
    rows.sort(key=lambda row: (-rules.rank(row.level_at_end), row.area.name))
    return rows


def spreading_now(now: datetime) -> list[Rumour]:
    window = now - timedelta(hours=config.spreading_window_hours())
    candidates = Rumour.objects.exclude(status=RumourStatus.SUBSIDED).filter(
        Q(trend="rising") | Q(last_seen_at__gte=window)
    ).select_related("publisher")
    found = [r for r in candidates if rules.is_spreading(r.status, r.trend, r.last_seen_at, now)]
    return sorted(found, key=lambda r: rules.spreading_order(r.risk, r.trend, r.estimated_reach))


def area_reports(area: TensionArea) -> QuerySet[TensionReport]:
    return area.reports.select_related("submitted_agency", "submitted_by")[:50]


def overdue_response_actions(actor: Actor) -> list[OverdueItem]:
    """Open response actions past their due time, owned by one of this person's agencies, on incidents they
    can see: listed with their other overdue actions on the dashboard."""
    if not actor.casework_agency_ids:
        return []
    rows = (
        ResponseAction.objects.filter(status=ActionState.OPEN, due_at__lt=timezone.now(),
                                      owner_agency_id__in=actor.casework_agency_ids,
                                      incident__case__in=visible_cases(actor))
        .select_related("incident__case").order_by("due_at")[:20]
    )
    return [OverdueItem(row.title, row.incident.get_absolute_url(), row.incident.reference, row.due_at)
            for row in rows]
