"""Table-driven tests of the domestic abuse rules, with cases taken from the domain notes."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from domestic_abuse import rules

LONDON = ZoneInfo("Europe/London")


def answers(yes: int, not_known: int = 0) -> list[str]:
    return ["yes"] * yes + ["not_known"] * not_known + ["no"] * (24 - yes - not_known)


@pytest.mark.parametrize(
    ("yes", "not_known", "judgement", "level", "score"),
    [
        (0, 0, False, "standard", 0),
        (9, 5, False, "standard", 9),  # "not known" never counts as yes
        (10, 0, False, "medium", 10),  # at the medium threshold
        (13, 0, False, "medium", 13),  # one below high
        (14, 0, False, "high", 14),  # at the high threshold: visible high risk
        (20, 0, False, "high", 20),  # above
        (6, 0, True, "high", 6),  # professional judgement raises a low score
        (24, 0, True, "high", 24),
    ],
)
def test_dash_scoring(yes: int, not_known: int, judgement: bool, level: str, score: int) -> None:
    result = rules.dash_result(answers(yes, not_known), professional_judgement=judgement, high=14, medium=10)
    assert (result.level, result.score) == (level, score)
    assert str(score) in result.reason


def test_dash_thresholds_are_configurable() -> None:
    result = rules.dash_result(answers(12), professional_judgement=False, high=12, medium=8)
    assert result.level == "high"


@pytest.mark.parametrize(
    ("score", "judgement", "incidents", "escalation_threshold", "codes"),
    [
        (14, False, 0, 3, ["visible_high_risk"]),
        (13, False, 0, 3, []),
        (5, True, 0, 3, ["professional_judgement"]),
        (5, False, 3, 3, ["potential_escalation"]),  # 3 incidents in 12 months
        (5, False, 2, 3, []),
        (5, False, 4, 5, []),  # an area that uses 5
        (15, True, 6, 3, ["visible_high_risk", "professional_judgement", "potential_escalation"]),
    ],
)
def test_marac_criteria(score: int, judgement: bool, incidents: int, escalation_threshold: int,
                        codes: list[str]) -> None:
    criteria = rules.marac_criteria(score=score, professional_judgement=judgement, recent_incidents=incidents,
                                    high=14, escalation_incidents=escalation_threshold, window_days=365)
    assert criteria.codes == codes
    assert criteria.met == bool(codes)
    assert len(criteria.reasons) == len(codes)


AS_OF = datetime(2026, 3, 1, 12, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("incidents", "police_only", "expected"),
    [
        ([(AS_OF - timedelta(days=d), "police") for d in (1, 100, 364)], False, 3),
        ([(AS_OF - timedelta(days=d), "police") for d in (1, 100, 366)], False, 2),  # one outside 12 months
        ([(AS_OF - timedelta(days=1), "police"), (AS_OF - timedelta(days=2), "health")], False, 2),
        ([(AS_OF - timedelta(days=1), "police"), (AS_OF - timedelta(days=2), "health")], True, 1),
        ([(AS_OF + timedelta(days=1), "police")], False, 0),  # after the assessment
    ],
)
def test_escalation_counted_from_incidents(incidents: list, police_only: bool, expected: int) -> None:
    assert rules.count_recent_incidents(incidents, as_of=AS_OF, window_days=365, police_only=police_only) == expected


@pytest.mark.parametrize(
    ("referred_on", "earlier", "is_repeat"),
    [
        (date(2026, 3, 1), [], False),
        (date(2026, 3, 1), [date(2025, 3, 2)], True),  # 364 days: inside 12 months
        (date(2026, 3, 1), [date(2025, 3, 1)], True),  # exactly 365 days
        (date(2026, 3, 1), [date(2025, 2, 28)], False),  # 366 days: outside
        (date(2026, 3, 1), [date(2023, 1, 1), date(2025, 9, 1)], True),  # counted from the LAST referral
        (date(2026, 3, 1), [date(2025, 1, 1), date(2024, 9, 1)], False),
    ],
)
def test_repeat_marac(referred_on: date, earlier: list[date], is_repeat: bool) -> None:
    answer = rules.repeat_referral(referred_on, earlier, window_days=365)
    assert answer.is_repeat is is_repeat
    assert answer.previous == (max(earlier) if earlier else None)


@pytest.mark.parametrize(
    ("meeting", "days", "due"),
    [
        (date(2026, 3, 12), 8, date(2026, 3, 2)),  # Thursday: 8 working days back is Monday 2nd
        (date(2026, 4, 14), 8, date(2026, 3, 31)),  # Easter: Good Friday and Easter Monday skipped
        (date(2026, 1, 5), 2, date(2025, 12, 31)),  # New Year's Day skipped
    ],
)
def test_research_due_working_days_before(meeting: date, days: int, due: date) -> None:
    assert rules.working_days_before(meeting, days) == due


HALF_TERM = (date(2026, 2, 16), date(2026, 2, 20))
SUMMER = (date(2026, 7, 22), date(2026, 9, 2))


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("attended", "due"),
    [
        (at(2026, 3, 10, 23, 30), at(2026, 3, 11, 8, 30)),  # Tuesday night → Wednesday
        (at(2026, 3, 11, 2, 0), at(2026, 3, 11, 8, 30)),  # small hours: the same morning
        (at(2026, 3, 11, 10, 0), at(2026, 3, 12, 8, 30)),  # during the school day: next morning
        (at(2026, 3, 13, 21, 0), at(2026, 3, 16, 8, 30)),  # Friday night → Monday
        (at(2026, 4, 2, 22, 0), at(2026, 4, 7, 8, 30)),  # Thursday before Easter: bank holiday weekend
        (at(2026, 5, 22, 19, 0), at(2026, 5, 26, 8, 30)),  # Spring bank holiday Monday
        (at(2026, 2, 13, 18, 0), at(2026, 2, 23, 8, 30)),  # Friday before half-term → Monday after
        (at(2026, 2, 18, 12, 0), at(2026, 2, 23, 8, 30)),  # during half-term
        (at(2026, 7, 21, 20, 0), at(2026, 9, 3, 8, 30)),  # last day of summer term
    ],
)
def test_encompass_due_before_the_next_school_day(attended: datetime, due: datetime) -> None:
    assert rules.encompass_due(attended, closures=[HALF_TERM, SUMMER], school_starts=time(8, 30)) == due


def test_encompass_school_start_is_configurable() -> None:
    due = rules.encompass_due(at(2026, 3, 11, 8, 45), closures=[], school_starts=time(9, 0))
    assert due == at(2026, 3, 11, 9, 0)


WEIGHTS = {"recency": 0.3, "frequency": 0.3, "gravity": 0.3, "victims": 0.1}
GRAVITY = {"sexual_offence": 5, "violence": 4, "domestic_abuse": 2}


def rfg(incidents: list, victims: int) -> rules.RfgScore:
    return rules.rfg_score(incidents, victims, as_of=AS_OF, window_days=365, weights=WEIGHTS,
                           gravity_by_category=GRAVITY, frequency_cap=10, gravity_cap=20, victim_cap=3)


def test_rfg_worked_example() -> None:
    """Worked example (the method in rules.rfg_score, default weights 0.3/0.3/0.3/0.1):

    Perpetrator P: 3 incidents, latest 73 days ago (violence 4, DA 2, DA 2 = 8 gravity points), 2 victims.
      recency 100 × (365 − 73)/365 = 80; frequency 100 × 3/10 = 30; gravity 100 × 8/20 = 40;
      victims 100 × 2/3 = 66.7; total 0.3×80 + 0.3×30 + 0.3×40 + 0.1×66.7 = 24 + 9 + 12 + 6.67 = 51.7.
    Perpetrator Q: 6 DA incidents, latest 292 days ago (12 points), 1 victim.
      recency 20; frequency 60; gravity 60; victims 33.3; total 6 + 18 + 18 + 3.33 = 45.3.
    Perpetrator R: one sexual offence today (5 points), 1 victim.
      recency 100; frequency 10; gravity 25; victims 33.3; total 30 + 3 + 7.5 + 3.33 = 43.8.
    Perpetrator S: 2 incidents, both more than a year ago: only victims count: 0.1 × 33.3 = 3.3.
    Order: P, Q, R, S.
    """
    days = lambda n: AS_OF - timedelta(days=n)  # noqa: E731
    p = rfg([(days(73), "violence"), (days(100), "domestic_abuse"), (days(200), "domestic_abuse")], 2)
    q = rfg([(days(292 + i * 10), "domestic_abuse") for i in range(6)], 1)
    r = rfg([(days(0), "sexual_offence")], 1)
    s = rfg([(days(400), "violence"), (days(500), "violence")], 1)
    assert (p.recency, p.frequency, p.gravity, p.victims, p.total) == (80.0, 30.0, 40.0, 66.7, 51.7)
    assert (q.recency, q.frequency, q.gravity, q.total) == (20.0, 60.0, 60.0, 45.3)
    assert (r.recency, r.gravity, r.total) == (100.0, 25.0, 43.8)
    assert s.total == 3.3
    ranked = sorted({"P": p, "Q": q, "R": r, "S": s}.items(), key=lambda item: -item[1].total)
    assert [name for name, _score in ranked] == ["P", "Q", "R", "S"]


@pytest.mark.parametrize(("victims", "serial"), [(0, False), (1, False), (2, True), (5, True)])
def test_serial_perpetrator(victims: int, serial: bool) -> None:
    assert rules.is_serial(victims, threshold=2) is serial


def test_dvds_decision_timeline() -> None:
    assert rules.dvds_decision_due(date(2026, 3, 1), days=28) == date(2026, 3, 29)


@pytest.mark.parametrize(
    ("value", "low", "high", "verdict"),
    [
        (None, 40, None, "No data yet"),
        (30.0, 40, None, "Below the recommended range"),
        (40.0, 40, None, "At or above the benchmark"),
        (27.9, 28, 40, "Below the recommended range"),
        (35.0, 28, 40, "Within the recommended range"),
        (41.0, 28, 40, "Above the recommended range"),
        (50.0, None, None, "No recommended range set"),
    ],
)
def test_figures_compared_with_the_benchmarks(value, low, high, verdict) -> None:  # noqa: ANN001
    assert rules.Compared(value, low, high).verdict == verdict


def test_rates() -> None:
    assert rules.per_10k(400, 100_000) == 40.0
    assert rules.percent(1, 3) == 33.3
    assert rules.percent(0, 0) is None
