"""Every write for subject rights: one transaction each, with its audit event.

Audit reasons carry references and ids only: never a name, and never the old or new value of a corrected
field (the old value of a wrong detail is exactly what must not live on in a log).
"""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.policy import Actor
from audit.log import AuditActor, record
from audit.models import AuditAction
from core.models import Person
from core.references import next_case_reference
from rights import rules
from rights.export import build_export, export_json, export_name, export_pdf
from rights.models import (
    ErasureDecision,
    ErasureRequest,
    RectificationRequest,
    RequestStatus,
    SubjectAccessRequest,
)

EXPORT_FORMATS = {"json": "application/json", "pdf": "application/pdf"}


# --- Subject access ------------------------------------------------------------------------------------------


@transaction.atomic
def do_record_subject_access_request(*, person: Person, received_on: date, acting: Actor) -> SubjectAccessRequest:
    request = SubjectAccessRequest.objects.create(
        reference=next_case_reference("SAR", received_on.year),
        person=person,
        received_on=received_on,
        due_on=rules.response_due(received_on),
        recorded_by=acting.user,
    )
    record(acting, AuditAction.CREATE, request, reason=f"subject access request for person {person.pk}")
    return request


@transaction.atomic
def do_extend_subject_access_request(
    *, request: SubjectAccessRequest, reason: str, acting: Actor
) -> SubjectAccessRequest:
    """Art 12(3): two further months for a complex request. The person must be told why within the first month."""
    if request.status != RequestStatus.OPEN or request.extended:
        raise ValidationError("Only an open request that has not been extended can be extended")
    request.extended, request.extension_reason = True, reason
    request.due_on = rules.response_due(request.received_on, extended=True)
    request.save(update_fields=["extended", "extension_reason", "due_on"])
    record(acting, AuditAction.UPDATE, request, reason="response time extended by two months")
    return request


@transaction.atomic
def do_complete_subject_access_request(
    *, request: SubjectAccessRequest, completed_on: date, acting: Actor
) -> SubjectAccessRequest:
    if request.status != RequestStatus.OPEN:
        raise ValidationError("This request is already complete")
    if completed_on < request.received_on:
        raise ValidationError("The response cannot be sent before the request was received")
    request.status, request.completed_on = RequestStatus.COMPLETE, completed_on
    request.save(update_fields=["status", "completed_on"])
    record(acting, AuditAction.UPDATE, request, reason="response sent")
    return request


@transaction.atomic
def do_export_subject_access(*, request: SubjectAccessRequest, file_format: str, acting: Actor) -> tuple[str, bytes]:
    """The export for a request as a download (file name, content). One audit event, ids only."""
    if file_format not in EXPORT_FORMATS:
        raise ValidationError("Unknown export format")
    export = build_export(request.person, request=request)
    content = export_json(export) if file_format == "json" else export_pdf(export)
    record(
        acting,
        AuditAction.EXPORT,
        request.person,
        reason=f"subject access export ({file_format}) for request {request.reference}",
    )
    return export_name(request.person, request, timezone.localdate(), file_format), content


@transaction.atomic
def do_write_subject_access_files(
    *, person: Person, out_dir: Path, acting: AuditActor, request: SubjectAccessRequest | None = None
) -> list[Path]:
    """Write the JSON and the PDF into ``out_dir`` (``csphub sar export``). One audit event, ids only."""
    export = build_export(person, request=request)
    today = timezone.localdate()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [
        out_dir / export_name(person, request, today, "json"),
        out_dir / export_name(person, request, today, "pdf"),
    ]
    paths[0].write_bytes(export_json(export))
    paths[1].write_bytes(export_pdf(export))
    for path in paths:
        path.chmod(0o600)  # personal data: readable by the account that ran the export only
    suffix = f" for request {request.reference}" if request is not None else ""
    record(acting, AuditAction.EXPORT, person, reason=f"subject access export written (json, pdf){suffix}")
    return paths


# --- Rectification ---------------------------------------------------------------------------------------------


def corrected_python_value(field_name: str, raw: str) -> object:
    """The corrected value as the person record stores it; ValidationError when it is not a valid one."""
    model_field = Person._meta.get_field(field_name)
    value = model_field.clean(raw.strip(), None)
    if value in (None, "") and not model_field.blank:
        raise ValidationError("This detail cannot be left empty")
    return value


