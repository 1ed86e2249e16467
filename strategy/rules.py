"""Quarters, RAG status and trend: pure functions with table-driven tests."""

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
