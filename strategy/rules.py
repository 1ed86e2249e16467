"""Quarters, RAG status and trend: pure functions with table-driven tests."""

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

GREEN, AMBER, RED, NO_RAG = "green", "amber", "red", "none"
IMPROVING, WORSENING, STEADY, NO_TREND = "improving", "worsening", "steady", "none"


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_end(start: date) -> date:
    month = start.month + 3
    return (date(start.year + (month > 12), (month - 1) % 12 + 1, 1)) - timedelta(days=1)


def previous_quarter(start: date) -> date:
    return quarter_start(start - timedelta(days=1))


def quarter_label(start: date) -> str:
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def parse_quarter(text: str) -> date | None:
    """ "2025-Q3" → 1 July 2025; None if it is not a quarter."""
    try:
        year, q = text.split("-Q")
        number = int(q)
        return date(int(year), 3 * (number - 1) + 1, 1) if 1 <= number <= 4 else None
    except ValueError:
        return None


def last_quarters(start: date, count: int) -> list[date]:
    quarters = [start]
    while len(quarters) < count:
        quarters.insert(0, previous_quarter(quarters[0]))
    return quarters


def rag(value: Decimal | float | None, target: Decimal | float | None, *, higher_is_better: bool,
        amber_margin_percent: Decimal | float = 10) -> str:
    """Green when the target is met; amber when within the margin of it; red otherwise."""
    if value is None or target is None:
        return NO_RAG
    value, target = Decimal(str(value)), Decimal(str(target))
    margin = abs(target) * Decimal(str(amber_margin_percent)) / 100
    gap = (value - target) if higher_is_better else (target - value)
    if gap >= 0:
        return GREEN
    return AMBER if -gap <= margin else RED


def trend(current: Decimal | float | None, previous: Decimal | float | None, *, higher_is_better: bool) -> str:
    if current is None or previous is None:
        return NO_TREND
    if current == previous:
        return STEADY
    return IMPROVING if (current > previous) == higher_is_better else WORSENING


def days_at_or_above(changes: Sequence[tuple[date, int]], *, initial_rank: int, threshold: int, start: date,
                     end: date) -> set[date]:
    """Days from ``start`` to ``end`` (inclusive) on which an area was at ``threshold`` or above at any time.

    ``changes`` are (day of the change, rank it moved to), oldest first, including changes before ``start``;
    ``initial_rank`` is the rank before the first of them. A day counts if the level reached the threshold
    that day, even for part of it: a partner answering an Elevated day has worked that day."""
    index, rank, days = 0, initial_rank, set()
    while index < len(changes) and changes[index][0] < start:  # where the area stood when the period began
        rank = changes[index][1]
        index += 1
    day = start
    while day <= end:
        highest = rank
        while index < len(changes) and changes[index][0] == day:
            rank = changes[index][1]
            highest = max(highest, rank)
            index += 1
        if highest >= threshold:
            days.add(day)
        day += timedelta(days=1)
    return days