@transaction.atomic
def do_record_rectification_request(
    *, person: Person, received_on: date, field: str, what_is_wrong: str, corrected_value: str, acting: Actor
) -> RectificationRequest:
    corrected_python_value(field, corrected_value)
    request = RectificationRequest.objects.create(
        reference=next_case_reference("RECT", received_on.year),
        person=person,
        received_on=received_on,
        due_on=rules.response_due(received_on),
        field=field,
        what_is_wrong=what_is_wrong,
        corrected_value=corrected_value.strip(),
        recorded_by=acting.user,
    )
    record(acting, AuditAction.CREATE, request, reason=f"rectification request for person {person.pk}")
    return request


@transaction.atomic
def do_rectify_person(*, rectification: RectificationRequest, acting: Actor) -> Person:
    """Make the correction on the person record and complete the request. Neither value is logged."""
    if rectification.status != RequestStatus.OPEN:
        raise ValidationError("This request is already complete")
    person = Person.objects.select_for_update().get(pk=rectification.person_id)
    setattr(person, rectification.field, corrected_python_value(rectification.field, rectification.corrected_value))
    person.full_clean()
    person.save()
    rectification.status, rectification.completed_on = RequestStatus.COMPLETE, timezone.localdate()
    rectification.completed_by = acting.user
    rectification.save(update_fields=["status", "completed_on", "completed_by"])
    record(
        acting,
        AuditAction.UPDATE,
        person,
        reason=f"rectified under request {rectification.reference}: {rectification.field}",
    )
    record(acting, AuditAction.UPDATE, rectification, reason="correction made")
    return person


# --- Erasure -------------------------------------------------------------------------------------------------


@transaction.atomic
def do_record_erasure_request(*, person: Person, received_on: date, grounds: str, acting: Actor) -> ErasureRequest:
    request = ErasureRequest.objects.create(
        reference=next_case_reference("ERASE", received_on.year),
        person=person,
        received_on=received_on,
        due_on=rules.response_due(received_on),
        grounds=grounds,
        recorded_by=acting.user,
    )
    record(acting, AuditAction.CREATE, request, reason=f"erasure request for person {person.pk}")
    return request


@transaction.atomic
def do_assess_erasure_request(
    *, erasure: ErasureRequest, granted: bool, refusal_ground: str, reason: str, decided_on: date, acting: Actor
) -> ErasureRequest:
    """Decide the request: granted (then erased by ``do_erase_person``) or refused on an Art 17(3) ground."""
    if erasure.decision or erasure.status != RequestStatus.OPEN:
        raise ValidationError("This request has already been decided")
    problem = rules.refusal_problem(granted=granted, ground=refusal_ground, reason=reason)
    if problem:
        raise ValidationError(problem)
    erasure.decision = ErasureDecision.GRANTED if granted else ErasureDecision.REFUSED
    erasure.refusal_ground, erasure.decision_reason = refusal_ground, reason
    erasure.decided_on, erasure.decided_by = decided_on, acting.user
    if not granted:  # a refusal is the response: the person is told why and of their right to complain
        erasure.status, erasure.completed_on = RequestStatus.COMPLETE, decided_on
    erasure.save()
    record(
        acting,
        AuditAction.UPDATE,
        erasure,
        reason="erasure granted" if granted else f"erasure refused: {refusal_ground}",
    )
    return erasure


@transaction.atomic
def do_erase_person(*, erasure: ErasureRequest, acting: Actor) -> ErasureRequest:
    """Carry out a granted erasure: the retention app anonymises the person everywhere."""
    from retention.anonymise import anonymise_person  # the retention app owns what anonymising means

    if not erasure.awaiting_erasure:
        raise ValidationError("Only a granted request can be carried out, and only once")
    person = Person.objects.select_for_update().get(pk=erasure.person_id)
    anonymise_person(person)
    # The requests themselves keep their dates and decisions as evidence; what the person told us goes.
    RectificationRequest.objects.filter(person=person).update(what_is_wrong="", corrected_value="")
    erasure.status, erasure.completed_on, erasure.grounds = RequestStatus.COMPLETE, timezone.localdate(), ""
    erasure.save(update_fields=["status", "completed_on", "grounds"])
    record(acting, AuditAction.DELETE, person, reason=f"anonymised under erasure request {erasure.reference}")
    record(acting, AuditAction.UPDATE, erasure, reason="erasure carried out")
    return erasure
