"""The repeat-victim rule: default 3 or more incidents affecting the same person or address in a rolling 12 months."""

from datetime import UTC, datetime

import pytest

from asb.config import AsbConfig
from asb.rules.repeat import IncidentFacts, effect_of_intervention, repeat_flag_for, repeat_victims


def at(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 12, tzinfo=UTC)


def inc(n: int, when: datetime, *keys: str) -> IncidentFacts:
    return IncidentFacts(n, when, frozenset(keys))


CASES = [
    ("third incident in 12 months flags the person", [inc(1, at(2026, 1, 5), "person:1"),
                                                      inc(2, at(2026, 6, 1), "person:1")],
     inc(3, at(2026, 12, 1), "person:1"), AsbConfig(), {"person:1": (1, 2, 3)}),
    ("the first incident fell out of the rolling window", [inc(1, at(2025, 11, 30), "person:1"),
                                                           inc(2, at(2026, 6, 1), "person:1")],
     inc(3, at(2026, 12, 1), "person:1"), AsbConfig(), {}),
    ("same address, different people", [inc(1, at(2026, 1, 5), "address:12 high street", "person:7"),
                                        inc(2, at(2026, 2, 5), "address:12 high street", "person:8")],
     inc(3, at(2026, 3, 1), "address:12 high street"), AsbConfig(), {"address:12 high street": (1, 2, 3)}),
    ("two is not a repeat under the default", [inc(1, at(2026, 1, 5), "person:1")],
     inc(2, at(2026, 2, 1), "person:1"), AsbConfig(), {}),
    ("a partnership that counts two (Bedfordshire: more than one)", [inc(1, at(2026, 1, 5), "person:1")],
     inc(2, at(2026, 2, 1), "person:1"), AsbConfig(repeat_min_incidents=2), {"person:1": (1, 2)}),
    ("other people's incidents do not count", [inc(1, at(2026, 1, 5), "person:2"), inc(2, at(2026, 1, 6), "person:2")],
     inc(3, at(2026, 2, 1), "person:1"), AsbConfig(), {}),
]


@pytest.mark.parametrize(("name", "earlier", "new", "config", "expected"), CASES, ids=[c[0] for c in CASES])
def test_repeat_flag_as_incident_arrives(name: str, earlier: list, new: IncidentFacts, config: AsbConfig,
                                         expected: dict) -> None:
    flags = repeat_flag_for(new, earlier, config)
    assert {f.key: f.incident_ids for f in flags} == expected


def test_batch_finds_the_first_window() -> None:
    incidents = [inc(1, at(2024, 1, 1), "person:1"), inc(2, at(2025, 6, 1), "person:1"),
                 inc(3, at(2025, 7, 1), "person:1"), inc(4, at(2025, 8, 1), "person:1")]
    assert repeat_victims(incidents, AsbConfig()) == {"person:1": (2, 3, 4)}


def test_effect_of_intervention_counts_before_and_after() -> None:
    times = [at(2026, 1, 1), at(2026, 2, 1), at(2026, 3, 1), at(2026, 5, 1), at(2026, 9, 1)]
    assert effect_of_intervention(at(2026, 3, 15), times, 90) == (3, 1)
