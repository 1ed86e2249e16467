"""Every write to the shared case file: one transaction each, with its audit event.

Callers have already passed the access gate for the case (access.gates); these functions check the
rules that belong to the data itself (a basis for sharing, a closed case) and record what was done.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.agreements import require_agreement
from access.models import BreakGlassGrant, SharingBasis, SharingPurpose
from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.kinds import get_kind
from core.models import (
    Action,
    ActionStatus,
    Attachment,
    Case,
    CaseParticipant,
    CaseStatus,
    CaseTeamMember,
    Incident,
    Note,
    Person,
)
from core.references import next_case_reference
from partnership.models import Agency


@transaction.atomic
def do_create_case(*, acting: Actor, **fields: Any) -> Case:
    kind = get_kind(fields["kind"])
    opened_on = fields.get("opened_on") or timezone.localdate()
    case = Case(reference=next_case_reference(kind.reference_prefix, opened_on.year), **fields)
    case.full_clean(exclude=["reference"])
    case.save()
    # The creator's own agency is always on the team, and the creator by name.
    CaseTeamMember.objects.create(case=case, agency=case.lead_agency, sensitive_access=True, added_by=acting.user)
    if acting.user is not None:
        CaseTeamMember.objects.create(case=case, user=acting.user, sensitive_access=True, added_by=acting.user)
    record(acting, AuditAction.CREATE, case)
    return case


@transaction.atomic
def do_update_case(*, case: Case, acting: Actor, changes: dict[str, Any]) -> Case:
    for name, value in changes.items():
        setattr(case, name, value)
    if case.status == CaseStatus.CLOSED and case.closed_on is None:
        case.closed_on = timezone.localdate()
    elif case.status != CaseStatus.CLOSED:
        case.closed_on = None
    case.save()
    record(acting, AuditAction.UPDATE, case, reason=_("Changed: %s") % ", ".join(sorted(changes)))
    return case


def sharing_basis_for(person: Person, purpose: str) -> SharingBasis | None:
    return person.sharing_bases.filter(purpose=purpose, withdrawn_at__isnull=True).first()


def people_without_basis(case: Case, purpose: str) -> list[Person]:
    people = {p.person for p in case.participants.select_related("person")}
    return sorted((p for p in people if sharing_basis_for(p, purpose) is None), key=lambda p: p.full_name)


def describe_bases(case: Case, purpose: str) -> tuple[str, str]:
    """What the team record says was relied on (readable, for the team), and the same by record id (for the
    audit trail, which never carries names)."""
    readable, by_id = [], []
    for participant in case.participants.select_related("person"):
        basis = sharing_basis_for(participant.person, purpose)
        if basis is not None:
            readable.append(f"{participant.person.full_name} ({participant.get_role_display().lower()}): "
                            f"{basis.get_basis_display()}")
            by_id.append(f"basis {basis.pk}")
    if not readable:
        return _("No people recorded on the case when shared"), "no people"
    return "; ".join(readable), ", ".join(by_id)


@transaction.atomic
def do_add_team_agency(*, case: Case, agency: Agency, sensitive_access: bool, acting: Actor) -> CaseTeamMember:
    missing = people_without_basis(case, SharingPurpose.CASE_TEAM)
    if missing:
        raise ValidationError(
            _("Record consent or a lawful basis for sharing before adding an agency. Missing for: %s")
            % ", ".join(p.full_name for p in missing)
        )
    if case.team.filter(agency=agency, user__isnull=True).exists():
        raise ValidationError(_("%s is already on the case team") % agency.name)
    # The lead agency shares the case file with the new agency: an agreement both have signed must cover it.
    agreement = require_agreement(SharingPurpose.CASE_TEAM, [case.lead_agency, agency])
    readable, by_id = describe_bases(case, SharingPurpose.CASE_TEAM)
    member = CaseTeamMember.objects.create(
        case=case, agency=agency, sensitive_access=sensitive_access, lawful_basis=readable,
        sharing_agreement=agreement, added_by=acting.user,
    )
    record(acting, AuditAction.SHARE, case,
           reason=f"agency {agency.pk} added to team relying on {by_id}, sharing agreement {agreement.pk}")
    return member


@transaction.atomic
def do_add_team_user(*, case: Case, user: Any, acting: Actor) -> CaseTeamMember:
    if case.team.filter(user=user).exists():
        raise ValidationError(_("%s is already on the case team") % user)
    member = CaseTeamMember.objects.create(case=case, user=user, sensitive_access=True, added_by=acting.user)
    record(acting, AuditAction.SHARE, case, reason=f"user {user.pk} added to team")
    return member


@transaction.atomic
def do_add_participant(
    *, case: Case, person_fields: dict[str, Any], role: str, basis: str | None, basis_explanation: str, acting: Actor
) -> CaseParticipant:
    person = Person(**person_fields)
    person.full_clean()
    person.save()
    if basis:
        SharingBasis.objects.create(
            person=person,
            purpose=SharingPurpose.CASE_TEAM,
            basis=basis,
            explanation=basis_explanation,
            recorded_by=acting.user,
        )
    participant = CaseParticipant.objects.create(case=case, person=person, role=role)
    record(acting, AuditAction.CREATE, person)
    record(acting, AuditAction.UPDATE, case, reason=f"participant {participant.pk} added as {role}")
    return participant


@transaction.atomic
def do_record_incident(
    *, acting: Actor, cases: Iterable[Case] = (), people: Iterable[Person] = (), **fields: Any
) -> Incident:
    incident = Incident(recorded_by=acting.user, **fields)
    incident.full_clean()
    incident.save()
    incident.cases.set(cases)
    incident.people.set(people)
    record(acting, AuditAction.CREATE, incident)
    return incident


@transaction.atomic
def do_add_note(*, case: Case, text: str, acting: Actor) -> Note:
    agency_id = acting.audit_agency[0]
    note = Note.objects.create(case=case, text=text, author=acting.user, author_agency_id=agency_id)
    record(acting, AuditAction.CREATE, note)
    return note


@transaction.atomic
def do_add_action(*, case: Case, acting: Actor, **fields: Any) -> Action:
    action = Action(case=case, created_by=acting.user, **fields)
    action.full_clean()
    action.save()
    record(acting, AuditAction.CREATE, action)
    return action


@transaction.atomic
def do_complete_action(*, action: Action, outcome: str, acting: Actor) -> Action:
    if action.status != ActionStatus.OPEN:
        raise ValidationError(_("This action is already %s") % action.get_status_display().lower())
    action.status = ActionStatus.DONE
    action.outcome = outcome
    action.completed_at = timezone.now()
    action.completed_by = acting.user
    action.save()
    record(acting, AuditAction.UPDATE, action, reason="completed")
    return action


@transaction.atomic
def do_attach_file(*, case: Case, upload: Any, description: str, acting: Actor) -> Attachment:
    attachment = Attachment(
        case=case,
        original_name=upload.name[:255],
        content_type=upload.content_type or "application/octet-stream",
        size=upload.size,
        description=description,
        uploaded_by=acting.user,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    record(acting, AuditAction.CREATE, attachment)
    return attachment


@transaction.atomic
def do_break_glass(*, case: Case, reason: str, acting: Actor) -> BreakGlassGrant:
    grant = BreakGlassGrant.objects.create(case=case, user=acting.user, reason=reason)
    record(acting, AuditAction.BREAK_GLASS, case, reason=reason)
    return grant
