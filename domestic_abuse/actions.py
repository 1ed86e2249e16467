"""Every write in the domestic abuse module: one transaction each, with its audit event; emails are queued
through the outbox and go only once the transaction commits. Callers have passed the access gate."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from access.models import SharingBasis, SharingPurpose
from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_add_team_agency, do_create_case, do_update_case
from core.models import AgendaItem, Case, CaseParticipant, Incident, Meeting, ParticipantRole, Person
from domestic_abuse import rules
from domestic_abuse.config import setting
from domestic_abuse.models import (
    DashAnswer,
    DashAssessment,
    DashQuestion,
    MaracReferral,
    MaracResearch,
    ReferralStatus,
)
from intake.outbox import queue_email
from partnership.models import Agency


def current_dash_version() -> int:
    return DashQuestion.objects.aggregate(v=Max("version"))["v"] or 1


def incidents_for(case: Case, victim: Person) -> list[tuple[datetime, str]]:
    found = Incident.objects.filter(Q(people=victim) | Q(cases=case)).distinct()
    return [(i.occurred_at, i.source_agency.kind) for i in found.select_related("source_agency")]


@transaction.atomic
def do_complete_dash(*, case: Case, victim: Person, answers: Mapping[int, tuple[str, str]], version: int,
                     professional_judgement: bool, judgement_reason: str, acting: Actor) -> DashAssessment:
    """Score the checklist, decide the result and the MARAC criteria, and propose a referral if any is met."""
    questions = list(DashQuestion.objects.filter(version=version))
    if {q.number for q in questions} != set(answers):
        raise ValidationError("Answer every question")
    if professional_judgement and not judgement_reason.strip():
        raise ValidationError("Give the reason for your professional judgement")
    high, medium = setting("DA_DASH_HIGH_THRESHOLD"), setting("DA_DASH_MEDIUM_THRESHOLD")
    result = rules.dash_result([a for a, _n in answers.values()], professional_judgement=professional_judgement,
                               high=high, medium=medium)
    window = setting("DA_ESCALATION_WINDOW_DAYS")
    recent = rules.count_recent_incidents(incidents_for(case, victim), as_of=timezone.now(), window_days=window,
                                          police_only=setting("DA_ESCALATION_POLICE_ONLY"))
    criteria = rules.marac_criteria(score=result.score, professional_judgement=professional_judgement,
                                    recent_incidents=recent, high=high,
                                    escalation_incidents=setting("DA_ESCALATION_INCIDENTS"), window_days=window)
    assessment = DashAssessment.objects.create(
        case=case, victim=victim, version=version, assessed_by=acting.user, agency_id=acting.audit_agency[0],
        professional_judgement=professional_judgement, judgement_reason=judgement_reason, score=result.score,
        result=result.level, result_reason=result.reason, recent_incidents=recent, criteria=criteria.codes,
        criteria_reasons=list(criteria.reasons),
    )
    DashAnswer.objects.bulk_create(
        DashAnswer(assessment=assessment, question=q, answer=answers[q.number][0], notes=answers[q.number][1])
        for q in questions
    )
    record(acting, AuditAction.CREATE, assessment, reason=f"score {result.score}, {result.level}")
    if case.risk_level != result.level:
        do_update_case(case=case, acting=acting, changes={"risk_level": result.level})
    if criteria.met:
        propose_referral(assessment, acting)
    return assessment


def propose_referral(assessment: DashAssessment, acting: Actor) -> MaracReferral | None:
    waiting = MaracReferral.objects.filter(case=assessment.case, victim=assessment.victim,
                                           status=ReferralStatus.PROPOSED).first()
    if waiting is not None:  # one proposal at a time: the latest assessment's criteria replace the old ones
        waiting.assessment, waiting.criteria = assessment, assessment.criteria
        waiting.criteria_reasons = assessment.criteria_reasons
        waiting.save()
        return waiting
    referral = MaracReferral.objects.create(
        case=assessment.case, victim=assessment.victim, assessment=assessment, criteria=assessment.criteria,
        criteria_reasons=assessment.criteria_reasons, referring_agency_id=acting.audit_agency[0],
        referred_by=acting.user,
    )
    record(acting, AuditAction.CREATE, referral, reason="proposed on completing a DASH assessment")
    return referral


def _copy_person(marac_case: Case, person: Person, role: str, basis: str, acting: Actor) -> None:
    if not SharingBasis.objects.filter(person=person, purpose=SharingPurpose.CASE_TEAM,
                                       withdrawn_at__isnull=True).exists():
        SharingBasis.objects.create(person=person, purpose=SharingPurpose.CASE_TEAM, basis=basis,
                                    explanation="MARAC referral", recorded_by=acting.user)
    CaseParticipant.objects.get_or_create(case=marac_case, person=person, role=role)


@transaction.atomic
def do_submit_referral(*, referral: MaracReferral, idva_engaged: bool, victim_aware: bool, safe_contact: str,
                       basis: str, acting: Actor, referred_on: date | None = None) -> MaracReferral:
    """Open the restricted MARAC case, mark a repeat, and tell the MARAC coordinator (reference only)."""
    if referral.status != ReferralStatus.PROPOSED:
        raise ValidationError("This referral has already been dealt with")
    referred_on = referred_on or timezone.localdate()
    earlier = MaracReferral.objects.filter(victim=referral.victim, referred_on__isnull=False).exclude(pk=referral.pk)
    repeat = rules.repeat_referral(referred_on, earlier.values_list("referred_on", flat=True),
                                   window_days=setting("DA_REPEAT_WINDOW_DAYS"))
    marac_case = do_create_case(acting=acting, kind="marac", title="MARAC referral", risk_level="high",
                                lead_agency=Agency.objects.get(pk=acting.audit_agency[0]), lead_officer=acting.user,
                                opened_on=referred_on)
    for participant in referral.case.participants.select_related("person"):
        if participant.role in (ParticipantRole.VICTIM, ParticipantRole.PERPETRATOR, ParticipantRole.CHILD):
            _copy_person(marac_case, participant.person, participant.role, basis, acting)
    referral.marac_case, referral.status, referral.referred_on = marac_case, ReferralStatus.REFERRED, referred_on
    referral.is_repeat, referral.repeat_reason = repeat.is_repeat, repeat.reason
    referral.idva_engaged, referral.victim_aware, referral.safe_contact = idva_engaged, victim_aware, safe_contact
    referral.referring_agency_id, referral.referred_by = acting.audit_agency[0], acting.user
    referral.save()
    record(acting, AuditAction.SHARE, referral, reason=f"referred to MARAC as case {marac_case.pk}"
           + (" (repeat)" if repeat.is_repeat else ""))
    queue_email(to=setting("DA_MARAC_COORDINATOR_EMAIL"), purpose="marac_referral",
                subject=f"New MARAC referral {marac_case.reference}",
                body=f"A new {'repeat ' if repeat.is_repeat else ''}MARAC referral, {marac_case.reference}, is "
                     "waiting to be listed. Sign in to csphub to see it.")
    return referral


@transaction.atomic
def do_decline_referral(*, referral: MaracReferral, reason: str, acting: Actor) -> MaracReferral:
    if referral.status != ReferralStatus.PROPOSED:
        raise ValidationError("This referral has already been dealt with")
    referral.status, referral.decline_reason = ReferralStatus.NOT_REFERRED, reason
    referral.save()
    record(acting, AuditAction.UPDATE, referral, reason="not referred")
    return referral


@transaction.atomic
def do_create_meeting(*, title: str, held_at: datetime, location: str, agencies: Iterable[Agency],
                      acting: Actor) -> Meeting:
    meeting = Meeting.objects.create(kind=Meeting.Kind.MARAC, title=title, held_at=held_at, location=location,
                                     created_by=acting.user)
    meeting.agencies.set(agencies)
    record(acting, AuditAction.CREATE, meeting)
    return meeting


@transaction.atomic
def do_list_referral(*, meeting: Meeting, referral: MaracReferral, acting: Actor) -> AgendaItem:
    """Put a case on the agenda, bring the meeting's agencies onto its team, and open their research."""
    if referral.status != ReferralStatus.REFERRED or referral.marac_case is None:
        raise ValidationError("Only a referral waiting to be listed can go on an agenda")
    case = referral.marac_case
    position = meeting.agenda.count() + 1
    item = AgendaItem.objects.create(meeting=meeting, case=case, position=position)
    on_team = set(case.team.filter(user__isnull=True).values_list("agency_id", flat=True))
    for agency in meeting.agencies.all():
        if agency.pk not in on_team:
            do_add_team_agency(case=case, agency=agency, sensitive_access=False, acting=acting)
        MaracResearch.objects.create(agenda_item=item, agency=agency)
    referral.status = ReferralStatus.LISTED
    referral.save(update_fields=["status"])
    record(acting, AuditAction.UPDATE, meeting, reason=f"case {case.pk} listed")
    return item


@transaction.atomic
def do_submit_research(*, research: MaracResearch, holds_information: bool, summary: str,
                       acting: Actor) -> MaracResearch:
    research.holds_information, research.summary = holds_information, summary
    research.submitted_by, research.submitted_at = acting.user, timezone.now()
    research.save()
    record(acting, AuditAction.UPDATE, research, reason="research submitted")
    return research


@transaction.atomic
def do_record_minutes(*, item: AgendaItem, minutes: str, acting: Actor) -> AgendaItem:
    item.minutes = minutes
    item.save(update_fields=["minutes"])
    MaracReferral.objects.filter(marac_case=item.case, status=ReferralStatus.LISTED).update(
        status=ReferralStatus.HEARD)
    record(acting, AuditAction.UPDATE, item.case, reason=f"MARAC minutes recorded at meeting {item.meeting_id}")
    return item
