"""The hate reporting rules: pure functions, data in, answer (and the reason) out. No request, no writes.

Numbers come from settings with the defaults from the domain notes, so a partnership can change them:
``HATE_CRIME_ACK_WORKING_DAYS`` (2), ``HATE_CRIME_REPEAT_WINDOW_DAYS`` (365, "within 12 months"),
``HATE_CRIME_LOCAL_STRANDS`` (extra strands the partnership records locally), ``HATE_CRIME_SMALL_NUMBER`` (5).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import holidays
from django.conf import settings
from django.utils.translation import gettext_lazy as _

# The five strands monitored nationally (College of Policing; the annual data return).
MONITORED_STRANDS: list[tuple[str, Any]] = [
    ("race", _("Race or ethnicity")),
    ("religion", _("Religion or belief")),
    ("sexual_orientation", _("Sexual orientation")),
    ("disability", _("Disability")),
    ("transgender", _("Transgender identity")),
]
DEFAULT_LOCAL_STRANDS: list[tuple[str, str]] = [
    ("sex_gender", "Sex or gender"),
    ("alternative_subculture", "Alternative subculture (for example goth or emo)"),
]
NOT_SURE = ("not_sure", _("I am not sure"))

INCIDENT_TYPES: list[tuple[str, Any]] = [
    ("verbal_abuse", _("Shouting, name-calling or insults")),
    ("threats", _("Threats")),
    ("physical_assault", _("Physical attack")),
    ("damage", _("Damage to property")),
    ("graffiti", _("Graffiti, posters or stickers")),
    ("online_abuse", _("Abuse online or by message")),
    ("harassment", _("Harassment (it keeps happening)")),
    ("other", _("Something else")),
]

HELP_WANTED: list[tuple[str, Any]] = [
    ("victim_support", _("Referral to a victim support service")),
    ("advice", _("Advice about staying safe")),
    ("someone_to_talk_to", _("Someone to talk to")),
    ("nothing", _("I do not want any help at the moment")),
]


def setting(name: str, default: Any) -> Any:  # noqa: ANN401 - settings are any type
    return getattr(settings, name, default)


def strand_choices() -> list[tuple[str, Any]]:
    """The monitored strands, then the partnership's local strands, then "not sure"."""
    local = setting("HATE_CRIME_LOCAL_STRANDS", DEFAULT_LOCAL_STRANDS)
    return [*MONITORED_STRANDS, *local, NOT_SURE]


def strand_label(code: str) -> str:
    return str(dict(strand_choices()).get(code, code.replace("_", " ").capitalize()))


# --- Postcodes and localities -------------------------------------------------------------------------

POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def normalise_postcode(typed: str) -> str | None:
    """A UK postcode written the standard way ("CA1 1AA"), or None if it is not one."""
    compact = "".join(typed.split()).upper()
    match = POSTCODE.match(compact)
    return f"{match.group(1)} {match.group(2)}" if match else None


def locality_of(postcode: str, online: bool) -> str:
    """The area a report is counted in: its postcode district (enough for trends, too coarse to identify)."""
    if online:
        return "online"
    return postcode.split(" ")[0] if postcode else ""


# --- Working days and the acknowledgement target ---------------------------------------------------------


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> frozenset[date]:
    # England and Wales share their bank holidays; the library calls the pair "ENG".
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """The date ``days`` working days after ``start`` (a report made on a Friday evening counts from Monday)."""
    day = start
    remaining = days
    while remaining > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def acknowledgement_due(received: date, working_days: int | None = None) -> date:
    if working_days is None:
        working_days = setting("HATE_CRIME_ACK_WORKING_DAYS", 2)
    return add_working_days(received, working_days)


def acknowledgement_overdue(received: date, today: date, acknowledged: bool, working_days: int | None = None) -> bool:
    return not acknowledged and today > acknowledgement_due(received, working_days)


def working_days_between(start: date, end: date) -> int:
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days


# --- Repeat victims ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    """What can tell us two reports are about the same person or address. Empty parts never match."""

    email: str = ""
    phone: str = ""
    address: str = ""


def identity_of(
    *,
    email: str = "",
    phone: str = "",
    location_text: str = "",
    postcode: str = "",
    target_is_reporter_or_property: bool = True,
) -> Identity:
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    # A street name alone is not an address: only a place with a postcode, where the person or their property
    # was targeted, counts as "the same address".
    address = ""
    if postcode and location_text and target_is_reporter_or_property:
        address = re.sub(r"[^a-z0-9]", "", location_text.lower()) + "|" + postcode.replace(" ", "")
    return Identity(email=email.strip().lower(), phone=digits, address=address)


def repeat_victim(
    identity: Identity, earlier: Iterable[tuple[datetime, Identity]], now: datetime, window_days: int | None = None
) -> tuple[bool, str]:
    """Is this the same person or address as a report in the last 12 months (configurable)?"""
    if window_days is None:
        window_days = setting("HATE_CRIME_REPEAT_WINDOW_DAYS", 365)
    since = now - timedelta(days=window_days)
    for when, other in earlier:
        if when < since:
            continue
        for part, label in (("email", "email address"), ("phone", "phone number"), ("address", "address")):
            mine = getattr(identity, part)
            if mine and mine == getattr(other, part):
                return True, f"same {label} as a report within {window_days} days"
    return False, "no earlier report matches"


# --- Routing to the police ------------------------------------------------------------------------------------


def may_route_to_police(consent: str) -> tuple[bool, str]:
    """Reports leave the partnership only with the reporter's consent."""
    if consent == "with_details":
        return True, "consent to share with details"
    if consent == "anonymous":
        return True, "consent to share without name or contact details"
    return False, "no consent to pass the report to the police"


PERSONAL_FIELDS = ("name", "email", "phone", "safe_times", "safe_to_leave_message", "equality")


def police_payload(report: dict[str, Any]) -> dict[str, Any]:
    """What the police receive. With anonymous consent, nothing that identifies the reporter goes."""
    allowed, _reason = may_route_to_police(report["police_consent"])
    if not allowed:
        raise ValueError("no consent to route this report")
    payload = {key: value for key, value in report.items() if key not in PERSONAL_FIELDS}
    if report["police_consent"] == "with_details":
        payload["contact"] = {key: report[key] for key in PERSONAL_FIELDS[:5]}
    return payload


# --- Status and small numbers -------------------------------------------------------------------------------

TRANSITIONS: dict[str, set[str]] = {
    "acknowledge": {"new"},
    "assign": {"new", "acknowledged", "assigned", "with_police"},
    "route": {"new", "acknowledged", "assigned", "with_police"},
    "close": {"new", "acknowledged", "assigned", "with_police"},
    "reopen": {"closed"},
}


def may_transition(transition: str, status: str) -> bool:
    return status in TRANSITIONS.get(transition, set())


def suppress(count: int) -> str:
    """Counts from 1 to 4 (configurable) can identify people, so they are not shown outside casework."""
    small = setting("HATE_CRIME_SMALL_NUMBER", 5)
    return f"fewer than {small}" if 0 < count < small else str(count)


def share(numerator: int, denominator: int) -> str:
    """A percentage, unless it would let someone work out a count from 1 to 4."""
    small = setting("HATE_CRIME_SMALL_NUMBER", 5)
    if denominator == 0:
        return "no reports"
    if 0 < numerator < small or 0 < denominator - numerator < small:
        return "not shown (small numbers)"
    return f"{round(100 * numerator / denominator)}%"
