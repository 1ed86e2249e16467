"""ASB case work: the problem-solving plan, interventions with their preconditions, risk, PSPOs, access requests."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.policy import Actor
from asb.models import AccessRequest, AsbCasePlan, Intervention, Pspo, RiskAssessment
from asb.models.settings import current_config
from asb.rules.interventions import EarlierStep, Subject, missing_preconditions
from asb.rules.risk import score_risk
from audit.log import record
from audit.models import AuditAction
from core.actions import do_add_note, do_add_team_agency
from core.models import AgendaItem, Case, CaseStatus, Meeting, Person, RiskLevel
from intake.outbox import queue_email


@transaction.atomic
def do_save_plan(*, case: Case, problem: str, plan: str, acting: Actor) -> AsbCasePlan:
    saved, _created = AsbCasePlan.objects.update_or_create(
        case=case, defaults={"problem": problem, "plan": plan, "updated_by": acting.user})
    record(acting, AuditAction.UPDATE, case, reason="problem-solving plan saved")
    return saved


def preconditions_missing(case: Case, step: str, subject: Subject, on: date,
                          subject_person: Person | None = None) -> list[str]:
    earlier = case.asb_interventions.all()
    if subject_person is not None:
        earlier = earlier.filter(subject=subject_person)
    history = [EarlierStep(i.step, i.on, i.comply_by, i.breached) for i in earlier]
    return missing_preconditions(step, history, subject, on)


def _subject(intervention: Intervention) -> Subject:
    return Subject(intervention.subject_age, intervention.subject_is_business, intervention.convicted)


def _tell_officer(intervention: Intervention, acting: Actor) -> None:
    """Tell the officer named on an intervention (unless they named themselves). No names of the public."""
    officer = intervention.owner_user
    if officer is None or not officer.email or officer.pk == acting.user_id:
        return
    reference = intervention.case.reference
    queue_email(to=officer.email, purpose="asb_intervention_officer",
                subject=_("You are the officer for an intervention on case %s") % reference,
                body=_("You have been named as the officer for a %(step)s on case %(ref)s. Sign in to csphub to see "
                       "it.") % {"step": intervention.get_step_display().lower(), "ref": reference})


@transaction.atomic
def do_record_intervention(*, case: Case, acting: Actor, **fields: Any) -> Intervention:
    """Record a step on the ladder; an enforcement step whose preconditions are missing is refused, saying which."""
    intervention = Intervention(case=case, created_by=acting.user, **fields)
    intervention.full_clean(exclude=["created_by"])
    missing = preconditions_missing(case, intervention.step, _subject(intervention), intervention.on,
                                    intervention.subject)
    if missing:
        raise ValidationError(missing)
    intervention.save()
    record(acting, AuditAction.CREATE, intervention)
    _tell_officer(intervention, acting)
    return intervention


# What can change after an intervention is recorded. The step, its date, who it is for and the comply-by date
# are what later steps' preconditions were checked against, so they stay as recorded.
UPDATABLE = ("owner_agency", "owner_user", "outcome", "breached")


def _later_steps_missing(intervention: Intervention) -> dict[int, list[str]]:
    """For each later step on the case, what its preconditions lack given the history as it is now saved."""
    later = intervention.case.asb_interventions.filter(on__gte=intervention.on).exclude(pk=intervention.pk)
    return {step.pk: preconditions_missing(step.case, step.step, _subject(step), step.on, step.subject)
            for step in later.select_related("case", "subject")}


@transaction.atomic
def do_update_intervention(*, intervention: Intervention, acting: Actor, **fields: Any) -> Intervention:
    """Add the outcome, a breach or the officer later. A change that would leave a later enforcement step
    without its precondition (un-marking the breach a notice relied on) is refused, saying which."""
    unknown = set(fields) - set(UPDATABLE)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} after an intervention is recorded")
    changed = [name for name, value in fields.items() if getattr(intervention, name) != value]
    if not changed:
        return intervention
    officer_before = intervention.owner_user_id
    missing_before = _later_steps_missing(intervention)
    for name in changed:
        setattr(intervention, name, fields[name])
    intervention.full_clean(exclude=["created_by"])
    intervention.save(update_fields=changed)
    for pk, missing in _later_steps_missing(intervention).items():
        newly = [text for text in missing if text not in missing_before.get(pk, [])]
        if newly:  # raising rolls the save back: nothing is changed half-way
            later = Intervention.objects.get(pk=pk)
            raise ValidationError(_("This change is not possible: the %(step)s on %(on)s relies on it. %(why)s") % {
                "step": later.get_step_display(), "on": f"{later.on.day} {later.on:%B %Y}", "why": " ".join(newly)})
    record(acting, AuditAction.UPDATE, intervention, reason="changed: " + ", ".join(changed))
    if intervention.owner_user_id != officer_before:
        _tell_officer(intervention, acting)
    return intervention


def _next_panel(after: date) -> Meeting | None:
    return Meeting.objects.filter(kind=Meeting.Kind.ASB_PANEL, held_at__date__gte=after).order_by("held_at").first()


@transaction.atomic
def do_assess_risk(*, case: Case, person: Person | None, answers: dict[str, bool], officer_says_high: bool,
                   acting: Actor) -> RiskAssessment:
    """Score the assessment; high risk escalates the case to the next multi-agency problem-solving panel."""
    result = score_risk(answers, current_config(), officer_says_high=officer_says_high)
    assessment = RiskAssessment.objects.create(
        case=case, person=person, answers=answers, officer_says_high=officer_says_high, score=result.score,
        level=result.level, reasons="\n".join(result.reasons), assessed_by=acting.user)
    record(acting, AuditAction.CREATE, assessment, reason=f"level {result.level}")
    if result.level == RiskLevel.HIGH:
        _escalate(case, acting)
    elif case.risk_level in (RiskLevel.NOT_ASSESSED, RiskLevel.STANDARD, RiskLevel.MEDIUM):
        Case.objects.filter(pk=case.pk).update(risk_level=result.level)
    return assessment


def _escalate(case: Case, acting: Actor) -> None:
    Case.objects.filter(pk=case.pk).update(risk_level=RiskLevel.HIGH, status=CaseStatus.OPEN, closed_on=None)
    panel = _next_panel(timezone.localdate())
    if panel is not None:
        AgendaItem.objects.get_or_create(meeting=panel, case=case)
        text = _("High risk: added to the problem-solving panel on %s") % f"{panel.held_at:%d %b %Y}"
    else:
        text = _("High risk: no problem-solving panel is booked yet, so book one and add this case")
    do_add_note(case=case, text=text, acting=acting)
    record(acting, AuditAction.UPDATE, case, reason="escalated: high risk")
    mailbox = case.lead_agency.email
    if mailbox:
        queue_email(to=mailbox, purpose="asb_high_risk", subject=_("High-risk ASB victim: %s") % case.reference,
                    body=_("A victim risk assessment on case %s scored high risk. Sign in to csphub to see it.")
                    % case.reference)


@transaction.atomic
def do_record_pspo(*, acting: Actor, **fields: Any) -> Pspo:
    pspo = Pspo(created_by=acting.user, **fields)
    pspo.full_clean(exclude=["created_by"])
    pspo.save()
    record(acting, AuditAction.CREATE, pspo)
    return pspo


@transaction.atomic
def do_decide_access_request(*, request: AccessRequest, grant: bool, acting: Actor) -> AccessRequest:
    """The lead agency grants (adds the agency to the team, which needs a basis for sharing) or refuses."""
    if request.status != AccessRequest.Status.PENDING:
        raise ValidationError(_("This request has already been decided"))
    if grant:
        do_add_team_agency(case=request.case, agency=request.agency, sensitive_access=False, acting=acting)
    request.status = AccessRequest.Status.GRANTED if grant else AccessRequest.Status.REFUSED
    request.save(update_fields=["status"])
    record(acting, AuditAction.UPDATE, request, reason=request.status)
    if request.requested_by.email:
        queue_email(to=request.requested_by.email, purpose="asb_access_decision",
                    subject=_("Your request to join a case"),
                    body=_("Your request to join a case has been %s. Sign in to csphub to see it.")
                    % request.get_status_display().lower())
    return request


@transaction.atomic
def do_request_access(*, case: Case, reason: str, acting: Actor) -> AccessRequest:
    """Ask the lead agency for a place on the team of a case the requester may not see."""
    agency_id = acting.audit_agency[0]
    request = AccessRequest.objects.create(case=case, requested_by=acting.user, agency_id=agency_id, reason=reason)
    record(acting, AuditAction.CREATE, request, reason=f"access to case {case.pk} requested")
    mailbox = case.lead_agency.email
    if mailbox:
        queue_email(to=mailbox, purpose="asb_access_request", subject=_("Request to join case %s") % case.reference,
                    body=_("Another agency has asked to join case %s. Sign in to csphub to decide.") % case.reference)
    return request
