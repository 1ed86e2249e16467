"""The registry of subject-access sources: what each app holds about a person.

Each app declares, in ``<app>/subject_access.py`` (imported by ``RightsConfig.ready``)::

    from rights.registry import register_source

    def sections(person: Person) -> list[Section]: ...

    register_source("asb", sections, order=20)

Everything found about another person (another participant, a name of someone else in free text, a member of
staff) is marked ``third_party`` with the reason, so the export shows it for redaction review and never as if
it were the subject's own. ``SubjectContext`` gives sources the other people to look for, and
``records_section`` builds the usual section: one item for each record of a kind, with the entries shown.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.models import Case, Person
from rights import rules

ANOTHER_PERSON = "About another person"
NAMES_ANOTHER_PERSON = "Names another person"
STAFF_NAME = "Member of staff"
MATCHED_BY_CONTACT = "Found by the subject's email or phone: check it is theirs"
MATCHED_BY_NAME = "Found by the subject's name in free text: check it is about them"

Record = TypeVar("Record", bound=models.Model)


@dataclass
class Entry:
    """One field or piece of free text of a record."""

    label: str
    value: str
    third_party: bool = False
    reason: str = ""
    free_text: bool = False
    staff: bool = False  # a member of staff's name: marked for review only when the partnership's policy says

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "value": self.value,
            "free_text": self.free_text,
            "staff": self.staff,
            "third_party": self.third_party,
            "reason": self.reason,
        }


@dataclass
class Item:
    """One record that relates to the subject."""

    title: str
    record_type: str
    record_id: str
    entries: list[Entry] = field(default_factory=list)
    about_another_person: bool = False
    reason: str = ""

    @property
    def third_party(self) -> bool:
        return self.about_another_person or any(entry.third_party for entry in self.entries)

    @property
    def review_reasons(self) -> list[str]:
        reasons = [self.reason] if self.reason else []
        return reasons + [e.reason for e in self.entries if e.third_party and e.reason and e.reason not in reasons]

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "record": {"type": self.record_type, "id": self.record_id},
            "third_party": self.third_party,
            "review_reasons": sorted(set(self.review_reasons)),
            "entries": [entry.as_json() for entry in self.entries],
        }


@dataclass
class Section:
    source: str
    title: str
    items: list[Item] = field(default_factory=list)
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "note": self.note,
            "items": [item.as_json() for item in self.items],
        }


SectionSource = Callable[[Person], list[Section]]
TrailSource = Callable[[Person, set[tuple[str, str]]], list[Section]]


@dataclass(frozen=True)
class RegisteredSource:
    key: str
    sections: SectionSource
    order: int


SOURCES: dict[str, RegisteredSource] = {}
TRAIL_SOURCES: dict[str, TrailSource] = {}


def register_source(key: str, sections: SectionSource, *, order: int = 50) -> None:
    """An app's records about a person. Registering the same key again replaces it (module reloads)."""
    SOURCES[key] = RegisteredSource(key, sections, order)


def register_trail_source(key: str, sections: TrailSource) -> None:
    """Records about the records found (the audit trail): called last, with every (type, id) found."""
    TRAIL_SOURCES[key] = sections


def collect(person: Person) -> list[Section]:
    """Every section every app holds about ``person``, then the trail about those records."""
    found: list[Section] = []
    for source in sorted(SOURCES.values(), key=lambda s: (s.order, s.key)):
        found.extend(source.sections(person))
    # The trail of records about someone else would tell the subject about that person: left out.
    records = {
        (item.record_type, item.record_id)
        for section in found
        for item in section.items
        if not item.about_another_person
    }
    records.add((Person._meta.label_lower, str(person.pk)))
    for key in sorted(TRAIL_SOURCES):
        found.extend(TRAIL_SOURCES[key](person, records))
    return found


# --- Helpers for the sources -------------------------------------------------------------------------------


