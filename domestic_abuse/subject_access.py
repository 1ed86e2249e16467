"""What the domestic abuse app holds about a person, for a subject access export (see rights.registry).

Domestic abuse records are the clearest case for redaction review: a victim's records name the perpetrator,
a perpetrator's records describe the victim, and a disclosure under Clare's Law is about someone else's past.
"""

from django.db.models import Q

from core.models import Person
from domestic_abuse.models import (
    ChildSchool,
    DashAssessment,
    EncompassNotification,
    MaracReferral,
    MaracResearch,
    PerpetratorIntervention,
    SelfReferral,
)
from rights.registry import (
    ANOTHER_PERSON,
    MATCHED_BY_CONTACT,
    Section,
    SubjectContext,
    item_for,
    items_for,
    records_section,
    register_source,
)


def _dash(ctx: SubjectContext) -> Section:
    rows = (
        DashAssessment.objects.filter(victim=ctx.person)
        .select_related("case", "agency", "assessed_by")
        .prefetch_related("answers__question")
    )
    items = []
    for dash in rows:
        entries = [
            ctx.field("Date", dash.assessed_on),
            ctx.field("Agency", dash.agency.name if dash.agency else ""),
            ctx.staff("Assessed by", dash.assessed_by),
            ctx.field("Score", dash.score),
            ctx.field("Result", dash.get_result_display()),
            ctx.text("Why", dash.result_reason),
            ctx.field("Raised on professional judgement", dash.professional_judgement),
            ctx.text("Reason for professional judgement", dash.judgement_reason),
        ]
        for answer in dash.answers.all():
            entries.append(ctx.field(f"Q{answer.question.number} {answer.question.text}", answer.get_answer_display()))
            entries.append(ctx.text(f"Q{answer.question.number} notes", answer.notes))
        items.append(item_for(dash, f"DASH risk checklist on {dash.case.reference}", entries))
    return Section("domestic_abuse", "Domestic abuse risk assessments (DASH)", items)


def _marac(ctx: SubjectContext) -> list[Section]:
    referrals = MaracReferral.objects.filter(victim=ctx.person).select_related(
        "case", "marac_case", "referring_agency", "referred_by"
    )
    marac_cases = [r.marac_case_id for r in referrals if r.marac_case_id] + ctx.case_ids
    research = MaracResearch.objects.filter(
        agenda_item__case_id__in=marac_cases, holds_information=True
    ).select_related("agenda_item__case", "agency", "submitted_by")
    return [
        records_section(
            "domestic_abuse",
            "MARAC referrals",
            referrals,
            lambda r: f"MARAC referral from {r.case.reference}",
            lambda r: [
                ctx.field("Status", r.get_status_display()),
                ctx.field("Referred on", r.referred_on),
                ctx.field("Referring agency", r.referring_agency.name),
                ctx.staff("Referred by", r.referred_by),
                ctx.field("Criteria met", r.criteria_reasons),
                ctx.field("Repeat referral", r.is_repeat),
                ctx.field("An IDVA is working with you", r.idva_engaged),
                ctx.field("You knew about the referral", r.victim_aware),
                ctx.text("Who is safe to talk to and how", r.safe_contact),
                ctx.text("Why it was not referred", r.decline_reason),
            ],
        ),
        records_section(
            "domestic_abuse",
            "What agencies told the MARAC",
            research,
            lambda row: f"{row.agency.name} for {row.agenda_item.case.reference}",
            lambda row: [
                ctx.field("Agency", row.agency.name),
                ctx.staff("Submitted by", row.submitted_by),
                ctx.field("Submitted", row.submitted_at),
                ctx.text("What the agency holds", row.summary),
            ],
            note="Research is shared in confidence between the agencies at the meeting; each agency decides on "
            "release of its own information.",
        ),
    ]


def _perpetrator_work(ctx: SubjectContext) -> Section:
    rows = (
        PerpetratorIntervention.objects.filter(Q(perpetrator=ctx.person) | Q(case_id__in=ctx.case_ids))
        .distinct()
        .select_related("perpetrator", "case", "recorded_by")
    )
    items = []
    for row in rows:
        about_you = row.perpetrator_id == ctx.person.pk
        items.append(
            item_for(
                row,
                f"{row.get_kind_display()} ({row.case.reference})",
                [
                    ctx.other_person("About", row.perpetrator),
                    ctx.field("Started", row.started_on),
                    ctx.field("Status", row.get_status_display()),
                    ctx.field("Decided", row.decided_on),
                    ctx.staff("Recorded by", row.recorded_by),
                    ctx.text("Notes", row.notes),
                ],
                about_another_person=not about_you,
                reason="" if about_you else ANOTHER_PERSON,
            )
        )
    return Section("domestic_abuse", "Work with perpetrators and Clare's Law disclosures", items)


def _encompass(ctx: SubjectContext) -> Section:
    school = ChildSchool.objects.filter(child=ctx.person).select_related("school").first()
    notices = EncompassNotification.objects.filter(child=ctx.person).select_related("school", "incident")
    items = [item_for(school, "Your school", [ctx.field("School", school.school.name)])] if school else []
    items += items_for(
        notices,
        lambda n: f"Operation Encompass notice to {n.school.name}",
        lambda n: [
            ctx.field("Police attended", n.incident.occurred_at),
            ctx.field("School", n.school.name),
            ctx.field("Status", n.get_status_display()),
            ctx.field("Acknowledged", n.acknowledged_at),
            ctx.field("Escalated", n.escalated_at),
        ],
    )
    return Section("domestic_abuse", "Operation Encompass (school notices)", items)


def _self_referrals(ctx: SubjectContext) -> Section:
    contacts = list(ctx.emails) + list(ctx.phones)
    candidates = SelfReferral.objects.filter(contact_detail__in=contacts) if contacts else SelfReferral.objects.none()
    if ctx.phones:
        candidates = candidates | SelfReferral.objects.filter(contact_method="phone")
    items = []
    for row in candidates.select_related("service").distinct():
        if not ctx.contact_matches(email=row.contact_detail, phone=row.contact_detail):
            continue
        items.append(
            item_for(
                row,
                f"Request for help {row.reference}",
                [
                    ctx.field("Service", row.service.name),
                    ctx.field("Received", row.received_at),
                    ctx.text("Name given", row.name),
                    ctx.field("Contact", row.contact_detail),
                    ctx.text("Safe times", row.safe_times),
                    ctx.text("Message", row.message),
                    ctx.field("First contact", row.first_contact_at),
                ],
                reason=MATCHED_BY_CONTACT,
            )
        )
    return Section(
        "domestic_abuse",
        "Requests for help from the support directory",
        items,
        note="Requests for help are not linked to person records: they are found by the email address "
        "or phone number on your person record.",
    )


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [_dash(ctx), *_marac(ctx), _perpetrator_work(ctx), _encompass(ctx), _self_referrals(ctx)]


register_source("domestic_abuse", sections, order=30)
