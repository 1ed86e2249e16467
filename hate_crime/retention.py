"""Retention: hate reports (public, anonymous, third-party and staff-entered)."""

from django.utils.translation import gettext_lazy as _

from core.models import Case
from hate_crime.models import HateReport, PoliceReferral
from intake.models import OutboundMessage
from retention.models import Trigger
from retention.registry import RecordType, register_record_type

ANONYMISED_TEXT = "Anonymised"
# What the reporter told us about themselves, the place and the people: blanked on anonymisation.
REPORT_TEXT_FIELDS = (
    "impact",
    "occurred_time",
    "location_text",
    "postcode",
    "platform",
    "reporter_police_reference",
    "name",
    "email",
    "phone",
    "safe_times",
    "reported_via",
    "vulnerability",
    "police_reference",
    "outcome",
    "secret_hash",
)


def _delete_referral_messages(report: HateReport) -> None:
    """The messages that carried the report to the police hold its details too."""
    message_ids = list(PoliceReferral.objects.filter(report=report).values_list("message_id", flat=True))
    PoliceReferral.objects.filter(report=report).delete()
    OutboundMessage.objects.filter(pk__in=message_ids).delete()


def delete_report(report: HateReport) -> None:
    _delete_referral_messages(report)
    report.delete()


def anonymise_report(report: HateReport) -> None:
    """Keep channel, status, dates, strands, incident types, target, classification, risk, locality (postcode
    district) and who it was assigned to, so trends still add up; the status page stops working."""
    report.what_happened = ANONYMISED_TEXT
    for name in REPORT_TEXT_FIELDS:
        setattr(report, name, "")
    report.latitude = None if report.latitude is None else round(report.latitude, 2)
    report.longitude = None if report.longitude is None else round(report.longitude, 2)
    report.equality = {}
    report.help_wanted = []
    report.save()
    report.updates.all().delete()
    _delete_referral_messages(report)


register_record_type(
    RecordType(
        code="hate_crime.hatereport",
        label=_("Hate report"),
        model=HateReport,
        candidates=lambda: HateReport.objects.all(),
        triggers={Trigger.CLOSURE: "closed_at", Trigger.SUBMISSION: "created_at"},
        delete=delete_report,
        anonymise=anonymise_report,
        held_through=((Case, "case"),),
        reference_field="reference",
    )
)
