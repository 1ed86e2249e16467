"""When records fall due: real dates, month ends and leap years."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from retention.rules import add_months, due_date, is_due, latest_trigger_due, notice_cutoff


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2020, 1, 15), 72, date(2026, 1, 15)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # leap day plus a year
        (date(2024, 2, 29), 48, date(2028, 2, 29)),  # to the next leap year
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 12, 31), 2, date(2026, 2, 28)),  # over the year end
        (date(2019, 8, 31), 84, date(2026, 8, 31)),
        (date(2025, 10, 31), 1, date(2025, 11, 30)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def rule(months: int) -> SimpleNamespace:
    return SimpleNamespace(period_months=months)


def record(trigger: date | None) -> SimpleNamespace:
    return SimpleNamespace(retention_trigger_date=trigger)


@pytest.mark.parametrize(
    ("months", "trigger", "on", "due_on", "due"),
    [
        (72, date(2020, 6, 1), date(2026, 5, 31), date(2026, 6, 1), False),  # the day before
        (72, date(2020, 6, 1), date(2026, 6, 1), date(2026, 6, 1), True),  # due on the day itself
        (72, date(2020, 2, 29), date(2026, 2, 28), date(2026, 2, 28), True),  # leap day closure
        (1, date(2026, 1, 31), date(2026, 2, 27), date(2026, 2, 28), False),
        (1, date(2026, 1, 31), date(2026, 2, 28), date(2026, 2, 28), True),
        (84, date(2019, 12, 31), date(2026, 12, 1), date(2026, 12, 31), False),
        (72, None, date(2030, 1, 1), None, False),  # still open: not triggered
    ],
)
def test_due_date_and_is_due(months: int, trigger: date | None, on: date, due_on: date | None, due: bool) -> None:
    assert due_date(rule(months), record(trigger)) == due_on
    assert is_due(rule(months), record(trigger), on) is due


@pytest.mark.parametrize(
    ("months", "on", "cutoff"),
    [
        (72, date(2026, 12, 1), date(2020, 12, 1)),
        (1, date(2026, 2, 28), date(2026, 1, 31)),  # 29, 30 and 31 January all fall due on 28 February
        (1, date(2024, 2, 29), date(2024, 1, 31)),
        (1, date(2024, 2, 28), date(2024, 1, 28)),
        (12, date(2025, 2, 28), date(2024, 2, 29)),  # the leap day falls due on 28 February
        (1, date(2026, 3, 31), date(2026, 2, 28)),
    ],
)
def test_latest_trigger_due(months: int, on: date, cutoff: date) -> None:
    assert latest_trigger_due(months, on) == cutoff


@pytest.mark.parametrize("months", [1, 6, 12, 72, 84])
def test_cutoff_agrees_with_is_due_for_every_day_around_month_ends(months: int) -> None:
    """Selecting by the cutoff in the database gives exactly the records is_due says are due."""
    for on in (date(2026, 2, 28), date(2024, 2, 29), date(2026, 3, 31), date(2026, 4, 30), date(2025, 12, 31)):
        cutoff = latest_trigger_due(months, on)
        start = add_months(on, -months) - timedelta(days=5)
        for offset in range(10):
            trigger = start + timedelta(days=offset)
            assert is_due(rule(months), record(trigger), on) is (trigger <= cutoff), (months, on, trigger)


@pytest.mark.parametrize(
    ("planned", "current", "expected"),
    [
        (None, date(2026, 1, 1), None),  # nothing planned a notice period ago: act on nothing
        (date(2020, 1, 1), date(2020, 1, 15), date(2020, 1, 1)),  # only what was planned
        (date(2020, 1, 15), date(2020, 1, 1), date(2020, 1, 1)),  # period lengthened since: the new rule wins
    ],
)
def test_notice_cutoff(planned: date | None, current: date, expected: date | None) -> None:
    assert notice_cutoff(planned, current) == expected
