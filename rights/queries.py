"""Reads for the subject rights screens: the register, the person search, a person's requests."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Model, QuerySet
from django.urls import reverse

from core.models import Person
from rights import rules
from rights.models import ErasureRequest, RectificationRequest, RequestStatus, SubjectAccessRequest

KINDS: dict[type[Model], tuple[str, str]] = {
    SubjectAccessRequest: ("Subject access", "rights:access_request"),
    RectificationRequest: ("Rectification", "rights:rectification_request"),
    ErasureRequest: ("Erasure", "rights:erasure_request"),
}
MAX_SEARCH_RESULTS = 20


@dataclass(frozen=True)
class RegisterRow:
    kind: str
    request: Any
    state: rules.RequestState
    url: str


def detail_url(request: Any) -> str:
    return reverse(KINDS[type(request)][1], args=[request.public_id])


def state_of(request: Any, today: date | None = None) -> rules.RequestState:
    from django.utils import timezone

    return rules.request_state(
        due_on=request.due_on, today=today or timezone.localdate(), complete=request.status == RequestStatus.COMPLETE
    )


def register_rows(today: date) -> list[RegisterRow]:
    """Every request, open ones first by due date, then the completed ones most recent first."""
    rows = []
    for model, (label, _name) in KINDS.items():
        for request in model.objects.select_related("person"):
            rows.append(RegisterRow(label, request, state_of(request, today), detail_url(request)))
    open_rows = sorted((r for r in rows if r.state.code != "complete"), key=lambda r: r.request.due_on)
    done = sorted((r for r in rows if r.state.code == "complete"), key=lambda r: r.request.received_on, reverse=True)
    return open_rows + done


def find_people(*, given_name: str, family_name: str, date_of_birth: date | None, postcode: str) -> list[Person]:
    """People whose first and last names are exactly these (ignoring case), narrowed by birth date and postcode."""
    people: QuerySet[Person] = Person.objects.filter(
        given_name__iexact=given_name.strip(), family_name__iexact=family_name.strip()
    )
    if date_of_birth:
        people = people.filter(date_of_birth=date_of_birth)
    if postcode.strip():
        people = people.filter(postcode__iexact=postcode.strip())
    return list(people.prefetch_related("participations__case")[:MAX_SEARCH_RESULTS])


def requests_for(person: Person) -> dict[str, list]:
    return {
        "access_requests": list(SubjectAccessRequest.objects.filter(person=person)),
        "rectifications": list(RectificationRequest.objects.filter(person=person)),
        "erasures": list(ErasureRequest.objects.filter(person=person)),
    }
