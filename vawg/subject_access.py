"""What the safer spaces app holds about a person, for a subject access export (see rights.registry).

Unsafe-place reports are anonymous: no name, contact, IP address or exact time is kept, so none can be linked
to a person. Venues and campaigns hold no personal data. The section says so, so the response can too.
"""

from core.models import Person
from rights.registry import Section, register_source


def sections(person: Person) -> list[Section]:
    return [
        Section(
            "vawg",
            "Unsafe place reports",
            [],
            note="Unsafe place reports are anonymous: nothing in them can be linked to a person, so none "
            "is included. Venue and campaign records hold no personal data.",
        )
    ]


register_source("vawg", sections, order=50)
