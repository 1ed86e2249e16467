"""Pure rules for subject rights: response deadlines, the register's states, and spotting other people."""

import calendar
import re
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

RESPONSE_MONTHS = 1  # UK GDPR Art 12(3): without undue delay and at the latest within one month of receipt
EXTENSION_MONTHS = 2  # ... which may be extended by two further months for complex or numerous requests
DUE_SOON_DAYS = 7
SHORTEST_NAME = 3  # shorter name parts ("Al", "Jo") match too many ordinary words to be a useful signal


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; when that month is shorter, its last day (31 January + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def response_due(received_on: date, *, extended: bool = False) -> date:
    """When the response is due: one calendar month after receipt, or three when extended by two months.

    The extended date counts from receipt, not from the first due date, so a month-end receipt keeps its
    month end (31 January → 30 April, not 28 April)."""
    months = RESPONSE_MONTHS + (EXTENSION_MONTHS if extended else 0)
    return add_months(received_on, months)


class RequestState(NamedTuple):
    code: str  # "complete", "overdue", "due_soon" or "open"
    label: str


def request_state(*, due_on: date, today: date, complete: bool) -> RequestState:
    """Where a request stands in the register."""
    if complete:
        return RequestState("complete", "Complete")
    if today > due_on:
        return RequestState("overdue", "Overdue")
    if (due_on - today).days <= DUE_SOON_DAYS:
        return RequestState("due_soon", "Due soon")
    return RequestState("open", "Open")


def name_parts(*names: str) -> set[str]:
    """The words of a person's names that are long enough to look for in free text, lower-cased."""
    parts = {word.lower() for name in names for word in re.findall(r"[\w'-]+", name or "")}
    return {part for part in parts if len(part) >= SHORTEST_NAME}


def mentions_any(text: str, words: Iterable[str]) -> bool:
    """Does ``text`` contain one of ``words`` as a whole word (ignoring case)? A possessive ("Lee's") counts;
    the end of another name ("Brien" in "O'Brien") does not."""
    words = sorted(words)
    if not text or not words:
        return False
    pattern = r"(?<![\w'-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def other_people_words(subject_names: Iterable[str], others: Iterable[Iterable[str]]) -> set[str]:
    """Words that name someone else: other people's name parts, less any the subject shares (a family name)."""
    own = name_parts(*subject_names)
    words: set[str] = set()
    for names in others:
        words |= name_parts(*names)
    return words - own


def normalise_phone(phone: str) -> str:
    """Digits only, with a UK +44 prefix turned back into 0 (so "+44 7700 900123" = "07700900123")."""
    digits = re.sub(r"\D", "", phone or "")
    if digits.startswith("44") and len(digits) > 10:
        digits = "0" + digits[2:]
    return digits if len(digits) >= 6 else ""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def refusal_problem(*, granted: bool, ground: str, reason: str) -> str:
    """Why an erasure decision cannot be recorded as given, or "" when it can."""
    if granted and ground:
        return "A granted request has no ground for refusal"
    if not granted and not ground:
        return "Select the ground for refusing the request"
    if not granted and not reason.strip():
        return "Explain why the request is refused: the person must be told"
    return ""
