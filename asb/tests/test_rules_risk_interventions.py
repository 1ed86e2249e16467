"""Victim risk scoring and the 2014 Act's preconditions for each enforcement step."""

from datetime import date

import pytest

from asb.config import AsbConfig
from asb.rules.interventions import EarlierStep, Step, Subject, missing_preconditions
from asb.rules.risk import score_risk

D = date
ADULT = Subject(age=34)


@pytest.mark.parametrize(("answers", "judgement", "level"), [
    ({}, False, "standard"),
    ({"targeted": True, "previous_reports": True}, False, "standard"),
    ({"targeted": True, "hate": True, "previous_reports": True}, False, "medium"),
    ({"targeted": True, "hate": True, "repeat_12_months": True, "afraid_at_home": True, "health": True}, False,
     "high"),
    ({"harm_to_self": True}, False, "high"),
    ({"targeted": True}, True, "high"),
])
def test_score_risk(answers: dict, judgement: bool, level: str) -> None:
    assert score_risk(answers, AsbConfig(), officer_says_high=judgement).level == level


def test_cut_offs_are_configurable() -> None:
    answers = {"targeted": True, "hate": True, "previous_reports": True}
    assert score_risk(answers, AsbConfig(risk_medium_from=10, risk_high_from=12)).level == "standard"


CPW = EarlierStep(Step.CPW, D(2026, 3, 1), comply_by=D(2026, 3, 15), breached=True)
CASES = [
    ("CPN with no warning first", Step.CPN, [], ADULT, D(2026, 4, 1), "written warning"),
    ("CPN before the time to comply has passed", Step.CPN, [CPW], ADULT, D(2026, 3, 10), "time to comply"),
    ("CPN when the warning was complied with", Step.CPN,
     [EarlierStep(Step.CPW, D(2026, 3, 1), D(2026, 3, 15), breached=False)], ADULT, D(2026, 4, 1), "carried on"),
    ("CPN warning without a comply-by date", Step.CPN, [EarlierStep(Step.CPW, D(2026, 3, 1), None, True)], ADULT,
     D(2026, 4, 1), "comply by"),
    ("CPN after a breached warning", Step.CPN, [CPW], ADULT, D(2026, 4, 1), None),
    ("CPN for a 15-year-old", Step.CPN, [CPW], Subject(age=15), D(2026, 4, 1), "16 or over"),
    ("CPW for a business", Step.CPW, [], Subject(is_business=True), D(2026, 4, 1), None),
    ("CPW with the age unknown", Step.CPW, [], Subject(), D(2026, 4, 1), "Record the person's age"),
    ("fixed penalty with no breached notice", Step.FIXED_PENALTY, [CPW], ADULT, D(2026, 4, 1), "breached"),
    ("fixed penalty after a breached CPN", Step.FIXED_PENALTY,
     [CPW, EarlierStep(Step.CPN, D(2026, 4, 1), breached=True)], ADULT, D(2026, 5, 1), None),
    ("CBO without a conviction", Step.CBO, [], ADULT, D(2026, 4, 1), "on conviction"),
    ("CBO on conviction", Step.CBO, [], Subject(age=19, convicted=True), D(2026, 4, 1), None),
    ("civil injunction for a 9-year-old", Step.INJUNCTION, [], Subject(age=9), D(2026, 4, 1), "10 or over"),
    ("civil injunction for a 10-year-old", Step.INJUNCTION, [], Subject(age=10), D(2026, 4, 1), None),
    ("ABC for a 12-year-old", Step.ABC, [], Subject(age=12), D(2026, 4, 1), None),
    ("closure order with no notice", Step.CLOSURE_ORDER, [], ADULT, D(2026, 4, 1), "closure notice"),
    ("closure order heard in time", Step.CLOSURE_ORDER, [EarlierStep(Step.CLOSURE_NOTICE, D(2026, 4, 1))], ADULT,
     D(2026, 4, 2), None),
    ("closure order too late", Step.CLOSURE_ORDER, [EarlierStep(Step.CLOSURE_NOTICE, D(2026, 4, 1))], ADULT,
     D(2026, 4, 6), "48 hours"),
    ("mediation has no preconditions", Step.MEDIATION, [], Subject(), D(2026, 4, 1), None),
]


@pytest.mark.parametrize(("name", "step", "history", "subject", "on", "missing"), CASES, ids=[c[0] for c in CASES])
def test_preconditions(name: str, step: str, history: list, subject: Subject, on: date, missing: str | None) -> None:
    found = missing_preconditions(step, history, subject, on)
    if missing is None:
        assert found == []
    else:
        assert any(missing in text for text in found), found
