"""Pure rules for tension monitoring, incidents and the rumour register: data in, answer and reason out.

Each docstring says the rule in the partnership's words; the reasons are what a user sees.
"""

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.translation import gettext as _

from tension import config


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""


# --- Levels and trends -----------------------------------------------------------------------------------


def rank(code: str) -> int:
    """The position of a level on the configured scale (1 is calmest); 0 for a code no longer on it."""
    level = config.level_by_code(code)
    return level.rank if level else 0


def trend(before: str, now: str) -> str:
    """Rising, steady or falling, comparing an area's level at the start of a period with its level now."""
    if rank(now) > rank(before):
        return "rising"
    if rank(now) < rank(before):
        return "falling"
    return "steady"


def level_at(history: Iterable[tuple[datetime, str]], moment: datetime, initial: str) -> str:
    """The area's assessed level at a moment: the last assessment made at or before it."""
    level = initial
    for set_at, code in sorted(history, key=lambda row: row[0]):
        if set_at > moment:
            break
        level = code
    return level


def check_new_level(current: str, new: str) -> Decision:
    """A new assessment must use a level on the scale. Re-confirming the same level is allowed: the reason
    still goes into the history, which is how a weekly "no change" is recorded."""
    if config.level_by_code(new) is None:
        return Decision(False, _("Choose a level from the scale"))
    return Decision(True, _("Level confirmed") if new == current else _("Level changed"))


def should_consider_declaring(level: str) -> bool:
    """From the configured rank (default 5, High) the coordinator is prompted to declare an incident."""
    return rank(level) >= config.declare_rank()


def highest_judged(levels: Sequence[str]) -> str:
    """The highest level partners judged in a set of reports, or "" when there are none."""
    return max(levels, key=rank) if levels else ""


# --- High-tension incidents --------------------------------------------------------------------------------


def can_escalate(status: str, current: str, new: str) -> Decision:
    """Escalating moves an active incident to a higher level on the scale."""
    if status != "active":
        return Decision(False, _("This incident has been stood down"))
    if config.level_by_code(new) is None:
        return Decision(False, _("Choose a level from the scale"))
    if rank(new) <= rank(current):
        return Decision(False, _("Choose a level higher than the current level"))
    return Decision(True)


def can_stand_down(status: str) -> Decision:
    """Only an active incident can be stood down; the record stays for the partnership's learning."""
    if status != "active":
        return Decision(False, _("This incident has already been stood down"))
    return Decision(True)


MAX_DUE_HOURS = 24 * 14


def due_at(start: datetime, hours: int) -> datetime:
    """Rapid-response actions are due a number of hours from now (1 to 336: two weeks)."""
    if not 1 <= hours <= MAX_DUE_HOURS:
        raise ValueError(_("Enter a number of hours from 1 to %(max)s") % {"max": MAX_DUE_HOURS})
    return start + timedelta(hours=hours)


def alert_recipients(contacts: Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """One alert per partner agency: the first address given for each agency; partners without one are
    left out (and shown on the call list as not alertable)."""
    seen: dict[int, str] = {}
    for agency_id, address in contacts:
        if address and agency_id not in seen:
            seen[agency_id] = address
    return list(seen.items())


# --- Rumours --------------------------------------------------------------------------------------------

RISK_ORDER = {"high": 0, "medium": 1, "low": 2}
TREND_ORDER = {"rising": 0, "steady": 1, "falling": 2}
RUMOUR_TRANSITIONS = {
    "monitoring": {"countering", "subsided"},
    "countering": {"subsided", "monitoring"},
    "subsided": {"monitoring"},  # it has come back
}


def rumour_transition(current: str, target: str, *, verified: bool, counter_message_approved: bool) -> Decision:
    """Monitoring → countering needs verified facts and a reviewed counter-message, so nothing unchecked is
    published. A subsided claim that resurfaces goes back to monitoring."""
    if target == current:
        return Decision(True, _("Status unchanged"))
    if target not in RUMOUR_TRANSITIONS.get(current, set()):
        return Decision(False, _("A claim cannot move from %(a)s to %(b)s") % {"a": current, "b": target})
    if target == "countering" and not verified:
        return Decision(False, _("Record the verified facts and who verified them before countering"))
    if target == "countering" and not counter_message_approved:
        return Decision(False, _("The counter-message must be reviewed by the coordinator before it is published"))
    return Decision(True)


def is_spreading(status: str, trend_code: str, last_seen: datetime, now: datetime) -> bool:
    """Spreading now: not subsided, and rising or seen within the configured window (default 72 hours)."""
    if status == "subsided":
        return False
    recent = now - last_seen <= timedelta(hours=config.spreading_window_hours())
    return trend_code == "rising" or recent


def spreading_order(risk: str, trend_code: str, reach: int) -> tuple[int, int, int]:
    """Highest risk first, then rising before steady, then the widest reach."""
    return (RISK_ORDER.get(risk, 9), TREND_ORDER.get(trend_code, 9), -reach)


# --- Places ---------------------------------------------------------------------------------------------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); precise enough for "is this in the town"."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def in_area(location_text: str, point: tuple[float, float] | None, terms: Sequence[str],
            centre: tuple[float, float] | None, radius_km: float) -> bool:
    """An incident is in an area when its map point is within the radius of the area's centre, or (with no
    point) when its location text names one of the area's places as a whole word."""
    if point is not None and centre is not None:
        return distance_km(*point, *centre) <= radius_km
    text = location_text.lower()
    return any(re.search(rf"\b{re.escape(term.lower())}\b", text) for term in terms if term)


# --- Personal data in free text ---------------------------------------------------------------------------

_PERSONAL_DATA_PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "an email address"),
    (re.compile(r"(?<!\d)(?:\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}(?!\d)"), "a mobile phone number"),
    (re.compile(r"(?<!\d)0[1-3]\d{2,3}\s?\d{3}\s?\d{3,4}(?!\d)"), "a phone number"),
    (re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE), "a full postcode"),
    (re.compile(r"\b\d{1,4}[a-z]?\s+[A-Z][a-z]+\s+(?:Street|Road|Lane|Avenue|Close|Drive|Terrace|Crescent|Way)\b"),
     "a house number and street"),
    (re.compile(r"(?<![\w.])@[A-Za-z0-9_]{3,}"), "a social media handle"),
)


def personal_data_found(text: str) -> list[str]:
    """What looks like a private individual's personal data in free text. Tension reports may name groups,
    never people's contact details, addresses or accounts; names cannot be detected, so the form says so."""
    found = []
    for pattern, what in _PERSONAL_DATA_PATTERNS:
        if pattern.search(text or "") and what not in found:
            found.append(what)
    return found
