"""Writes for children (Operation Encompass), perpetrators and self-referrals. One transaction each, audited;
emails through the outbox on commit."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from access.agreements import find_covering_agreement
from access.models import SharingPurpose
from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_record_incident
from core.models import Case, CaseParticipant, Incident, IncidentCategory, ParticipantRole, Person
from domestic_abuse import rules
from domestic_abuse.config import setting
from domestic_abuse.models import (
    ChildSchool,
    EncompassNotification,
    EncompassStatus,
    InterventionKind,
    PerpetratorIntervention,
    School,
    SchoolClosure,
    SelfReferral,
    SupportService,
)
from domestic_abuse.models.perpetrators import InterventionStatus
from intake.outbox import queue_email
from intake.references import make_public_reference
from partnership.models import Agency


def school_closures() -> list[tuple]:
    return list(SchoolClosure.objects.values_list("first_day", "last_day"))


@transaction.atomic
def do_set_child_school(*, case: Case, child: Person, school: School, acting: Actor) -> ChildSchool:
    link, _created = ChildSchool.objects.update_or_create(child=child, defaults={"school": school})
    record(acting, AuditAction.UPDATE, child, reason=f"school {school.pk} recorded through case {case.pk}")
    return link


def _encompass_body(notification: EncompassNotification, base_url: str) -> str:
    # Only what the school needs: the child, when the police attended, and who to contact. No details of
    # the incident, the adults or the address.
    child = notification.child
    born = f" (born {child.date_of_birth:%d %B %Y})" if child.date_of_birth else ""
    attended = timezone.localtime(notification.incident.occurred_at)
    link = base_url + reverse("domestic_abuse:encompass_acknowledge", args=[notification.public_id])
    return (
        "Operation Encompass notification\n\n"
        f"Police attended a domestic abuse incident at the home of {child.full_name}{born} "
        f"on {attended:%A %d %B %Y at %H:%M}.\n\n"
        "Please make sure the child's key adult knows before the school day starts, so that the school can "
        "offer support. Keep this information confidential.\n\n"
        f"Police contact: {notification.incident.source_agency.name}.\n\n"
        f"Please confirm you have received this: {link}\n"
    )


@transaction.atomic
def do_record_police_attendance(*, case: Case, occurred_at: datetime, description: str, location_text: str,
                                acting: Actor, base_url: str = "") -> Incident:
    """Record the call-out, and notify the school of every child on the case who has one.

    The notifications rely on an Operation Encompass sharing agreement the police force has signed. Without one
    the call-out is still recorded (it is the police's own record), the schools are not told, and
    ``incident.encompass_withheld`` says so, so the officer can be told to raise it the same night."""
    children = case.participants.filter(role=ParticipantRole.CHILD, person__da_school__isnull=False)
    agreement = None
    if children.exists():
        police = Agency.objects.get(pk=acting.audit_agency[0])
        agreement = find_covering_agreement(SharingPurpose.ENCOMPASS, [police])
    people = [p.person for p in case.participants.select_related("person")]
    incident = do_record_incident(acting=acting, cases=[case], people=people, occurred_at=occurred_at,
                                  category=IncidentCategory.DOMESTIC_ABUSE, description=description,
                                  location_text=location_text, source_agency_id=acting.audit_agency[0])
    incident.encompass_withheld = children.exists() and agreement is None
    if incident.encompass_withheld:
        record(acting, AuditAction.UPDATE, incident,
               reason=f"Encompass withheld: no sharing agreement signed by agency {acting.audit_agency[0]}")
        return incident
    due = rules.encompass_due(occurred_at, closures=school_closures(), school_starts=setting("DA_SCHOOL_DAY_START"))
    for participant in children.select_related("person__da_school__school"):
        school = participant.person.da_school.school
        notification = EncompassNotification.objects.create(incident=incident, child=participant.person,
                                                            school=school, due_at=due)
        notification.message = queue_email(to=school.key_adult_email, subject="Operation Encompass notification",
                                           body=_encompass_body(notification, base_url), purpose="encompass")
        notification.save(update_fields=["message"])
        record(acting, AuditAction.SHARE, notification,
               reason=f"Encompass to school {school.pk}, sharing agreement {agreement.pk}")
    return incident


@transaction.atomic
def do_acknowledge_encompass(notification: EncompassNotification) -> EncompassNotification:
    if notification.acknowledged_at is None:
        notification.acknowledged_at = timezone.now()
        notification.status = EncompassStatus.ACKNOWLEDGED
        notification.save(update_fields=["acknowledged_at", "status"])
        record(None, AuditAction.UPDATE, notification, reason="acknowledged by the school")
    return notification


@transaction.atomic
def escalate_overdue_encompass(now: datetime | None = None) -> int:
    """Notifications not acknowledged by their due time go to the escalation contact (ids only, no names)."""
    now = now or timezone.now()
    overdue = list(EncompassNotification.objects.select_for_update().filter(
        status=EncompassStatus.QUEUED, due_at__lt=now).select_related("school"))
    for notification in overdue:
        notification.status, notification.escalated_at = EncompassStatus.ESCALATED, now
        notification.save(update_fields=["status", "escalated_at"])
        record(None, AuditAction.UPDATE, notification, reason="escalated: not acknowledged in time")
        queue_email(to=setting("DA_ENCOMPASS_ESCALATION_EMAIL"), purpose="encompass_escalation",
                    subject="Operation Encompass notification not acknowledged",
                    body=f"Notification {notification.public_id} to {notification.school.name} was due by "
                         f"{timezone.localtime(notification.due_at):%d %B %Y %H:%M} and has not been acknowledged.")
    return len(overdue)


@transaction.atomic
def do_link_perpetrator(*, case: Case, person: Person, acting: Actor) -> CaseParticipant:
    participant, created = CaseParticipant.objects.get_or_create(case=case, person=person,
                                                                 role=ParticipantRole.PERPETRATOR)
    if not created:
        raise ValidationError("This person is already a perpetrator on this case")
    record(acting, AuditAction.UPDATE, case, reason=f"perpetrator participant {participant.pk} linked")
    return participant


@transaction.atomic
def do_record_intervention(*, case: Case, perpetrator: Person, kind: str, started_on, notes: str,  # noqa: ANN001
                           acting: Actor) -> PerpetratorIntervention:
    intervention = PerpetratorIntervention(case=case, perpetrator=perpetrator, kind=kind, started_on=started_on,
                                           notes=notes, recorded_by=acting.user)
    if kind in (InterventionKind.DVDS_RIGHT_TO_ASK, InterventionKind.DVDS_RIGHT_TO_KNOW):
        intervention.decision_due = rules.dvds_decision_due(started_on, days=setting("DA_DVDS_DECISION_DAYS"))
    intervention.save()
    record(acting, AuditAction.CREATE, intervention, reason=kind)
    return intervention


@transaction.atomic
def do_decide_intervention(*, intervention: PerpetratorIntervention, outcome: str, decided_on, notes: str,  # noqa: ANN001
                           acting: Actor) -> PerpetratorIntervention:
    if intervention.status != InterventionStatus.OPEN:
        raise ValidationError("This has already been decided")
    if outcome in (InterventionStatus.DISCLOSED, InterventionStatus.NOT_DISCLOSED) and not intervention.is_dvds:
        raise ValidationError("Only a Clare's Law request ends in a disclosure decision")
    intervention.status, intervention.decided_on = outcome, decided_on
    if notes:
        intervention.notes = f"{intervention.notes}\n{notes}".strip()
    intervention.save()
    record(acting, AuditAction.UPDATE, intervention, reason=outcome)
    return intervention


def create_self_referral(answers: dict) -> tuple[str, dict]:
    """Called by the public flow inside its transaction. Stores what the person typed, nothing about them."""
    service = SupportService.objects.get(pk=answers["service"], active=True, accepts_self_referral=True)
    referral = SelfReferral.objects.create(
        reference=make_public_reference("DAS"), service=service, name=answers["name"],
        contact_method=answers["contact_method"], contact_detail=answers["contact_detail"],
        safe_times=answers.get("safe_times", ""), leave_message=answers.get("leave_message") == "yes",
        message=answers.get("message", ""),
    )
    record(None, AuditAction.CREATE, referral, reason=f"self-referral to service {service.pk}")
    how = "phone" if referral.contact_method == "phone" else "email"
    queue_email(
        to=service.referral_email, purpose="da_self_referral", subject=f"Request for help {referral.reference}",
        body=(f"Someone has asked {service.name} for help through the partnership's website.\n\n"
              f"Reference: {referral.reference}\nName: {referral.name}\nContact by {how}: {referral.contact_detail}\n"
              f"Safe times: {referral.safe_times or 'not given'}\n"
              f"Safe to leave a message: {'yes' if referral.leave_message else 'NO - do not leave a message'}\n\n"
              f"{referral.message}\n\nRecord the first contact in csphub so the partnership can see how quickly "
              "people are helped."),
    )
    return referral.reference, {"service": service.name}


@transaction.atomic
def do_record_first_contact(*, referral: SelfReferral, when: datetime, acting: Actor) -> SelfReferral:
    if referral.first_contact_at is not None:
        raise ValidationError("First contact is already recorded")
    if when < referral.received_at:
        raise ValidationError("First contact cannot be before the request was made")
    referral.first_contact_at = when
    referral.save(update_fields=["first_contact_at"])
    record(acting, AuditAction.UPDATE, referral, reason="first contact recorded")
    return referral
