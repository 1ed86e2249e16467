from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_add_team_agency, do_create_case, do_update_case
from core.models import CaseStatus, RiskLevel
from intake.outbox import queue_email
from partnership.models import Agency
from tension import rules
from tension.actions.areas import do_set_area_level
from tension.config import level_label
from tension.models import (
    HighTensionIncident,
    IncidentStatus,
    PartnerContact,
    ResponseAction,
    SituationReport,
    TensionArea,
    TimelineEntry,
    TimelineKind,
)
from tension.models.incidents import ActionState
from tension.sitrep import sitrep_context

ALERT_PURPOSE = "tension_alert"


def _entry(incident: HighTensionIncident, kind: str, text: str, reason: str, acting: Actor) -> TimelineEntry:
    return TimelineEntry.objects.create(
        incident=incident, kind=kind, text=text, reason=reason, by=acting.user, by_agency_id=acting.audit_agency[0]
    )


def _alert_partners(incident: HighTensionIncident, headline: str) -> int:
    """One message per partner on the call list, through the outbox (retried until delivered). The message
    carries the reference, area and level only: the detail is behind sign-in."""
    contacts = incident.call_list.select_related("agency")
    recipients = rules.alert_recipients((c.agency_id, c.alert_address) for c in contacts)
    link = getattr(settings, "CSPHUB_SITE_URL", "") + reverse("tension:incident_detail", args=[incident.reference])
    subject = f"{headline}: {incident.reference}, {incident.area.name}"
    body = (
        f"{headline}.\n\nIncident: {incident.reference}\nArea: {incident.area.name}\n"
        f"Level: {incident.level_label}\nNext review: {timezone.localtime(incident.next_review_at):%d %b %Y %H:%M}\n\n"
        f"Sign in to see the situation report and your actions: {link}\n"
    )
    for _agency_id, address in recipients:
        queue_email(to=address, subject=subject, body=body, purpose=ALERT_PURPOSE)
    return len(recipients)


def _join_team(incident: HighTensionIncident, agency: Agency, acting: Actor) -> None:
    if not incident.case.team.filter(agency=agency, user__isnull=True).exists():
        do_add_team_agency(case=incident.case, agency=agency, sensitive_access=False, acting=acting)


@transaction.atomic
def do_declare_incident(
    *, area: TensionArea, level: str, what_happened: str, community_impact: str, reason: str,
    partners: Iterable[Agency] = (), review_hours: int, acting: Actor,
) -> HighTensionIncident:
    if rules.rank(level) == 0:
        raise ValidationError("Choose a level from the scale")
    lead_agency_id = acting.audit_agency[0]
    case = do_create_case(
        acting=acting, kind="tension", title=f"High tension in {area.name}", lead_agency_id=lead_agency_id,
        lead_officer=acting.user, risk_level=RiskLevel.HIGH,
    )
    incident = HighTensionIncident.objects.create(
        case=case, area=area, level=level, what_happened=what_happened, community_impact=community_impact,
        next_review_at=rules.due_at(timezone.now(), review_hours),
    )
    _entry(incident, TimelineKind.DECLARED, f"Declared at level {level_label(level)}", reason, acting)
    if rules.rank(level) > rules.rank(area.current_level):
        do_set_area_level(area=area, level=level, reason=f"High-tension incident {case.reference} declared: {reason}",
                          acting=acting)
    for agency in partners:
        PartnerContact.objects.create(incident=incident, agency=agency, role="Partner")
        _join_team(incident, agency, acting)
    record(acting, AuditAction.CREATE, incident, reason=f"declared at {level}")
    _alert_partners(incident, "High-tension incident declared")
    return incident


@transaction.atomic
def do_escalate_incident(*, incident: HighTensionIncident, level: str, reason: str, acting: Actor) -> None:
    decision = rules.can_escalate(incident.status, incident.level, level)
    if not decision.allowed:
        raise ValidationError(decision.reason)
    previous = incident.level
    incident.level = level
    incident.save(update_fields=["level"])
    _entry(incident, TimelineKind.ESCALATED, f"Escalated from {level_label(previous)} to {level_label(level)}",
           reason, acting)
    record(acting, AuditAction.UPDATE, incident, reason=f"escalated {previous} to {level}")
    _alert_partners(incident, "High-tension incident escalated")


