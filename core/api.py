"""The partner API's cases and incidents (mounted by csphub.api under /api/v1/).

Every operation runs as the API key's actor (``request.actor``) and goes through access.policy: lists
start from its scoped querysets, single records from its gates. A case the key may not see and a case
that does not exist give the same 404. Reads and writes are audited.
"""

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Annotated, Any

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.responses import Status
from pydantic import AfterValidator, AwareDatetime, StringConstraints, field_validator

from access.gates import access_case
from access.policy import (
    SENSITIVE_PERSON_FIELDS,
    Actor,
    can,
    team_cases,
    visible_cases,
    visible_incidents,
    visible_person_fields,
)
from audit.log import record
from audit.models import AuditAction
from core.actions import do_record_incident
from core.kinds import restricted_kind_codes
from core.models import Case, CaseParticipant, CaseStatus, Incident, IncidentCategory

PAGE_SIZE = 50
MAX_PAGE = 10_000
# Partner clocks drift; an incident "a moment from now" is a clock, not a prophecy.
CLOCK_TOLERANCE = timedelta(minutes=5)
EARLIEST_INCIDENT = datetime(1900, 1, 1, tzinfo=UTC)

router = Router(tags=["partner API"])


# --- Input --------------------------------------------------------------------------------------------


def _storable(value: str) -> str:
    """Refuse text a database cannot store (PostgreSQL rejects NUL; nothing stores lone surrogates)."""
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


def _text(min_length: int, max_length: int) -> StringConstraints:
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Storable = AfterValidator(_storable)
CaseReference = Annotated[str, _text(1, 32), Storable]
Description = Annotated[str, _text(1, 10_000), Storable]
LocationText = Annotated[str, _text(0, 200), Storable]
ExternalReference = Annotated[str, _text(0, 64), Storable]
KindCode = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


class CaseFilters(Schema):
    status: CaseStatus | None = None
    kind: KindCode | None = None


class IncidentIn(Schema):
    occurred_at: AwareDatetime
    category: IncidentCategory
    description: Description
    location_text: LocationText = ""
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    external_reference: ExternalReference = ""
    case_references: list[CaseReference] = Field(default_factory=list, max_length=20)

    @field_validator("occurred_at")
    @classmethod
    def _in_the_past(cls, value: datetime) -> datetime:
        try:
            value = value.astimezone(UTC)
        except OverflowError:
            raise ValueError("is outside the dates we can record") from None
        if value > timezone.now() + CLOCK_TOLERANCE:
            raise ValueError("must not be in the future")
        if value < EARLIEST_INCIDENT:
            raise ValueError("must be after 1900")
        return value


class Pages(PageNumberPagination):
    """Fixed-size pages; the page number is bounded so an absurd one is a 422, not a database error."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)

    def paginate_queryset(
        self, queryset: QuerySet, pagination: Input, request: HttpRequest, **params: Any
    ) -> Any:
        offset = (pagination.page - 1) * self.page_size
        return {"items": queryset[offset : offset + self.page_size], "count": queryset.count()}


# The page asked for reaches the view as kwargs["pages"], for the audit trail.
paginated = paginate(Pages, page_size=PAGE_SIZE, pass_parameter="pages")  # noqa: S106 - not a password


# --- Output -------------------------------------------------------------------------------------------


class NotFound(Schema):
    """The answer for a record that does not exist and for one the key may not see alike."""

    detail: str


class CaseSummary(Schema):
    reference: str
    kind: str
    title: str
    status: str
    risk_level: str
    lead_agency: str
    opened_on: date
    closed_on: date | None
    restricted: bool

    @staticmethod
    def resolve_lead_agency(obj: Case) -> str:
        return obj.lead_agency.name

    @staticmethod
    def resolve_restricted(obj: Case) -> bool:
        return obj.restricted or obj.kind in restricted_kind_codes()


class ParticipantOut(Schema):
    """A person on the case. The sensitive fields are null unless the key's agency may see them."""

    role: str
    person_id: uuid.UUID
    given_name: str
    family_name: str
    date_of_birth: date | None = None
    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    safe_contact: str | None = None
    vulnerabilities: str | None = None


class CaseDetail(CaseSummary):
    participants: list[ParticipantOut]

    @staticmethod
    def resolve_participants(obj: Case) -> list[ParticipantOut]:
        return obj.participants_shown  # type: ignore[attr-defined]  # set by get_case, which knows the actor


