"""The strategic assessment: one report per period from the data csphub holds, as HTML and PDF (WeasyPrint).

Aggregates only. Every count goes through ``suppress``; charts are SVG with a title, a description and a
table beside them. Other apps add sections (vawg: night-time economy, reporting confidence) through
``register_assessment_section``, so analytics does not need to know their models.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from analytics import rules
from analytics.analysis import HotspotQuery, month_end, run_hotspots
from analytics.charts import grid_map, heat_map, line_chart
from analytics.config import hotspot_defaults, suppress
from analytics.models import ImportBatch, PartnerIncident, StreetRecord
from analytics.sources import CATEGORY_SETS, TIME_WINDOWS
from analytics.trends import DAYS, build_trends, monthly_counts
from core.models import Incident

PRIORITIES = ("vawg", "violence", "public_order", "asb", "unsafe_place")
HOTSPOT_PRIORITIES = ("vawg", "asb")


@dataclass
class Section:
    title: str
    html: str  # already rendered; trusted because it comes from our own templates
    anchor: str = ""


SectionBuilder = Callable[[date, date], Section | None]
SECTIONS: list[SectionBuilder] = []


def register_assessment_section(builder: SectionBuilder) -> None:
    if builder not in SECTIONS:
        SECTIONS.append(builder)


@dataclass
class Assessment:
    start: date
    end: date
    context: dict = field(default_factory=dict)


def _total(category: str, start: date, end: date) -> int:
    return sum(monthly_counts(category, start, end).values())


def _priority(code: str, start: date, end: date) -> dict:
    trends = build_trends(code, start, end)
    label = str(CATEGORY_SETS[code].label)
    span = len(trends.months)
    now, before = _total(code, start, end), _total(code, rules.add_months(start, -12), rules.add_months(end, -12))
    change = f"{(now - before) / before:+.0%}" if before >= 5 and (now >= 5 or now == 0) else ""
    months = [f"{m.month:%b %y}" for m in trends.months]
    return {
        "code": code, "label": label, "total": suppress(now), "before": suppress(before), "change": change,
        "months": trends.months, "repeat_locations": trends.repeat_locations[:10], "timed": trends.timed_records,
        "line": line_chart(months, [("This period", [m.count for m in trends.months]),
                                    ("A year before", [m.last_year for m in trends.months])],
                           title=f"{label}: records per month", desc=(
                               f"Records per month over {span} months with the same months a year before; "
                               "the table that follows gives the numbers.")),
        "heat": heat_map(DAYS, [f"{h:02d}" for h in range(24)], trends.heat_levels,
                         title=f"{label}: hour by weekday",
                         desc="Darker cells have more timed records; the busiest hours are listed below.")
        if trends.timed_records else "",
        "busiest": _busiest(trends.heat_rows),
    }


def _busiest(heat_rows: list[dict]) -> list[str]:
    """The five busiest day-and-hour cells in words: the text alternative for the heat map."""
    cells = [(row["day"], hour, cell) for row in heat_rows for hour, cell in enumerate(row["cells"])]
    ranked = sorted(cells, key=lambda c: -c[2]["level"])[:5]
    return [f"{day} {hour:02d}:00 to {hour:02d}:59" for day, hour, cell in ranked if cell["level"] >= 3]


def _hotspots(code: str, start: date, end: date) -> dict:
    run = run_hotspots(HotspotQuery(category=code, start=start, end=end))
    label = str(CATEGORY_SETS[code].label)
    hot = [c for c in run.cells if c.classification.startswith("hot")]
    return {
        "label": label, "points": run.points, "cells": run.cells_in_study_area, "hot": len(hot),
        "cold": len(run.cells) - len(hot), "top": run.cells[:10], "notes": run.notes,
        "map": grid_map(np.array([c.easting for c in run.cells]), np.array([c.northing for c in run.cells]),
                        [c.classification for c in run.cells], run.cell, labelled=3,
                        title=f"{label}: hot and cold spots",
                        desc=f"{len(hot)} hot and {len(run.cells) - len(hot)} cold cells of {run.cell:.0f} m; "
                             "the table that follows lists the hottest with their grid references."),
    }


def _repeat_victims(start: date, end: date) -> dict:
    """People linked to two or more incidents in the period: a count only, never who."""
    links = Incident.people.through.objects.filter(incident__occurred_at__date__gte=start,
                                                   incident__occurred_at__date__lte=month_end(end))
    per_person = links.values("person_id").annotate(n=Count("incident_id"))
    return {"people": suppress(per_person.count()), "repeat": suppress(per_person.filter(n__gte=2).count()),
            "three_plus": suppress(per_person.filter(n__gte=3).count())}


def _data_quality(start: date, end: date) -> dict:
    last = month_end(end)
    street = StreetRecord.objects.filter(month__gte=start, month__lte=end)
    held = set(street.filter(in_area=True).dates("month", "month"))
    missing = [m for m in rules.months_between(start, end) if m not in held]
    batches = ImportBatch.objects.filter(started_at__date__lte=last)
    return {
        "street": street.filter(in_area=True).count(),
        "street_no_point": street.filter(in_area=True, easting__isnull=True).count(),
        "outside": street.filter(in_area=False).count(),
        "partner": PartnerIncident.objects.filter(occurred_at__date__gte=start, occurred_at__date__lte=last).count(),
        "partner_no_point": PartnerIncident.objects.filter(occurred_at__date__gte=start, occurred_at__date__lte=last,
                                                           easting__isnull=True).count(),
        "missing_months": missing,
        "refused": sum(b.bad_rows for b in batches), "batches": batches.count(),
        "problem_batches": [b for b in batches if b.bad_rows][:10],
    }


def build_assessment(start: date, end: date) -> Assessment:
    defaults = hotspot_defaults()
    context = {
        "partnership": settings.PARTNERSHIP_NAME, "start": start, "end": end, "made": timezone.localdate(),
        "priorities": [_priority(code, start, end) for code in PRIORITIES],
        "hotspots": [_hotspots(code, start, end) for code in HOTSPOT_PRIORITIES],
        "victims": _repeat_victims(start, end), "quality": _data_quality(start, end),
        "sections": [s for s in (builder(start, end) for builder in SECTIONS) if s is not None],
        "cell": defaults.cell_metres, "band": defaults.band_metres, "fdr": defaults.fdr_q,
        "windows": [w.label for w in TIME_WINDOWS.values()],
    }
    return Assessment(start, end, context)


def render_html(assessment: Assessment) -> str:
    return render_to_string("analytics/assessment.html", assessment.context)


def write_report(assessment: Assessment, folder: Path) -> tuple[Path, Path]:
    """Write the HTML and the PDF; returns their paths."""
    from weasyprint import HTML  # imported here: loading it takes a second and most commands never need it

    folder.mkdir(parents=True, exist_ok=True)
    stem = f"strategic-assessment-{assessment.start:%Y-%m}-to-{assessment.end:%Y-%m}"
    html = render_html(assessment)
    html_path, pdf_path = folder / f"{stem}.html", folder / f"{stem}.pdf"
    html_path.write_text(html, encoding="utf-8")
    HTML(string=html, base_url=str(folder)).write_pdf(pdf_path)
    return html_path, pdf_path
