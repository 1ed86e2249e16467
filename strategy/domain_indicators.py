"""Indicators computed from the other domain apps' records, read-only: hate reports by strand and the
reporting-confidence score (hate_crime), unsafe-place reports and hot spots (vawg, analytics), and days of
elevated tension (tension). Registered from StrategyConfig.ready. Each definition is shown next to its figure.

ASB Case Review applications and outcomes are registered by the asb app itself (asb/indicators.py).
"""

from datetime import date
from statistics import mean

from django.conf import settings
from django.utils import timezone

from strategy import rules
from strategy.indicators import register_indicator

# The five strands monitored nationally; the partnership's local strands are in hate_crime's settings.
HATE_STRANDS = (
    ("race", "race or ethnicity"),
    ("religion", "religion or belief"),
    ("sexual_orientation", "sexual orientation"),
    ("disability", "disability"),
    ("transgender", "transgender identity"),
)


def min_responses() -> int:
    """A mean of fewer answers than this could give away one person's answer, so it is not shown."""
    return int(getattr(settings, "CSPHUB_INDICATOR_MIN_RESPONSES", 5))


def _hate_reports(start: date, end: date):  # noqa: ANN202
    from hate_crime.models import HateReport

    return HateReport.objects.filter(suspected_spam=False, created_at__date__range=(start, end))


def hate_reports_for_strand(strand: str):  # noqa: ANN201
    def compute(start: date, end: date) -> int:
        return sum(1 for chosen in _hate_reports(start, end).values_list("strands", flat=True)
                   if strand in (chosen or []))
    return compute


# Made once, so registering again (a second ready()) finds the same function and is allowed.
STRAND_COMPUTES = {strand: hate_reports_for_strand(strand) for strand, _words in HATE_STRANDS}


def hate_confidence(start: date, end: date) -> float | None:
    """Answers to "How confident are you that something will be done?" (1 to 5) put on a 0 to 100 scale
    (1 → 0, 2 → 25, 3 → 50, 4 → 75, 5 → 100) and averaged."""
    from hate_crime.models import ReportingFeedback

    answers = list(ReportingFeedback.objects.filter(created_at__date__range=(start, end))
                   .values_list("confidence", flat=True))
    answers = [a for a in answers if 1 <= a <= 5]
    if len(answers) < min_responses():
        return None
    return round(mean((a - 1) * 25 for a in answers), 1)


def unsafe_place_reports(start: date, end: date) -> int:
    from vawg.models import UnsafePlaceReport

    return UnsafePlaceReport.objects.filter(received_on__range=(start, end)).count()


def unsafe_place_hotspots(start: date, end: date) -> int:
    """The analytics hot spot run on pinned unsafe-place reports (its configured cell, band and false discovery
    rate), counting the cells that are significant hot spots."""
    from analytics.analysis import HotspotQuery, run_hotspots

    run = run_hotspots(HotspotQuery(category="unsafe_place", start=start, end=end))
    return sum(1 for cell in run.cells if cell.z > 0 and cell.confidence > 0)


def _elevated_rank() -> int:
    from tension.config import level_by_code

    level = level_by_code(getattr(settings, "CSPHUB_TENSION_ELEVATED_LEVEL", "elevated"))
    return level.rank if level else 4


def _area_days(start: date, end: date) -> dict[str, set[date]]:
    """Per tension area, the days in the period at or above the elevated level (days after today not counted)."""
    from tension.config import level_by_code
    from tension.models import AreaLevelChange, TensionArea

    end = min(end, timezone.localdate())
    threshold = _elevated_rank()

    def rank(code: str) -> int:
        level = level_by_code(code)
        return level.rank if level else 0

    history: dict[int, list[AreaLevelChange]] = {}
    for change in AreaLevelChange.objects.filter(set_at__date__lte=end).order_by("set_at", "id"):
        history.setdefault(change.area_id, []).append(change)
    days = {}
    for area in TensionArea.objects.order_by("name"):
        changes = history.get(area.pk, [])
        initial = rank(changes[0].previous_level or "") if changes else rank(area.current_level)
        days[area.name] = rules.days_at_or_above(
            [(timezone.localtime(c.set_at).date(), rank(c.level)) for c in changes],
            initial_rank=initial or 1, threshold=threshold, start=start, end=end) if start <= end else set()
    return days


def tension_days_elevated(start: date, end: date) -> int:
    return len(set().union(*_area_days(start, end).values()))


def tension_days_by_area(start: date, end: date) -> list[tuple[str, int]]:
    return [(name, len(days)) for name, days in _area_days(start, end).items()]


DEFINITIONS = {
    "hate_confidence": (
        "Hate reporting confidence score",
        "From the optional question after a hate report, \"How confident are you that something will be done?\": "
        "each answer from 1 (not at all confident) to 5 (very confident) is scored 0, 25, 50, 75 or 100, and the "
        "score is the mean of the answers given in the quarter. Not shown when fewer than 5 people answered."),
    "unsafe_place_reports": (
        "Unsafe-place reports",
        "Reports of places where someone felt unsafe, received in the quarter through the public form."),
    "unsafe_place_hotspots": (
        "Unsafe-place hot spots",
        "Grid cells that are significant hot spots (Getis-Ord Gi*, with the false discovery rate controlled) among "
        "the unsafe-place reports with a map point for things that happened in the quarter, using the hot spot "
        "page's cell size and distance band."),
    "tension_days_elevated": (
        "Days at elevated tension",
        "Days in the quarter on which at least one monitored area was assessed at Elevated or higher, for all or "
        "part of the day (days still to come are not counted). The indicator's page gives the days per area."),
}


def register_domain_indicators() -> None:
    for strand, words in HATE_STRANDS:
        register_indicator(
            f"hate_reports_{strand}", f"Hate reports: {words}",
            f"Hate reports received in the quarter (online, through reporting centres and by staff, not counting "
            f"spam) that give {words} as a reason. A report can give more than one reason.",
            STRAND_COMPUTES[strand])
    register_indicator("hate_confidence", *DEFINITIONS["hate_confidence"], hate_confidence)
    register_indicator("unsafe_place_reports", *DEFINITIONS["unsafe_place_reports"], unsafe_place_reports)
    register_indicator("unsafe_place_hotspots", *DEFINITIONS["unsafe_place_hotspots"], unsafe_place_hotspots)
    register_indicator("tension_days_elevated", *DEFINITIONS["tension_days_elevated"], tension_days_elevated,
                       breakdown=tension_days_by_area, breakdown_heading="Days at elevated tension by area")
