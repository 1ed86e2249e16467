"""The Case Review threshold engine with real-world cases (ABCPA 2014 s.104; domain notes section 1)."""

from datetime import date

import pytest

from asb.config import AsbConfig, LocalThreshold
from asb.rules.threshold import Complaint, ThresholdFacts, add_months, decide_threshold

D = date
APPLIED = D(2026, 6, 30)
DEFAULT = AsbConfig()
HATE_1 = AsbConfig(local_thresholds=(LocalThreshold("hate", 1, "hate rule"),))
VULNERABLE_2 = AsbConfig(local_thresholds=(LocalThreshold("vulnerable", 2, "vulnerable rule"),))


def c(behaviour: date, complained: date, agency: str = "Council", ref: str = "",
      source: str = "applicant") -> Complaint:
    return Complaint(behaviour, complained, agency, ref, source)


THREE_GOOD = (c(D(2026, 3, 1), D(2026, 3, 2)), c(D(2026, 4, 1), D(2026, 4, 3)), c(D(2026, 5, 1), D(2026, 5, 1)))

CASES = [
    ("three qualifying complaints", THREE_GOOD, {}, DEFAULT, True, 3),
    ("two is not enough", THREE_GOOD[:2], {}, DEFAULT, False, 2),
    ("complaint exactly one month after the behaviour still qualifies",
     (*THREE_GOOD[:2], c(D(2026, 5, 1), D(2026, 6, 1))), {}, DEFAULT, True, 3),
    ("complaint one month and a day after the behaviour does not",
     (*THREE_GOOD[:2], c(D(2026, 5, 1), D(2026, 6, 2))), {}, DEFAULT, False, 2),
    ("complaint made exactly six months before the application qualifies",
     (*THREE_GOOD[1:], c(D(2025, 12, 29), D(2025, 12, 30))), {}, DEFAULT, True, 3),
    ("complaint six months and a day before the application does not",
     (*THREE_GOOD[1:], c(D(2025, 12, 28), D(2025, 12, 29))), {}, DEFAULT, False, 2),
    ("same incident reported to council, police and landlord counts once",
     (c(D(2026, 3, 1), D(2026, 3, 1), "Council"), c(D(2026, 3, 1), D(2026, 3, 2), "Police"),
      c(D(2026, 3, 1), D(2026, 3, 3), "Housing"), THREE_GOOD[1]), {}, DEFAULT, False, 2),
    ("three incidents each reported to a different agency",
     (c(D(2026, 3, 1), D(2026, 3, 1), "Council"), c(D(2026, 4, 1), D(2026, 4, 2), "Police"),
      c(D(2026, 5, 1), D(2026, 5, 3), "Housing")), {}, DEFAULT, True, 3),
    ("the same complaint listed twice counts once",
     (c(D(2026, 3, 1), D(2026, 3, 1), "Police", "P1"), c(D(2026, 3, 2), D(2026, 3, 2), "Police", "P1"),
      THREE_GOOD[2]), {}, DEFAULT, False, 2),
    ("an incident csphub holds completes the count",
     (*THREE_GOOD[:2], c(D(2026, 5, 20), D(2026, 5, 20), "Police", "X9", "held")), {}, DEFAULT, True, 3),
    ("a held incident the applicant also lists counts once",
     (*THREE_GOOD, c(D(2026, 5, 1), D(2026, 5, 1), "Police", "X9", "held")), {}, DEFAULT, True, 3),
    ("complaint dated after the application does not qualify",
     (*THREE_GOOD[:2], c(D(2026, 6, 30), D(2026, 7, 1))), {}, DEFAULT, False, 2),
    ("hate-motivated: one complaint is enough under a local rule", THREE_GOOD[:1],
     {"hate_motivated": True}, HATE_1, True, 1),
    ("the hate rule does not apply to behaviour that is not hate-motivated", THREE_GOOD[:1], {}, HATE_1, False, 1),
    ("vulnerable victim: two complaints under a local rule", THREE_GOOD[:2], {"vulnerable_victim": True},
     VULNERABLE_2, True, 2),
    ("a partnership that sets five complaints", THREE_GOOD, {}, AsbConfig(threshold_min_complaints=5), False, 3),
]


@pytest.mark.parametrize(("name", "complaints", "extra", "config", "met", "qualifying"), CASES,
                         ids=[case[0] for case in CASES])
def test_threshold_decision(name: str, complaints: tuple, extra: dict, config: AsbConfig, met: bool,
                            qualifying: int) -> None:
    decision = decide_threshold(ThresholdFacts(APPLIED, complaints, **extra), config)
    assert (decision.met, decision.qualifying) == (met, qualifying), "\n".join(decision.lines)


def test_decision_explains_itself_line_by_line() -> None:
    complaints = (*THREE_GOOD[:2], c(D(2026, 5, 1), D(2026, 6, 2)))
    decision = decide_threshold(ThresholdFacts(APPLIED, complaints), DEFAULT)
    assert len(decision.lines) == 4
    assert "more than 1 month(s) after the behaviour" in decision.lines[2]
    assert decision.lines[-1].endswith("threshold not met")


@pytest.mark.parametrize(("start", "months", "expected"), [
    (D(2026, 1, 31), 1, D(2026, 2, 28)), (D(2024, 1, 31), 1, D(2024, 2, 29)), (D(2026, 8, 15), 6, D(2027, 2, 15)),
    (D(2026, 6, 30), -6, D(2025, 12, 30)),
])
def test_add_months_keeps_to_the_end_of_short_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
