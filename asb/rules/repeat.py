"""Repeat victims: N or more incidents affecting the same person or address within a rolling window."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from asb.config import AsbConfig


@dataclass(frozen=True)
class IncidentFacts:
    incident_id: int
    occurred_at: datetime
    victim_keys: frozenset[str]  # "person:<id>" and/or "address:<normalised address>"


@dataclass(frozen=True)
class RepeatFlag:
    key: str
    incident_ids: tuple[int, ...]  # the incidents in the window that triggered the flag
    reason: str


def repeat_flag_for(new: IncidentFacts, earlier: Iterable[IncidentFacts], config: AsbConfig) -> list[RepeatFlag]:
    """Flags raised as ``new`` arrives: for each of its victim keys, the incidents in the window ending at it."""
    window_start = new.occurred_at - timedelta(days=config.repeat_window_days)
    flags = []
    by_key: dict[str, list[IncidentFacts]] = defaultdict(list)
    for incident in earlier:
        if window_start <= incident.occurred_at <= new.occurred_at and incident.incident_id != new.incident_id:
            for key in incident.victim_keys & new.victim_keys:
                by_key[key].append(incident)
    for key in sorted(new.victim_keys):
        in_window = sorted(by_key.get(key, []), key=lambda i: i.occurred_at) + [new]
        if len(in_window) >= config.repeat_min_incidents:
            flags.append(RepeatFlag(key, tuple(i.incident_id for i in in_window), (
                f"{len(in_window)} incidents affecting the same {key.split(':')[0]} within "
                f"{config.repeat_window_days} days (the rule is {config.repeat_min_incidents} or more)")))
    return flags


def repeat_victims(incidents: Iterable[IncidentFacts], config: AsbConfig) -> dict[str, tuple[int, ...]]:
    """Every key that is a repeat victim at any point, with the first window that made it one (batch form)."""
    by_key: dict[str, list[IncidentFacts]] = defaultdict(list)
    for incident in incidents:
        for key in incident.victim_keys:
            by_key[key].append(incident)
    window = timedelta(days=config.repeat_window_days)
    flagged: dict[str, tuple[int, ...]] = {}
    n = config.repeat_min_incidents
    for key, items in by_key.items():
        if len(items) < n:
            continue
        items.sort(key=lambda i: i.occurred_at)
        for end in range(n - 1, len(items)):
            if items[end].occurred_at - items[end - n + 1].occurred_at <= window:
                flagged[key] = tuple(i.incident_id for i in items[end - n + 1:end + 1])
                break
    return flagged


def effect_of_intervention(on: datetime, incident_times: Iterable[datetime], window_days: int) -> tuple[int, int]:
    """Incidents affecting the victim in the ``window_days`` before and after an intervention."""
    window = timedelta(days=window_days)
    before = after = 0
    for when in incident_times:
        if on - window <= when < on:
            before += 1
        elif on <= when <= on + window:
            after += 1
    return before, after
