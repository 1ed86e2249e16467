"""What the hate crime app holds about a person, for a subject access export (see rights.registry).

Hate reports are not linked to person records. A report is found when its email or phone matches the person
record's (then it is the subject's own report, to be checked), or when it is linked to one of their cases
(then the reporter's details are about someone else). Anonymous reports cannot be found and are not.
"""

from django.db.models import Q

from core.models import Person
from hate_crime.models import HateReport, ReportUpdate
from rights.registry import ANOTHER_PERSON, MATCHED_BY_CONTACT, Section, SubjectContext, item_for, register_source

REPORTER_FIELDS = ("Name given", "Email", "Phone", "Safe times to contact")


def _candidates(ctx: SubjectContext):  # noqa: ANN202 - a HateReport queryset
    found = Q(case_id__in=ctx.case_ids)
    for email in ctx.emails:
        found |= Q(email__iexact=email)
    if ctx.phones:
        found |= ~Q(phone="")
    return HateReport.objects.filter(found).select_related("assigned_agency", "assigned_officer")


def _report(ctx: SubjectContext, report: HateReport, matched: bool) -> list:
    entries = [
        ctx.field("Reference", report.reference),
        ctx.field("Received", report.created_at),
        ctx.field("Status", report.get_status_display()),
        ctx.field("Who reported", report.get_reporter_role_display()),
        ctx.text("What happened", report.what_happened),
        ctx.field("When", report.occurred_on),
        ctx.text("Where", report.location_text),
        ctx.field("Postcode", report.postcode),
        ctx.field("Motivated by", report.strands),
        ctx.field("What happened (types)", report.incident_types),
        ctx.text("The impact", report.impact),
        ctx.field("Passing it to the police", report.get_police_consent_display()),
        ctx.text("Name given", report.name),
        ctx.field("Email", report.email),
        ctx.field("Phone", report.phone),
        ctx.text("Safe times to contact", report.safe_times),
        ctx.field("Equality monitoring", report.equality),
        ctx.field("Classification", report.get_classification_display()),
        ctx.field("Risk level", report.get_risk_level_display()),
        ctx.text("Vulnerability", report.vulnerability),
        ctx.field("Assigned agency", report.assigned_agency.name if report.assigned_agency else ""),
        ctx.staff("Assigned officer", report.assigned_officer),
        ctx.field("Police reference", report.police_reference),
        ctx.text("Outcome", report.outcome),
    ]
    if not matched:  # made by someone else about the subject's case: their details are theirs
        for entry in entries:
            if entry.label in REPORTER_FIELDS or entry.label == "Equality monitoring":
                entry.third_party, entry.reason = bool(entry.value), ANOTHER_PERSON
    return entries


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    reports, updates = [], []
    for report in _candidates(ctx):
        matched = ctx.contact_matches(email=report.email, phone=report.phone)
        if not matched and report.case_id not in ctx.case_ids:
            continue
        reports.append(
            item_for(
                report,
                f"Hate report {report.reference}",
                _report(ctx, report, matched),
                reason=MATCHED_BY_CONTACT if matched else "",
            )
        )
        updates += [
            item_for(
                u,
                f"{u.get_kind_display()} on {report.reference}",
                [
                    ctx.field("When", u.created_at),
                    ctx.staff("By", u.author),
                    ctx.text("Text", u.text),
                ],
            )
            for u in ReportUpdate.objects.filter(report=report).select_related("author")
        ]
    note = (
        "Hate reports are not linked to person records. They are found by the email address or phone number "
        "on your person record, or because they are linked to one of your cases. Anonymous reports cannot be "
        "found."
    )
    return [
        Section("hate_crime", "Hate crime and incident reports", reports, note=note),
        Section("hate_crime", "Updates and notes on those reports", updates),
    ]


register_source("hate_crime", sections, order=40)
