"""The indicators computed from other apps' records, each against a small hand-made data set whose answer
is stated, and the rule that counts days of elevated tension."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from hate_crime.models import HateReport, ReportingFeedback
from strategy import domain_indicators as d
from strategy.indicators import get_computed
from strategy.models import Indicator
from strategy.report import indicator_row, shown
from strategy.rules import days_at_or_above
from strategy.seed import seed_strategy
from tension.models import AreaLevelChange, TensionArea
from vawg.models import UnsafePlaceReport

Q1 = (date(2025, 1, 1), date(2025, 3, 31))
UK = ZoneInfo("Europe/London")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UK)


# --- The rule ---------------------------------------------------------------------------------------------

JAN = (date(2025, 1, 1), date(2025, 1, 31))


@pytest.mark.parametrize(("changes", "initial", "expected", "why"), [
    ([], 1, 0, "never changed from normal"),
    ([], 4, 31, "elevated all month"),
    ([(date(2024, 12, 1), 4), (date(2024, 12, 20), 2)], 1, 0, "elevated only before the month began"),
    ([(date(2024, 12, 20), 5), (date(2025, 1, 10), 3)], 1, 10, "high until 10 January: the 10th counts too"),
    ([(date(2025, 1, 5), 6), (date(2025, 1, 5), 2)], 1, 1, "critical for part of one day"),
    ([(date(2025, 1, 30), 4)], 1, 2, "elevated from the 30th to the month's end"),
    ([(date(2025, 1, 10), 3)], 1, 0, "moderate is below elevated"),
    ([(date(2025, 2, 2), 1)], 4, 31, "a change after the month does not reach back"),
])
def test_days_at_or_above_elevated(changes: list, initial: int, expected: int, why: str) -> None:
    assert len(days_at_or_above(changes, initial_rank=initial, threshold=4, start=JAN[0], end=JAN[1])) == expected, why


# --- Tension ----------------------------------------------------------------------------------------------


def change(area: TensionArea, previous: str, level: str, when: datetime) -> None:
    AreaLevelChange.objects.create(area=area, previous_level=previous, level=level, reason="assessment", set_at=when)


@pytest.fixture
def tension_areas(db) -> None:  # noqa: ANN001
    a = TensionArea.objects.create(name="Aton", current_level="high")
    change(a, "normal", "elevated", at(date(2024, 12, 20)))
    change(a, "elevated", "moderate", at(date(2025, 1, 10)))
    change(a, "moderate", "high", at(date(2025, 3, 30)))
    b = TensionArea.objects.create(name="Beeford", current_level="normal")
    change(b, "normal", "critical", at(date(2025, 1, 5), 9))
    change(b, "critical", "low", at(date(2025, 1, 5), 17))
    change(b, "low", "elevated", at(date(2025, 2, 1)))
    change(b, "elevated", "normal", at(date(2025, 2, 3)))
    TensionArea.objects.create(name="Ceeville", current_level="normal")


def test_days_of_elevated_tension_in_any_area_and_per_area(tension_areas: None) -> None:
    # Aton: 1–10 January and 30–31 March = 12 days. Beeford: 5 January (already counted for Aton) and
    # 1–3 February = 4 days. Any area: 12 + 3 = 15 days.
    assert d.tension_days_elevated(*Q1) == 15
    assert d.tension_days_by_area(*Q1) == [("Aton", 12), ("Beeford", 4), ("Ceeville", 0)]


@override_settings(CSPHUB_TENSION_ELEVATED_LEVEL="high")
def test_the_level_that_counts_is_configurable(tension_areas: None) -> None:
    # From High: Aton 30–31 March (2) and Beeford's critical 5 January (1).
    assert d.tension_days_elevated(*Q1) == 3


# --- Hate reports -----------------------------------------------------------------------------------------


def hate_report(n: int, created: datetime, strands: list[str], spam: bool = False) -> HateReport:
    return HateReport.objects.create(
        reference=f"HC-TEST-{n:04d}", secret_hash="x", reporter_role="victim", what_happened="x",
        location_kind="place", target="me", strands=strands, police_consent="no", contact_preference="none",
        suspected_spam=spam, created_at=created)


def test_hate_reports_by_strand(db) -> None:  # noqa: ANN001
    hate_report(1, at(date(2025, 1, 3)), ["race"])
    hate_report(2, at(date(2025, 2, 14)), ["race", "religion"])
    hate_report(3, at(date(2025, 3, 31), 23), ["disability"])
    hate_report(4, at(date(2025, 2, 1)), ["race"], spam=True)  # the spam trap was filled in: not counted
    hate_report(5, at(date(2025, 4, 1)), ["race"])  # next quarter
    counts = {strand: get_computed(f"hate_reports_{strand}").compute(*Q1) for strand, _ in d.HATE_STRANDS}
    assert counts == {"race": 2, "religion": 1, "sexual_orientation": 0, "disability": 1, "transgender": 0}


def feedback(confidence: int, day: date) -> None:
    ReportingFeedback.objects.create(channel="online", ease=3, confidence=confidence, created_at=at(day))


def test_reporting_confidence_score(db) -> None:  # noqa: ANN001
    for answer in (5, 4, 3, 1):
        feedback(answer, date(2025, 2, 1))
    feedback(1, date(2025, 4, 2))  # next quarter
    assert d.hate_confidence(*Q1) is None  # 4 answers: too few to show
    feedback(5, date(2025, 3, 1))
    assert d.hate_confidence(*Q1) == 65.0  # scores 100, 75, 50, 0, 100 → mean 65


# --- Unsafe places ----------------------------------------------------------------------------------------


def unsafe(n: int, received: date, easting: float | None = None, northing: float | None = None) -> None:
    UnsafePlaceReport.objects.create(reference=f"SP-{n:04d}", received_on=received, happened_on=received,
                                     time_of_day="night", reasons=["poor_lighting"], easting=easting,
                                     northing=northing)


def test_unsafe_place_reports(db) -> None:  # noqa: ANN001
    for n, day in enumerate((date(2025, 1, 2), date(2025, 2, 2), date(2025, 3, 31), date(2025, 4, 1))):
        unsafe(n, day)
    assert d.unsafe_place_reports(*Q1) == 3


def test_unsafe_place_hotspots(db) -> None:  # noqa: ANN001
    assert d.unsafe_place_hotspots(*Q1) == 0  # no pinned reports
    # One report in every 250 m cell of a 5 km square (400 cells), and 40 more in the cell at its centre.
    n = 0
    for row in range(20):
        for col in range(20):
            unsafe(n, date(2025, 2, 1), 300000 + col * 250 + 125, 500000 + row * 250 + 125)
            n += 1
    assert d.unsafe_place_hotspots(*Q1) == 0  # evenly spread: nowhere stands out
    for _ in range(40):
        unsafe(n, date(2025, 2, 1), 302625, 502625)
        n += 1
    # The centre cell and the cells whose 500 m band reaches it: itself, 4 at 250 m, 4 at 354 m, 4 at 500 m.
    assert d.unsafe_place_hotspots(*Q1) == 13
    assert d.unsafe_place_hotspots(date(2025, 4, 1), date(2025, 6, 30)) == 0


# --- On the board -----------------------------------------------------------------------------------------


def test_counts_of_people_are_suppressed_and_definitions_come_from_the_computation(db) -> None:  # noqa: ANN001
    seed_strategy()
    hate_report(1, at(date(2025, 1, 3)), ["race"])
    race = Indicator.objects.get(code="hate_reports_race")
    assert race.is_count_of_people and shown(1, race) == "fewer than 5"
    unsafe(1, date(2025, 1, 2))
    row = indicator_row(Indicator.objects.get(code="unsafe_place_reports"), Q1[0])
    assert row.computed and row.shown == "fewer than 5"
    confidence = indicator_row(Indicator.objects.get(code="hate_confidence"), Q1[0])
    assert "How confident are you" in confidence.indicator.definition and confidence.shown == "–"
