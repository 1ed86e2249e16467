from datetime import date
from decimal import Decimal

import pytest

from strategy import rules


@pytest.mark.parametrize(("value", "target", "higher", "expected"), [
    (45, 40, True, rules.GREEN), (40, 40, True, rules.GREEN), (37, 40, True, rules.AMBER),
    (35, 40, True, rules.RED), (18, 20, False, rules.GREEN), (21.5, 20, False, rules.AMBER),
    (25, 20, False, rules.RED), (None, 20, False, rules.NO_RAG), (5, None, True, rules.NO_RAG),
])
def test_rag(value, target, higher: bool, expected: str) -> None:  # noqa: ANN001
    assert rules.rag(value, target, higher_is_better=higher, amber_margin_percent=10) == expected


@pytest.mark.parametrize(("current", "previous", "higher", "expected"), [
    (10, 8, True, rules.IMPROVING), (10, 8, False, rules.WORSENING), (8, 8, True, rules.STEADY),
    (None, 8, True, rules.NO_TREND), (Decimal("7.5"), Decimal("9"), False, rules.IMPROVING),
])
def test_trend(current, previous, higher: bool, expected: str) -> None:  # noqa: ANN001
    assert rules.trend(current, previous, higher_is_better=higher) == expected


@pytest.mark.parametrize(("day", "start", "end", "label"), [
    (date(2025, 2, 14), date(2025, 1, 1), date(2025, 3, 31), "2025 Q1"),
    (date(2025, 12, 31), date(2025, 10, 1), date(2025, 12, 31), "2025 Q4"),
    (date(2024, 5, 1), date(2024, 4, 1), date(2024, 6, 30), "2024 Q2"),
])
def test_quarters(day: date, start: date, end: date, label: str) -> None:
    assert rules.quarter_start(day) == start
    assert rules.quarter_end(start) == end
    assert rules.quarter_label(start) == label


def test_parse_and_walk_quarters() -> None:
    assert rules.parse_quarter("2025-Q3") == date(2025, 7, 1)
    assert rules.parse_quarter("2025-Q5") is None and rules.parse_quarter("junk") is None
    assert rules.last_quarters(date(2025, 4, 1), 4) == [date(2024, 7, 1), date(2024, 10, 1), date(2025, 1, 1),
                                                         date(2025, 4, 1)]
