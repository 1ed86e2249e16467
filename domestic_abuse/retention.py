"""Retention: public self-referrals, and the free text of DASH assessments, MARAC referrals and perpetrator
interventions on a case."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.models import Case, CaseParticipant, Person
from domestic_abuse.models import (
    ChildSchool,
    DashAnswer,
    DashAssessment,
    MaracReferral,
    MaracResearch,
    PerpetratorIntervention,
    SelfReferral,
)
from retention.models import RemovalAction, Trigger
from retention.registry import RecordType, register_case_part, register_record_type


def anonymise_self_referral(referral: SelfReferral) -> None:
    """Keep the service, when it came and when first contact was made (the response-time figure)."""
    referral.name = ""
    referral.contact_detail = ""
    referral.safe_times = ""
    referral.message = ""
    referral.save(update_fields=["name", "contact_detail", "safe_times", "message"])


register_record_type(
    RecordType(
        code="domestic_abuse.selfreferral",
        label=_("Domestic abuse self-referral"),
        model=SelfReferral,
        candidates=lambda: SelfReferral.objects.all(),
        triggers={Trigger.SUBMISSION: "received_at"},
        delete=lambda referral: referral.delete(),
        anonymise=anonymise_self_referral,
        reference_field="reference",
    )
)


def only_in(case: Case) -> QuerySet:
    """The case's people who are in no other case (the case's removal deletes or anonymises them)."""
    in_other_cases = CaseParticipant.objects.exclude(case=case).values("person")
    return Person.objects.filter(participations__case=case).exclude(pk__in=in_other_cases).values("pk")


def prepare_domestic_abuse_records(case: Case, action: str) -> None:
    """On anonymisation, keep DASH scores and results, MARAC referral dates and outcomes, and perpetrator
    interventions' kind, dates and status; blank the notes, reasons, research and contact instructions.
    Either way the school of a child who is in no other case is forgotten (a school narrows a child down).
    Deleting: the perpetrator interventions are deleted here, the DASH and MARAC records with the case."""
    ChildSchool.objects.filter(child__in=only_in(case)).delete()
    if action == RemovalAction.DELETE:
        PerpetratorIntervention.objects.filter(case=case).delete()
        return
    DashAssessment.objects.filter(case=case).update(judgement_reason="")
    DashAnswer.objects.filter(assessment__case=case).update(notes="")
    MaracReferral.objects.filter(case=case).update(safe_contact="", decline_reason="")
    MaracResearch.objects.filter(agenda_item__case=case).update(summary="")
    PerpetratorIntervention.objects.filter(case=case).update(notes="")


register_case_part(prepare_domestic_abuse_records)