def show(value: Any) -> str:
    """A value as the subject would read it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d %B %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d %B %Y")
    if isinstance(value, list | tuple):
        return ", ".join(show(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {show(v)}" for k, v in value.items())
    return str(value)


def staff_name(user: Any) -> str:
    if user is None:
        return ""
    return getattr(user, "full_name", "") or getattr(user, "email", "") or str(user)


class SubjectContext:
    """The subject, their cases, and the other people whose names must not pass as the subject's."""

    def __init__(self, person: Person) -> None:
        self.person = person

    @cached_property
    def case_ids(self) -> list[int]:
        return list(Case.objects.filter(participants__person=self.person).values_list("pk", flat=True).distinct())

    @cached_property
    def other_people(self) -> list[Person]:
        linked = models.Q(participations__case_id__in=self.case_ids) | models.Q(incidents__people=self.person)
        return list(Person.objects.filter(linked).exclude(pk=self.person.pk).distinct())

    @cached_property
    def other_words(self) -> set[str]:
        subject = self.person
        own = (subject.given_name, subject.family_name, subject.other_names)
        others = [(p.given_name, p.family_name, p.other_names) for p in self.other_people]
        return rules.other_people_words(own, others)

    @cached_property
    def emails(self) -> set[str]:
        email = rules.normalise_email(self.person.email)
        return {email} if email else set()

    @cached_property
    def phones(self) -> set[str]:
        phone = rules.normalise_phone(self.person.phone)
        return {phone} if phone else set()

    def contact_matches(self, *, email: str = "", phone: str = "") -> bool:
        return (bool(email) and rules.normalise_email(email) in self.emails) or (
            bool(phone) and rules.normalise_phone(phone) in self.phones
        )

    def field(self, label: str, value: Any) -> Entry:
        return Entry(str(label), show(value))

    def text(self, label: str, value: str) -> Entry:
        """Free text: marked when it names another person linked to the subject's records."""
        names_other = rules.mentions_any(value, self.other_words)
        return Entry(
            str(label),
            value or "",
            third_party=names_other,
            reason=NAMES_ANOTHER_PERSON if names_other else "",
            free_text=True,
        )

    def staff(self, label: str, user: Any) -> Entry:
        return staff_entry(label, staff_name(user))

    def other_person(self, label: str, person: Person | None) -> Entry:
        if person is None:
            return Entry(str(label), "")
        if person.pk == self.person.pk:
            return Entry(str(label), "You")
        return Entry(str(label), person.full_name, third_party=True, reason=ANOTHER_PERSON)


def staff_entry(label: str, name: str) -> Entry:
    """A member of staff's name: always labelled as staff, and marked for review when
    ``settings.SAR_REVIEW_STAFF_NAMES`` (``CSPHUB_SAR_REVIEW_STAFF_NAMES``) says staff names need it."""
    review = bool(name) and settings.SAR_REVIEW_STAFF_NAMES
    return Entry(str(label), name, third_party=review, reason=STAFF_NAME if review else "", staff=bool(name))


def item_for(
    obj: models.Model, title: str, entries: Iterable[Entry], *, about_another_person: bool = False, reason: str = ""
) -> Item:
    """An item for a stored record, keyed as the audit trail keys it (``app.model``, primary key)."""
    return Item(
        title=title,
        record_type=obj._meta.label_lower,
        record_id=str(obj.pk),
        entries=[e for e in entries if e.value != ""],
        about_another_person=about_another_person,
        reason=reason,
    )


def items_for(
    rows: Iterable[Record],
    title_of: Callable[[Record], str],
    entries_of: Callable[[Record], Iterable[Entry]],
    *,
    reason: str = "",
) -> list[Item]:
    """An item for each record in ``rows``, titled and filled in by the two functions (see ``item_for``)."""
    return [item_for(row, title_of(row), entries_of(row), reason=reason) for row in rows]


def records_section(
    source: str,
    title: str,
    rows: Iterable[Record],
    title_of: Callable[[Record], str],
    entries_of: Callable[[Record], Iterable[Entry]],
    *,
    note: str = "",
) -> Section:
    """A section with an item for each record in ``rows``: what most sources show about one kind of record."""
    return Section(source, title, items_for(rows, title_of, entries_of), note=note)