@transaction.atomic
def do_stand_down_incident(*, incident: HighTensionIncident, reason: str, acting: Actor) -> None:
    decision = rules.can_stand_down(incident.status)
    if not decision.allowed:
        raise ValidationError(decision.reason)
    incident.status, incident.stood_down_at = IncidentStatus.STOOD_DOWN, timezone.now()
    incident.save(update_fields=["status", "stood_down_at"])
    _entry(incident, TimelineKind.STOOD_DOWN, "Incident stood down", reason, acting)
    record(acting, AuditAction.UPDATE, incident, reason="stood down")
    _alert_partners(incident, "High-tension incident stood down")
    do_update_case(case=incident.case, acting=acting, changes={"status": CaseStatus.CLOSED})


@transaction.atomic
def do_add_timeline_entry(*, incident: HighTensionIncident, acting: Actor, **fields: object) -> TimelineEntry:
    entry = TimelineEntry(incident=incident, by=acting.user, by_agency_id=acting.audit_agency[0], **fields)
    entry.full_clean()
    entry.save()
    record(acting, AuditAction.CREATE, entry, reason=f"incident {incident.pk}")
    return entry


@transaction.atomic
def do_add_partner_contact(*, incident: HighTensionIncident, acting: Actor, **fields: object) -> PartnerContact:
    contact = PartnerContact(incident=incident, **fields)
    contact.full_clean()
    contact.save()
    _join_team(incident, contact.agency, acting)
    record(acting, AuditAction.CREATE, contact, reason=f"incident {incident.pk}")
    return contact


@transaction.atomic
def do_add_response_action(
    *, incident: HighTensionIncident, title: str, owner_agency: Agency, owner_name: str, due_in_hours: int,
    acting: Actor,
) -> ResponseAction:
    try:
        due = rules.due_at(timezone.now(), due_in_hours)
    except ValueError as error:
        raise ValidationError(str(error)) from error
    action = ResponseAction.objects.create(
        incident=incident, title=title, owner_agency=owner_agency, owner_name=owner_name, due_at=due,
        created_by=acting.user,
    )
    _entry(incident, TimelineKind.ACTION, f"Action for {owner_agency}: {title}", "", acting)
    record(acting, AuditAction.CREATE, action, reason=f"incident {incident.pk}")
    return action


@transaction.atomic
def do_complete_response_action(*, action: ResponseAction, outcome: str, acting: Actor) -> ResponseAction:
    if action.status != ActionState.OPEN:
        raise ValidationError("This action is already done")
    action.status, action.outcome, action.completed_at = ActionState.DONE, outcome, timezone.now()
    action.save(update_fields=["status", "outcome", "completed_at"])
    record(acting, AuditAction.UPDATE, action, reason="completed")
    return action


@transaction.atomic
def do_issue_sitrep(*, incident: HighTensionIncident, acting: Actor, next_review_hours: int | None = None
                    ) -> SituationReport:
    """Freeze the situation report as it stands; the stored HTML is what partners were sent and see later."""
    incident = HighTensionIncident.objects.select_for_update().select_related("case", "area").get(pk=incident.pk)
    if next_review_hours:
        incident.next_review_at = timezone.now() + timedelta(hours=next_review_hours)
        incident.save(update_fields=["next_review_at"])
    number = (incident.sitreps.aggregate(n=Max("number"))["n"] or 0) + 1
    now = timezone.now()
    html = render_to_string("tension/_sitrep_body.html", sitrep_context(incident, now=now, number=number,
                                                                        issued_by=acting.user))
    sitrep = SituationReport.objects.create(
        incident=incident, number=number, issued_at=now, issued_by=acting.user, level=incident.level, html=html
    )
    _entry(incident, TimelineKind.SITREP, f"Situation report {number} issued", "", acting)
    record(acting, AuditAction.CREATE, sitrep, reason=f"incident {incident.pk}")
    return sitrep
