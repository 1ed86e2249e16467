"""When a record falls due under a retention rule. Pure functions: dates in, dates (or yes/no) out.

A period in months is added the way people count it: 31 January plus one month is the last day of
February (28th, or 29th in a leap year); 29 February plus twelve months is 28 February.
"""

import calendar
from datetime import date, timedelta
from typing import Protocol


class HasPeriod(Protocol):
    period_months: int


class HasTriggerDate(Protocol):
    retention_trigger_date: date | None


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months (negative goes back), clamped to the month's last day."""
    month_index = start.year * 12 + start.month - 1 + months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last_day))


def due_date(rule: HasPeriod, record: HasTriggerDate) -> date | None:
    """The day the record falls due: its trigger date plus the rule's period. None if not triggered yet
    (for example a case that is still open, under a rule counted from closure)."""
    if record.retention_trigger_date is None:
        return None
    return add_months(record.retention_trigger_date, rule.period_months)


def is_due(rule: HasPeriod, record: HasTriggerDate, on: date) -> bool:
    """Whether the record has fallen due by the day ``on`` (due on its due date itself)."""
    due = due_date(rule, record)
    return due is not None and due <= on


def latest_trigger_due(period_months: int, on: date) -> date:
    """The latest trigger date that is due by ``on``: a record is due exactly when its trigger date is on or
    before this day. Lets the database select due records with one comparison."""
    cutoff = add_months(on, -period_months)
    # Month-end clamping means a few later trigger dates can land on the same due day (31 Jan and 29 Jan
    # plus one month are both 28 Feb in a common year); step forward over them.
    while add_months(cutoff + timedelta(days=1), period_months) <= on:
        cutoff += timedelta(days=1)
    return cutoff


def notice_cutoff(planned_cutoff: date | None, current_cutoff: date) -> date | None:
    """What tonight's run may act on: records due both under the plan made a notice period ago and under
    today's rule (so shortening a period gives fresh notice, and lengthening it takes effect at once)."""
    if planned_cutoff is None:
        return None
    return min(planned_cutoff, current_cutoff)
