"""Working-day deadlines for the ASB Case Review, excluding weekends and England and Wales bank holidays."""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays

from asb.config import AsbConfig


@lru_cache(maxsize=32)
def _bank_holidays(year: int) -> frozenset[date]:
    # England and Wales share their bank holidays; Scotland and Northern Ireland differ.
    return frozenset(holidays.UK(subdiv="ENG", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (the start day itself does not count)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for n in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=n)))


@dataclass(frozen=True)
class Deadline:
    step: str
    label: str
    due_on: date
    done_on: date | None = None

    def state(self, today: date) -> str:
        if self.done_on is not None:
            return "done" if self.done_on <= self.due_on else "done_late"
        return "breached" if today > self.due_on else "due"


def case_review_deadlines(received_on: date, config: AsbConfig, *, decided_on: date | None = None,
                          reviewed_on: date | None = None,
                          done: dict[str, date | None] | None = None) -> list[Deadline]:
    """The statutory process's steps, each counted from the step before it once that has happened."""
    done = done or {}
    decision_due = add_working_days(received_on, config.threshold_decision_working_days)
    decided = decided_on or decision_due
    review_due = add_working_days(decided, config.hold_review_working_days)
    outcome_from = reviewed_on or review_due
    return [
        Deadline("acknowledge", "Acknowledge the application",
                 add_working_days(received_on, config.acknowledge_working_days), done.get("acknowledge")),
        Deadline("decide", "Decide whether the threshold is met", decision_due, decided_on),
        Deadline("tell", "Tell the applicant the decision",
                 add_working_days(decided, config.tell_applicant_working_days), done.get("tell")),
        Deadline("review", "Hold the review", review_due, reviewed_on),
        Deadline("outcome", "Send the outcome to the applicant",
                 add_working_days(outcome_from, config.send_outcome_working_days), done.get("outcome")),
    ]


def escalation_deadlines(told_on: date, config: AsbConfig, *, requested_on: date | None = None) -> list[Deadline]:
    request_by = add_working_days(told_on, config.escalation_request_working_days)
    steps = [Deadline("escalation_request", "Last day to ask for an escalation", request_by, requested_on)]
    if requested_on is not None:
        steps.append(Deadline("escalation_decision", "Escalation decided",
                              add_working_days(requested_on, config.escalation_decision_working_days)))
    return steps
