"""The statutory timescales, table by table, with England and Wales bank holidays."""

from dataclasses import replace
from datetime import date

import pytest

from reviews import rules
from reviews.config import ChannelTimescales, DhrTimescales
from reviews.workdays import add_months, add_working_days, is_working_day

T = DhrTimescales()


@pytest.mark.parametrize(("notified", "due", "why"), [
    (date(2025, 1, 6), date(2025, 2, 6), "one calendar month, a Thursday"),
    (date(2025, 3, 31), date(2025, 4, 30), "31 March: April has 30 days"),
    (date(2025, 2, 1), date(2025, 3, 3), "1 March 2025 is a Saturday: next Monday"),
    (date(2025, 11, 25), date(2025, 12, 29), "Christmas and Boxing Day, then a weekend"),
    (date(2026, 3, 6), date(2026, 4, 7), "Easter Monday 2026"),
    (date(2024, 1, 31), date(2024, 2, 29), "leap year"),
])
def test_decision_is_due_one_month_after_notification(notified: date, due: date, why: str) -> None:
    assert rules.decision_due(notified, T) == due, why
    assert rules.home_office_due(notified, T) == due, why


def test_deadlines_can_stay_on_the_calendar_day_if_the_partnership_chooses() -> None:
    assert rules.decision_due(date(2025, 2, 1), replace(T, roll_to_working_day=False)) == date(2025, 3, 1)


@pytest.mark.parametrize(("decided", "due"), [
    (date(2025, 1, 20), date(2025, 7, 21)),
    (date(2025, 2, 25), date(2025, 8, 26)),  # 25 August 2025 is the late summer bank holiday
    (date(2025, 2, 25), date(2025, 8, 26)),
])
def test_overview_report_is_due_six_months_after_the_decision(decided: date, due: date) -> None:
    assert rules.report_due(decided, T) == due


@pytest.mark.parametrize(("asked", "days", "due"), [
    (date(2025, 4, 17), 5, date(2025, 4, 28)),  # Good Friday and Easter Monday skipped
    (date(2025, 12, 19), 30, date(2026, 2, 4)),  # Christmas, Boxing Day and New Year's Day skipped
    (date(2025, 6, 2), 5, date(2025, 6, 9)),
])
def test_agency_reports_are_due_in_working_days(asked: date, days: int, due: date) -> None:
    assert rules.agency_report_due(asked, replace(T, agency_report_working_days=days)) == due


@pytest.mark.parametrize(("day", "working"), [
    (date(2025, 5, 5), False), (date(2025, 5, 6), True), (date(2025, 8, 23), False), (date(2026, 1, 1), False),
])
def test_working_days(day: date, working: bool) -> None:
    assert is_working_day(day) is working


def test_calendar_helpers() -> None:
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_working_days(date(2025, 5, 2), 1) == date(2025, 5, 6)  # Friday → over May Day to Tuesday


@pytest.mark.parametrize(("closed", "expected"), [
    (date(2025, 6, 30), [(6, date(2025, 12, 30)), (12, date(2026, 6, 30))]),
    (date(2025, 6, 25), [(6, date(2025, 12, 29)), (12, date(2026, 6, 25))]),
])
def test_channel_reviews_six_and_twelve_months_after_closure(closed: date, expected: list) -> None:
    assert rules.post_closure_review_dates(closed, ChannelTimescales()) == expected


def test_channel_intervals_are_configurable() -> None:
    t = ChannelTimescales(post_closure_review_months=(3, 6, 12))
    assert [m for m, _ in rules.post_closure_review_dates(date(2025, 1, 15), t)] == [3, 6, 12]


def test_milestones_before_the_decision() -> None:
    milestones = rules.dhr_milestones(rules.DhrFacts(notified_on=date(2025, 1, 6)), T)
    assert [m.code for m in milestones] == ["decision", "home_office"]
    assert rules.next_deadline(milestones).due_on == date(2025, 2, 6)
    assert rules.breaches(milestones, date(2025, 2, 6)) == []
    assert [m.code for m in rules.breaches(milestones, date(2025, 2, 7))] == ["decision", "home_office"]


def test_milestones_of_a_held_review() -> None:
    facts = rules.DhrFacts(
        notified_on=date(2025, 1, 6), held=True, decision_on=date(2025, 2, 10), home_office_notified_on=None,
        agency_reports=(("1", "IMR: police", date(2025, 3, 24), date(2025, 3, 20)),
                        ("2", "IMR: health", date(2025, 3, 24), date(2025, 4, 1))),
    )
    milestones = rules.dhr_milestones(facts, T)
    states = {m.code: m.state(date(2025, 5, 1)) for m in milestones}
    assert states == {"decision": rules.LATE, "home_office": rules.OVERDUE, "report": rules.PENDING,
                      "agency_report:1": rules.MET, "agency_report:2": rules.LATE}
    assert rules.on_time(milestones, date(2025, 5, 1)) == (1, 4)


def test_decision_not_to_hold_has_no_report_deadline() -> None:
    facts = rules.DhrFacts(notified_on=date(2025, 1, 6), held=False, decision_on=date(2025, 1, 30),
                           home_office_notified_on=date(2025, 1, 31))
    milestones = rules.dhr_milestones(facts, T)
    assert [m.code for m in milestones] == ["decision", "home_office"]
    assert rules.next_deadline(milestones) is None


def test_publication_deadline_follows_feedback() -> None:
    facts = rules.DhrFacts(notified_on=date(2025, 1, 6), held=True, decision_on=date(2025, 1, 20),
                           qa_submitted_on=date(2025, 7, 1), qa_feedback_on=date(2025, 9, 1))
    publication = [m for m in rules.dhr_milestones(facts, T) if m.code == "publication"]
    assert publication[0].due_on == date(2025, 11, 3)  # 1 November 2025 is a Saturday


def test_vulnerability_framework_has_22_factors_under_three_headings() -> None:
    assert len(rules.FACTORS) == 22
    assert rules.vulnerability_summary([]) == {"engagement": (0, 13), "intent": (0, 6), "capability": (0, 3)}
    assert rules.vulnerability_summary(["e1", "e2", "i6", "c3", "zz"]) == {
        "engagement": (2, 13), "intent": (1, 6), "capability": (1, 3)}


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5")])
def test_small_numbers_are_suppressed(count: int, shown: str) -> None:
    assert rules.suppress(count) == shown


@pytest.mark.parametrize(("trained", "scope", "rate"), [(45, 60, 75.0), (0, 0, None), (10, 8, 100.0)])
def test_training_rate(trained: int, scope: int, rate: float | None) -> None:
    assert rules.training_rate(trained, scope) == rate
