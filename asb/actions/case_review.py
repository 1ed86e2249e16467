"""The ASB Case Review from application to outcome, each step a named transition with its audit event."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from access.policy import Actor
from asb.models import (
    ApplicationComplaint,
    ApplicationStatus,
    AsbIncident,
    CaseReviewApplication,
    EscalationStatus,
    InformationRequest,
    Recommendation,
)
from asb.models.case_review import TRANSITIONS
from asb.models.settings import current_config
from asb.rules.matching import address_key
from asb.rules.threshold import Complaint, ThresholdDecision, ThresholdFacts, add_months, decide_threshold
from asb.rules.timescales import escalation_deadlines
from audit.log import record
from audit.models import AuditAction
from core.actions import do_create_case
from core.models import AgendaItem, Meeting
from intake.outbox import queue_email
from intake.references import make_public_reference, make_status_secret
from partnership.models import Agency

REFERENCE_PREFIX = "CR"


def _move(application: CaseReviewApplication, to: str) -> None:
    if to not in TRANSITIONS[application.status]:
        raise ValidationError(_("This application is %(now)s, so that step is not possible")
                              % {"now": application.get_status_display().lower()})
    application.status = to


def _tell_applicant(application: CaseReviewApplication, subject: str, body: str, purpose: str) -> None:
    if application.applicant_email:
        queue_email(to=application.applicant_email, subject=subject, body=body, purpose=purpose)


def do_submit_application(*, acting: Actor | None, fields: dict[str, Any], complaints: list[dict[str, Any]]
                          ) -> tuple[CaseReviewApplication, str]:
    """Save an application and its complaints (one transaction: the caller's or our own). Returns the secret."""
    with transaction.atomic():
        secret, secret_hash = make_status_secret()
        application = CaseReviewApplication(reference=make_public_reference(REFERENCE_PREFIX),
                                            secret_hash=secret_hash, **fields)
        application.full_clean()
        application.save()
        for complaint in complaints:
            ApplicationComplaint.objects.create(application=application, **complaint)
        record(acting, AuditAction.CREATE, application, reason=f"{len(complaints)} complaints, {application.channel}")
        _tell_applicant(application, _("We have your ASB Case Review application"), _(
            "Thank you. Your reference is %(ref)s. We will tell you within %(days)s working days whether a case "
            "review will be held.") % {"ref": application.reference,
                                       "days": current_config().threshold_decision_working_days},
            "asb_case_review_received")
    return application, secret


def held_complaints(application: CaseReviewApplication) -> list[Complaint]:
    """Incidents csphub already holds at the same address in the period the application could rely on."""
    if not application.address:
        return []
    config = current_config()
    since = add_months(application.received_on, -(config.application_within_months + config.complaint_within_months))
    held = AsbIncident.objects.filter(
        address_key=address_key(application.address, application.postcode),
        incident__occurred_at__date__gte=since, incident__occurred_at__date__lte=application.received_on,
    ).select_related("incident__source_agency")
    return [Complaint(h.incident.occurred_at.date(), timezone.localdate(h.incident.created_at),
                      h.incident.source_agency.name, h.incident.external_reference, "held") for h in held]


def threshold_facts(application: CaseReviewApplication) -> ThresholdFacts:
    mine = [Complaint(c.behaviour_on, c.complained_on, c.agency_name, c.agency_reference)
            for c in application.complaints.all()]
    return ThresholdFacts(application.received_on, tuple(mine + held_complaints(application)),
                          application.hate_motivated, application.vulnerable)


@transaction.atomic
def do_decide_threshold(*, application: CaseReviewApplication, acting: Actor) -> CaseReviewApplication:
    decision = decide_threshold(threshold_facts(application), current_config())
    _move(application, ApplicationStatus.THRESHOLD_MET if decision.met else ApplicationStatus.THRESHOLD_NOT_MET)
    application.decided_on = application.told_on = timezone.localdate()
    application.decided_by = acting.user
    application.decision_lines = "\n".join(decision.lines)
    application.save()
    record(acting, AuditAction.UPDATE, application, reason=f"threshold {'met' if decision.met else 'not met'}")
    if decision.met:
        body = _("The threshold for an ASB Case Review is met. We will hold the review and tell you the outcome.")
    else:
        body = _("The threshold for an ASB Case Review is not met. If you think this is wrong you can ask "
                 "%(body)s to look at it again within %(days)s working days.") % {
            "body": current_config().escalation_body, "days": current_config().escalation_request_working_days}
    _tell_applicant(application, _("Your ASB Case Review: our decision (%s)") % application.reference, body,
                    "asb_case_review_decision")
    return application


@transaction.atomic
def do_schedule_review(*, application: CaseReviewApplication, held_at: datetime, lead_agency: Agency,
                       acting: Actor) -> Meeting:
    """Open the ASB case (if none) and put it on a Case Review panel meeting."""
    if application.status != ApplicationStatus.THRESHOLD_MET:
        raise ValidationError(_("A review can only be booked once the threshold is met"))
    if application.case is None:
        application.case = do_create_case(acting=acting, kind="asb", title=_("ASB Case Review %s")
                                          % application.reference, lead_agency=lead_agency)
    meeting = Meeting.objects.create(kind=Meeting.Kind.CASE_REVIEW, title=_("ASB Case Review %s")
                                     % application.reference, held_at=held_at, created_by=acting.user)
    meeting.agencies.add(lead_agency)
    AgendaItem.objects.create(meeting=meeting, case=application.case)
    application.meeting, application.lead_agency = meeting, lead_agency
    application.save()
    record(acting, AuditAction.CREATE, meeting, reason=f"case review panel for application {application.pk}")
    return meeting


@transaction.atomic
def do_request_information(*, application: CaseReviewApplication, acting: Actor, **fields: Any) -> InformationRequest:
    request = InformationRequest(application=application, **fields)
    request.full_clean()
    request.save()
    record(acting, AuditAction.CREATE, request)
    if request.agency.email:
        queue_email(to=request.agency.email, purpose="asb_information_request",
                    subject=_("Information needed for ASB Case Review %s") % application.reference,
                    body=_("Please send the information asked for by %s. Sign in to csphub to see the request.")
                    % f"{request.due_on:%d %B %Y}")
    return request


@transaction.atomic
def do_mark_information_received(*, request: InformationRequest, received_on: date, acting: Actor
                                 ) -> InformationRequest:
    """The agency has sent what the review panel asked for."""
    if request.received_on is not None:
        raise ValidationError(_("This information has already been marked as received"))
    if received_on > timezone.localdate():
        raise ValidationError(_("The date it arrived must be today or in the past"))
    if received_on < request.requested_on:
        raise ValidationError(_("The date it arrived must be on or after the date it was asked for (%s)")
                              % f"{request.requested_on:%d %B %Y}")
    request.received_on = received_on
    request.save(update_fields=["received_on"])
    record(acting, AuditAction.UPDATE, request, reason="information received")
    return request


@transaction.atomic
def do_add_recommendation(*, application: CaseReviewApplication, acting: Actor, **fields: Any) -> Recommendation:
    recommendation = Recommendation(application=application, **fields)
    recommendation.full_clean()
    recommendation.save()
    record(acting, AuditAction.CREATE, recommendation)
    return recommendation


@transaction.atomic
def do_complete_recommendation(*, recommendation: Recommendation, acting: Actor) -> Recommendation:
    if recommendation.completed_on is not None:
        raise ValidationError(_("This recommendation is already done"))
    recommendation.completed_on = timezone.localdate()
    recommendation.save()
    record(acting, AuditAction.UPDATE, recommendation, reason="completed")
    return recommendation


def draft_outcome_letter(application: CaseReviewApplication) -> str:
    return render_to_string("asb/outcome_letter.txt", {
        "application": application, "recommendations": application.recommendations.select_related("owner_agency"),
        "escalation_body": current_config().escalation_body,
        "escalation_days": current_config().escalation_request_working_days})


@transaction.atomic
def do_record_review_held(*, application: CaseReviewApplication, held_on: date, acting: Actor
                          ) -> CaseReviewApplication:
    _move(application, ApplicationStatus.REVIEW_HELD)
    application.reviewed_on = held_on
    application.save()
    application.outcome_letter = draft_outcome_letter(application)
    application.save(update_fields=["outcome_letter"])
    record(acting, AuditAction.UPDATE, application, reason="review held")
    return application


@transaction.atomic
def do_send_outcome(*, application: CaseReviewApplication, letter: str, acting: Actor) -> CaseReviewApplication:
    _move(application, ApplicationStatus.OUTCOME_SENT)
    application.outcome_letter = letter
    application.outcome_sent_on = timezone.localdate()
    application.save()
    record(acting, AuditAction.UPDATE, application, reason="outcome sent")
    _tell_applicant(application, _("The outcome of your ASB Case Review (%s)") % application.reference, letter,
                    "asb_case_review_outcome")
    return application


@transaction.atomic
def do_record_escalation(*, application: CaseReviewApplication, grounds: str, requested_on: date,
                         acting: Actor) -> CaseReviewApplication:
    if application.status not in (ApplicationStatus.THRESHOLD_NOT_MET, ApplicationStatus.OUTCOME_SENT):
        raise ValidationError(_("An escalation can follow a refusal or an outcome only"))
    if application.escalation_status != EscalationStatus.NONE:
        raise ValidationError(_("An escalation has already been asked for"))
    application.escalation_status = EscalationStatus.REQUESTED
    application.escalation_requested_on = requested_on
    application.escalation_grounds = grounds
    application.save()
    record(acting, AuditAction.UPDATE, application, reason="escalation requested")
    return application


@transaction.atomic
def do_decide_escalation(*, application: CaseReviewApplication, upheld: bool, acting: Actor) -> CaseReviewApplication:
    if application.escalation_status != EscalationStatus.REQUESTED:
        raise ValidationError(_("There is no escalation waiting for a decision"))
    application.escalation_status = EscalationStatus.UPHELD if upheld else EscalationStatus.NOT_UPHELD
    application.escalation_decided_on = timezone.localdate()
    application.save()
    record(acting, AuditAction.UPDATE, application, reason=f"escalation {application.escalation_status}")
    return application


def decide_threshold_preview(application: CaseReviewApplication) -> ThresholdDecision:
    """What the engine would decide now (read only), so the coordinator sees the reasoning before deciding."""
    return decide_threshold(threshold_facts(application), current_config())


def escalation_timeline(application: CaseReviewApplication) -> list:
    told = application.outcome_sent_on or (
        application.told_on if application.status == ApplicationStatus.THRESHOLD_NOT_MET else None)
    if told is None:
        return []
    return escalation_deadlines(told, current_config(), requested_on=application.escalation_requested_on)
