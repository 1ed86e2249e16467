"""Working-day deadlines across Christmas, Easter and the August bank holiday (England and Wales)."""

from datetime import date

import pytest

from asb.config import AsbConfig
from asb.rules.timescales import add_working_days, case_review_deadlines, is_working_day, working_days_between

D = date


@pytest.mark.parametrize(("start", "days", "expected", "why"), [
    (D(2026, 12, 23), 1, D(2026, 12, 24), "Christmas Eve is a working day"),
    (D(2026, 12, 24), 1, D(2026, 12, 29), "Christmas (Fri), Boxing Day (Sat), the weekend and Mon 28 Dec (substitute)"),
    (D(2026, 12, 18), 10, D(2027, 1, 6), "21-24, 29-31 Dec, 4-6 Jan: not 25, 28 Dec or 1 Jan"),
    (D(2026, 4, 2), 1, D(2026, 4, 7), "Good Friday 3 Apr and Easter Monday 6 Apr 2026"),
    (D(2027, 3, 25), 1, D(2027, 3, 30), "Easter 2027: Good Friday 26 Mar, Easter Monday 29 Mar"),
    (D(2026, 8, 28), 1, D(2026, 9, 1), "August bank holiday Monday 31 Aug 2026"),
    (D(2026, 3, 6), 5, D(2026, 3, 13), "an ordinary week"),
    (D(2026, 3, 7), 1, D(2026, 3, 9), "from a Saturday"),
])
def test_add_working_days(start: date, days: int, expected: date, why: str) -> None:
    assert add_working_days(start, days) == expected, why


def test_working_days_between_is_the_inverse() -> None:
    assert working_days_between(D(2026, 12, 18), D(2027, 1, 6)) == 10
    assert working_days_between(D(2027, 1, 6), D(2026, 12, 18)) == -10


def test_bank_holidays_are_not_working_days() -> None:
    assert not is_working_day(D(2026, 12, 28))  # Boxing Day substitute
    assert not is_working_day(D(2026, 5, 25))  # spring bank holiday
    assert is_working_day(D(2026, 3, 17))  # St Patrick's Day is a Northern Ireland holiday only


def test_case_review_timeline_counts_from_each_step() -> None:
    steps = {d.step: d for d in case_review_deadlines(D(2026, 12, 14), AsbConfig())}
    assert steps["decide"].due_on == D(2026, 12, 30)  # 15-18, 21-24, then 29 and 30 (25, 28 are holidays)
    decided = {d.step: d for d in case_review_deadlines(D(2026, 12, 14), AsbConfig(), decided_on=D(2026, 12, 16))}
    assert decided["review"].due_on == add_working_days(D(2026, 12, 16), 20)
    assert decided["decide"].state(D(2027, 1, 1)) == "done"


def test_deadline_breached_when_past_and_not_done() -> None:
    steps = {d.step: d for d in case_review_deadlines(D(2026, 3, 2), AsbConfig())}
    assert steps["decide"].state(D(2026, 3, 17)) == "breached"
    assert steps["decide"].state(D(2026, 3, 16)) == "due"
