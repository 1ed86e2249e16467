"""Trend rules on real-looking cases: year-on-year change without revealing small counts, heat shading,
partner categories in priorities, repeat locations."""

from datetime import date

import pytest

from analytics.rules import (
    add_months,
    heat_level,
    months_between,
    partner_category_in_set,
    repeat_locations,
    year_on_year,
)

NOV16, NOV15 = date(2016, 11, 1), date(2015, 11, 1)


@pytest.mark.parametrize(("now", "before", "first_held", "expected_change", "last_year_shown"), [
    (120, 100, NOV15, "+20%", "100"),  # a fifth more violence than a year before
    (80, 100, NOV15, "-20%", "100"),
    (0, 40, NOV15, "-100%", "40"),  # none this year: the fall is safe to show
    (3, 40, NOV15, "", "40"),  # 3 this year: a percentage would reveal it
    (40, 3, NOV15, "", "fewer than 5"),  # 3 a year before: same
    (40, 0, NOV15, "", "0"),  # nothing to compare with: no infinite rise
    (40, 0, NOV16, "", ""),  # the year before is not held at all: not "0"
])
def test_year_on_year_change(now: int, before: int, first_held: date, expected_change: str,
                             last_year_shown: str) -> None:
    row = year_on_year({NOV16: now, NOV15: before}, [NOV16], first_held)[0]
    assert (row.change, row.last_year_shown) == (expected_change, last_year_shown)


def test_year_on_year_suppresses_small_counts_this_year() -> None:
    assert year_on_year({NOV16: 2}, [NOV16], None)[0].shown == "fewer than 5"


@pytest.mark.parametrize(("count", "peak", "level"), [
    (0, 50, 0), (1, 50, 1), (4, 50, 1), (5, 50, 1), (50, 50, 5), (25, 50, 3), (4, 4, 1), (0, 0, 0),
])
def test_heat_level_never_tells_small_counts_apart(count: int, peak: int, level: int) -> None:
    assert heat_level(count, peak) == level


@pytest.mark.parametrize(("category", "set_code", "expected"), [
    ("Assault attendance", "vawg", True),
    ("Assault attendance", "violence", True),
    ("Deliberate secondary fire", "asb", True),
    ("Deliberate vehicle fire", "asb", False),
    ("Noise", "asb", True),
    ("Noise", "vawg", False),
    ("Drink spiking", "vawg", True),
    ("Anything at all", "all", True),
    ("Assault attendance", "unsafe_place", False),
])
def test_partner_categories_fall_in_priorities_by_their_words(category: str, set_code: str, expected: bool) -> None:
    assert partner_category_in_set(category, set_code) is expected


def test_months_run_across_a_new_year() -> None:
    assert months_between(date(2016, 11, 5), date(2017, 2, 1)) == [
        date(2016, 11, 1), date(2016, 12, 1), date(2017, 1, 1), date(2017, 2, 1)]
    assert add_months(date(2017, 1, 1), -12) == date(2016, 1, 1)


def test_repeat_locations_keep_places_over_the_minimum_most_first() -> None:
    counts = {("On or near Botchergate", "Carlisle 008A"): 12, ("On or near Nightclub", "Allerdale 003B"): 12,
              ("On or near Parking Area", "Copeland 001A"): 2, ("", "Carlisle 001A"): 30}
    assert repeat_locations(counts, 3) == [("On or near Botchergate", "Carlisle 008A", 12),
                                           ("On or near Nightclub", "Allerdale 003B", 12)]


def test_line_chart_gives_away_no_small_count() -> None:
    from analytics.charts import line_chart

    svg = line_chart(["Oct", "Nov", "Dec"], [("This year", [3, 0, 12])], title="t", desc="d")
    assert ">3<" not in svg and ">15<" in svg  # the axis top is rounded up to a multiple of 5
    assert svg.count("<polyline") == 1  # the count of 3 is a gap, the rest one line
