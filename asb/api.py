"""The partner API's ASB incidents (mounted by csphub.api under /api/v1/asb/).

A partner system records an ASB incident with its victim (a person and/or the address affected) and the
alleged perpetrators; the repeat-victim rule runs as it arrives, exactly as for the staff form, because both
go through asb.actions.incidents.do_record_asb_incident. Reads start from access.policy.visible_incidents, so
an incident the key may not see and one that does not exist give the same 404. Every read and write is audited.

Answers carry no victim's name or address: the partner system sent them, and anyone else who needs them signs
in to csphub, where the case's sharing rules apply.
"""

import uuid
from datetime import UTC, date
from typing import Annotated, Any, Literal

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.responses import Status
from pydantic import field_validator, model_validator

from access.policy import Actor, can
from asb.actions.incidents import do_record_asb_incident
from asb.models import AsbType, RepeatVictimFlag
from audit.log import record
from audit.models import AuditAction
from core.api import (
    Description,
    IncidentIn,
    IncidentOut,
    NotFound,
    Storable,
    _cases_to_add_to,
    _coordinate,
    _text,
    paginated,
    scoped_incidents,
)
from core.models import Incident

router = Router(tags=["ASB incidents"])

EARLIEST_BIRTH = date(1900, 1, 1)
AsbCategory = Literal["asb_personal", "asb_nuisance", "asb_environmental"]
Name = Annotated[str, _text(1, 100), Storable]
OptionalName = Annotated[str, _text(0, 100), Storable]
Address = Annotated[str, _text(0, 300), Storable]
Postcode = Annotated[str, _text(0, 10), Storable]
PerpetratorText = Annotated[str, _text(0, 10_000), Storable]


# --- Input --------------------------------------------------------------------------------------------


class VictimIn(Schema):
    """The person affected. Their address is the incident's ``victim_address``: one address, entered once."""

    given_name: Name
    family_name: OptionalName = ""
    date_of_birth: date | None = None

    @field_validator("date_of_birth")
    @classmethod
    def _a_real_birthday(cls, value: date | None) -> date | None:
        if value is not None and not EARLIEST_BIRTH <= value <= timezone.localdate():
            raise ValueError("must be a date between 1900 and today")
        return value


class AsbIncidentIn(IncidentIn):
    """An ASB incident: the national category and a type, a victim and/or the address affected."""

    category: AsbCategory  # type: ignore[assignment]  # narrower than any incident's category, on purpose
    asb_type: AsbType
    description: Description
    victim: VictimIn | None = None
    victim_address: Address = ""
    victim_postcode: Postcode = ""
    perpetrator_description: PerpetratorText = ""

    @model_validator(mode="after")
    def _someone_or_somewhere(self) -> "AsbIncidentIn":
        # The repeat-victim rule counts by person or by address; with neither there is nothing to count.
        if self.victim is None and not self.victim_address:
            raise ValueError("give the victim, the address affected, or both")
        return self


class AsbIncidentFilters(Schema):
    asb_type: AsbType | None = None
    category: AsbCategory | None = None


# --- Output -------------------------------------------------------------------------------------------


class AsbIncidentOut(IncidentOut):
    asb_type: str
    named_victim: bool = Field(description="A person is recorded as the victim (the name is not returned)")
    address_affected: bool = Field(description="An address is recorded (the address is not returned)")
    perpetrator_description: str
    repeat_victim_flagged: bool = Field(
        description="The incident is one of those that flagged a repeat victim under the partnership's rule")

    @staticmethod
    def resolve_asb_type(obj: Incident) -> str:
        return obj.asb.asb_type

    @staticmethod
    def resolve_named_victim(obj: Incident) -> bool:
        return obj.asb.victim_id is not None

    @staticmethod
    def resolve_address_affected(obj: Incident) -> bool:
        return bool(obj.asb.address_key)

    @staticmethod
    def resolve_perpetrator_description(obj: Incident) -> str:
        return obj.asb.perpetrator_description

    @staticmethod
    def resolve_repeat_victim_flagged(obj: Incident) -> bool:
        return bool(obj.flagged)  # type: ignore[attr-defined]  # annotated by _asb_incidents


# --- Reads and writes ---------------------------------------------------------------------------------


def _flagged() -> Exists:
    return Exists(RepeatVictimFlag.incidents.through.objects.filter(incident_id=OuterRef("pk")))


def _asb_incidents(actor: Actor) -> QuerySet[Incident]:
    return scoped_incidents(actor).filter(asb__isnull=False).select_related("asb").annotate(flagged=_flagged())


def _may_record(actor: Actor) -> None:
    if not can(actor, "record_asb_incident"):
        raise HttpError(403, "This key may not record ASB incidents")


@router.post("/incidents", response={201: AsbIncidentOut, 403: NotFound, 404: NotFound},
             summary="Record an ASB incident (the repeat-victim rule runs as it arrives)")
def create_asb_incident(request: HttpRequest, payload: AsbIncidentIn) -> Status:
    actor = request.actor  # type: ignore[attr-defined]
    _may_record(actor)
    cases = _cases_to_add_to(actor, payload.case_references)
    victim = payload.victim.model_dump() if payload.victim else None
    incident, _flags = do_record_asb_incident(
        acting=actor, cases=cases, asb_type=payload.asb_type, victim_fields=victim,
        victim_address=payload.victim_address, victim_postcode=payload.victim_postcode,
        perpetrator_description=payload.perpetrator_description,
        occurred_at=payload.occurred_at.astimezone(UTC), category=payload.category, description=payload.description,
        location_text=payload.location_text, latitude=_coordinate(payload.latitude),
        longitude=_coordinate(payload.longitude), external_reference=payload.external_reference,
        source_agency=actor.api_key.agency,
    )
    return Status(201, _asb_incidents(actor).get(pk=incident.pk))


@router.get("/incidents", response=list[AsbIncidentOut], summary="ASB incidents the agency may see")
@paginated
def list_asb_incidents(request: HttpRequest, filters: Query[AsbIncidentFilters], **kwargs: Any) -> QuerySet[Incident]:
    actor = request.actor  # type: ignore[attr-defined]
    incidents = _asb_incidents(actor)
    if filters.asb_type:
        incidents = incidents.filter(asb__asb_type=filters.asb_type)
    if filters.category:
        incidents = incidents.filter(category=filters.category)
    record(actor, AuditAction.VIEW, object_type="asb.asbincident", reason=f"api list, page {kwargs['pages'].page}")
    return incidents


@router.get("/incidents/{public_id}", response={200: AsbIncidentOut, 404: NotFound}, summary="One ASB incident")
def get_asb_incident(request: HttpRequest, public_id: uuid.UUID) -> Incident:
    actor = request.actor  # type: ignore[attr-defined]
    incident = _asb_incidents(actor).filter(public_id=public_id).first()
    if incident is None:
        raise Http404
    record(actor, AuditAction.VIEW, incident, reason="api asb")
    return incident
