"""Anonymising a person: the row stays (so case and incident counts still add up), the personal data goes.

``anonymise_person`` is also called by subject-rights erasure. It does not audit: the caller records the
event that says why the person was anonymised.
"""

from access.models import SharingBasis
from core.models import Person

ANONYMISED_PERSON = "Anonymised person"
# Fields blanked on anonymisation. Gender is kept: on its own it identifies nobody, and the partnership
# reports victims by gender (VAWG), so the figures keep adding up.
PERSON_TEXT_FIELDS = (
    "family_name",
    "other_names",
    "address",
    "postcode",
    "phone",
    "email",
    "safe_contact",
    "vulnerabilities",
)


def anonymise_person(person: Person) -> None:
    """Blank the person's names, date of birth, contact details and notes, mark the row as anonymised, and
    blank the free-text explanations of their sharing bases. The caller audits, and supplies the transaction."""
    person.given_name = ANONYMISED_PERSON
    for name in PERSON_TEXT_FIELDS:
        setattr(person, name, "")
    person.date_of_birth = None
    person.save(update_fields=["given_name", "date_of_birth", *PERSON_TEXT_FIELDS, "updated_at"])
    SharingBasis.objects.filter(person=person).exclude(explanation="").update(explanation="")


def is_anonymised(person: Person) -> bool:
    return person.given_name == ANONYMISED_PERSON and not person.family_name