class IncidentOut(Schema):
    id: uuid.UUID
    occurred_at: datetime
    category: str
    description: str
    location_text: str
    latitude: float | None
    longitude: float | None
    external_reference: str
    source_agency: str
    case_references: list[str]

    @staticmethod
    def resolve_id(obj: Incident) -> uuid.UUID:
        return obj.public_id

    @staticmethod
    def resolve_source_agency(obj: Incident) -> str:
        return obj.source_agency.name

    @staticmethod
    def resolve_case_references(obj: Incident) -> list[str]:
        # Only the cases the caller may see: a link must not reveal that a restricted case exists.
        return sorted(case.reference for case in obj.visible_cases)  # type: ignore[attr-defined]


# --- Reads and writes ---------------------------------------------------------------------------------


def _participant(participant: CaseParticipant, shown: set[str]) -> ParticipantOut:
    person = participant.person
    return ParticipantOut(
        role=participant.role,
        person_id=person.public_id,
        given_name=person.given_name,
        family_name=person.family_name,
        **{name: getattr(person, name) for name in SENSITIVE_PERSON_FIELDS if name in shown},
    )


def scoped_incidents(actor: Actor) -> QuerySet[Incident]:
    return (
        visible_incidents(actor)
        .select_related("source_agency")
        .prefetch_related(Prefetch("cases", queryset=visible_cases(actor), to_attr="visible_cases"))
        .order_by("-occurred_at", "-id")
    )


def _cases_to_add_to(actor: Actor, references: list[str]) -> list[Case]:
    """The cases an incident is to be linked to; any the key's agency may not add to is a plain 404."""
    wanted = set(references)
    cases = list(team_cases(actor).filter(reference__in=wanted))
    if len(cases) != len(wanted) or not all(can(actor, "add_to_case", case) for case in cases):
        raise Http404
    return cases


def _coordinate(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 6)))


@router.get("/cases", response=list[CaseSummary], summary="Cases the agency works on")
@paginated
def list_cases(request: HttpRequest, filters: Query[CaseFilters], **kwargs: Any) -> QuerySet[Case]:
    actor = request.actor  # type: ignore[attr-defined]
    cases = visible_cases(actor).select_related("lead_agency").order_by("-opened_on", "-id")
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    page = kwargs["pages"].page
    record(actor, AuditAction.VIEW, object_type="core.case", reason=f"api list, page {page}")
    return cases


@router.get(
    "/cases/{reference}", response={200: CaseDetail, 404: NotFound}, summary="One case and its people"
)
def get_case(request: HttpRequest, reference: str) -> Case:
    actor = request.actor  # type: ignore[attr-defined]
    if len(reference) > 32 or "\x00" in reference:
        raise Http404
    case = access_case(actor, reference)
    shown = visible_person_fields(actor, case)
    participants = case.participants.select_related("person").order_by("role", "added_at", "id")
    record(actor, AuditAction.VIEW, case, reason="api" + (", with sensitive details" if shown else ""))
    shown_participants = [_participant(participant, shown) for participant in participants]
    case.participants_shown = shown_participants  # type: ignore[attr-defined]
    return case


@router.post("/incidents", response={201: IncidentOut, 404: NotFound}, summary="Record an incident")
def create_incident(request: HttpRequest, payload: IncidentIn) -> Status:
    actor = request.actor  # type: ignore[attr-defined]
    cases = _cases_to_add_to(actor, payload.case_references)
    incident = do_record_incident(
        acting=actor,
        cases=cases,
        occurred_at=payload.occurred_at,
        category=payload.category,
        description=payload.description,
        location_text=payload.location_text,
        latitude=_coordinate(payload.latitude),
        longitude=_coordinate(payload.longitude),
        external_reference=payload.external_reference,
        source_agency=actor.api_key.agency,
    )
    incident.visible_cases = cases  # type: ignore[attr-defined]
    return Status(201, incident)


@router.get("/incidents", response=list[IncidentOut], summary="Incidents the agency may see")
@paginated
def list_incidents(request: HttpRequest, **kwargs: Any) -> QuerySet[Incident]:
    actor = request.actor  # type: ignore[attr-defined]
    page = kwargs["pages"].page
    record(actor, AuditAction.VIEW, object_type="core.incident", reason=f"api list, page {page}")
    return scoped_incidents(actor)


@router.get("/incidents/{public_id}", response={200: IncidentOut, 404: NotFound}, summary="One incident")
def get_incident(request: HttpRequest, public_id: uuid.UUID) -> Incident:
    actor = request.actor  # type: ignore[attr-defined]
    incident = scoped_incidents(actor).filter(public_id=public_id).first()
    if incident is None:
        raise Http404
    record(actor, AuditAction.VIEW, incident, reason="api")
    return incident
