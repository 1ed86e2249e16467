"""Retention: ASB Case Review applications (the public "community trigger"), the ASB records that are part
of a case (its problem-solving plan, interventions, victim risk assessments and access requests), and the ASB
detail of a shared incident (its victim, address and alleged perpetrators)."""

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from asb.models import AccessRequest, AsbCasePlan, AsbIncident, CaseReviewApplication, Intervention, RiskAssessment
from core.models import Case, CaseParticipant, Incident, Person
from retention.models import RemovalAction, Trigger
from retention.registry import RecordType, register_case_part, register_record_part, register_record_type

ANONYMISED_TEXT = "Anonymised"
APPLICATION_TEXT_FIELDS = (
    "secret_hash",
    "applicant_email",
    "applicant_phone",
    "victim_name",
    "address",
    "decision_lines",
    "outcome_letter",
    "escalation_grounds",
)


def _postcode_district(postcode: str) -> str:
    return postcode.strip().upper().split(" ")[0] if " " in postcode.strip() else ""


def anonymise_application(application: CaseReviewApplication) -> None:
    """Keep channel, dates, status, threshold, hate-motivated and vulnerable flags, escalation outcome,
    recommendations (to agencies) and the postcode district; blank names, contacts and the account given."""
    application.applicant_name = ANONYMISED_TEXT
    application.behaviour = ANONYMISED_TEXT
    application.impact = ""
    for name in APPLICATION_TEXT_FIELDS:
        setattr(application, name, "")
    application.postcode = _postcode_district(application.postcode)
    application.save()
    application.complaints.update(agency_reference="")
    application.information_requests.update(asked_for=ANONYMISED_TEXT)


register_record_type(
    RecordType(
        code="asb.casereviewapplication",
        label=_("ASB Case Review application"),
        model=CaseReviewApplication,
        candidates=lambda: CaseReviewApplication.objects.all(),
        # Closed when the outcome went out, or when the applicant was told the threshold was not met.
        triggers={
            Trigger.CLOSURE: Coalesce("outcome_sent_on", "told_on", "decided_on"),
            Trigger.SUBMISSION: "received_on",
        },
        delete=lambda application: application.delete(),
        anonymise=anonymise_application,
        held_through=((Case, "case"),),
        reference_field="reference",
    )
)


def people_kept_with(case: Case) -> QuerySet:
    """People who stay linked to the case once it is anonymised: in it and in no other case (the case's
    anonymisation anonymises them). Anyone else is unlinked from the case's ASB records."""
    in_other_cases = CaseParticipant.objects.exclude(case=case).values("person")
    return Person.objects.filter(participations__case=case).exclude(pk__in=in_other_cases)


def anonymise_asb_case_records(case: Case) -> None:
    """Keep each intervention's step, dates, agency, officer, breach, conviction, subject age and business flag,
    and each risk assessment's answers, score, level and date (the ladder and risk figures still add up);
    blank the plan, the outcomes, the reasons and the access requests' reasons. A subject or victim who is also
    in another case is unlinked (the case's anonymisation unlinks them from its participants too)."""
    AsbCasePlan.objects.filter(case=case).update(problem=ANONYMISED_TEXT, plan=ANONYMISED_TEXT)
    kept = people_kept_with(case).values("pk")
    interventions = Intervention.objects.filter(case=case)
    interventions.update(outcome="")
    interventions.filter(~Q(subject__in=kept), subject__isnull=False).update(subject=None)
    assessments = RiskAssessment.objects.filter(case=case)
    assessments.update(reasons="")
    assessments.filter(~Q(person__in=kept), person__isnull=False).update(person=None)
    AccessRequest.objects.filter(case=case).update(reason=ANONYMISED_TEXT)


def prepare_asb_case_records(case: Case, action: str) -> None:
    """Delete the case's ASB records (before its people, whom interventions and assessments protect), or
    blank their free text."""
    if action == RemovalAction.DELETE:
        for model in (AsbCasePlan, Intervention, RiskAssessment, AccessRequest):
            model.objects.filter(case=case).delete()
        return
    anonymise_asb_case_records(case)


register_case_part(prepare_asb_case_records)


def prepare_asb_incident(incident: Incident, action: str) -> None:
    """Keep the type of antisocial behaviour and the postcode district; drop the victim, the address affected
    (and its matching key), the alleged perpetrators and their description. Deleting the incident deletes its
    ASB detail with it (the people stay: each is a record in their own right)."""
    if action != RemovalAction.ANONYMISE:
        return
    for detail in AsbIncident.objects.filter(incident=incident):
        detail.victim = None
        detail.victim_address = detail.address_key = detail.perpetrator_description = ""
        detail.victim_postcode = _postcode_district(detail.victim_postcode)
        detail.save()
        detail.perpetrators.clear()


register_record_part("core.incident", prepare_asb_incident)
