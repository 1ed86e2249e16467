"""What the ASB app holds about a person, for a subject access export (see rights.registry)."""

from django.db.models import Q

from asb.models import (
    AsbCasePlan,
    AsbIncident,
    CaseReviewApplication,
    Intervention,
    PersonMatch,
    RepeatVictimFlag,
    RiskAssessment,
)
from core.models import Person
from rights.registry import (
    ANOTHER_PERSON,
    MATCHED_BY_CONTACT,
    Item,
    Section,
    SubjectContext,
    item_for,
    records_section,
    register_source,
)


def _incidents(ctx: SubjectContext) -> Section:
    person = ctx.person
    rows = (
        AsbIncident.objects.filter(Q(victim=person) | Q(perpetrators=person))
        .distinct()
        .select_related("incident", "victim")
        .prefetch_related("perpetrators")
    )
    items = []
    for row in rows:
        perpetrators = list(row.perpetrators.all())
        role = "Victim" if row.victim_id == person.pk else "Alleged perpetrator"
        entries = [
            ctx.field("Your part", role),
            ctx.field("Type", row.get_asb_type_display()),
            ctx.field("When", row.incident.occurred_at),
            ctx.other_person("Victim", row.victim),
        ]
        victim_is_other = row.victim_id is not None and row.victim_id != person.pk
        where = [ctx.text("Address affected", row.victim_address), ctx.field("Postcode", row.victim_postcode)]
        for entry in where if victim_is_other else ():
            entry.third_party, entry.reason = True, ANOTHER_PERSON
        entries += where + [ctx.other_person("Alleged perpetrator", p) for p in perpetrators]
        entries.append(ctx.text("Alleged perpetrators, if not named", row.perpetrator_description))
        items.append(item_for(row, f"ASB incident ({row.get_asb_type_display()})", entries))
    return Section("asb", "Antisocial behaviour incidents", items)


def _risk_and_flags(ctx: SubjectContext) -> list[Section]:
    assessments = RiskAssessment.objects.filter(person=ctx.person).select_related("case", "assessed_by")
    flags = RepeatVictimFlag.objects.filter(person=ctx.person)
    return [
        records_section(
            "asb",
            "ASB victim risk assessments",
            assessments,
            lambda a: f"Risk assessment on {a.case.reference}",
            lambda a: [
                ctx.field("Assessed", a.assessed_at),
                ctx.staff("Assessed by", a.assessed_by),
                ctx.field("Score", a.score),
                ctx.field("Level", a.get_level_display()),
                ctx.field("Answers", a.answers),
                ctx.field("Officer judged the risk high", a.officer_says_high),
                ctx.text("Reasons", a.reasons),
            ],
        ),
        records_section(
            "asb",
            "Repeat victim flags",
            flags,
            lambda f: "Repeat victim flag",
            lambda f: [
                ctx.field("Raised", f.raised_at),
                ctx.text("Reason", f.reason),
                ctx.field("Status", f.get_status_display()),
            ],
        ),
    ]


def _interventions(ctx: SubjectContext) -> Section:
    rows = Intervention.objects.filter(subject=ctx.person).select_related("case", "owner_agency", "owner_user")
    return records_section(
        "asb",
        "ASB interventions with you",
        rows,
        lambda i: f"{i.get_step_display()} ({i.case.reference})",
        lambda i: [
            ctx.field("Intervention", i.get_step_display()),
            ctx.field("Date", i.on),
            ctx.field("Comply by", i.comply_by),
            ctx.field("Breached", i.breached),
            ctx.field("Convicted in these proceedings", i.convicted),
            ctx.field("Agency", i.owner_agency.name),
            ctx.staff("Officer", i.owner_user),
            ctx.text("Outcome", i.outcome),
        ],
    )


def _matches(ctx: SubjectContext) -> Section:
    rows = PersonMatch.objects.filter(Q(person_a=ctx.person) | Q(person_b=ctx.person)).select_related(
        "person_a", "person_b"
    )
    return records_section(
        "asb",
        "Checks for duplicate person records",
        rows,
        lambda match: "Possible duplicate record",
        lambda match: [
            ctx.other_person(
                "The other record", match.person_b if match.person_a_id == ctx.person.pk else match.person_a
            ),
            ctx.field("Score", match.score),
            ctx.field("Why", match.reasons),
            ctx.field("Decision", match.get_status_display()),
        ],
    )


def _plans(ctx: SubjectContext) -> Section:
    plans = AsbCasePlan.objects.filter(case_id__in=ctx.case_ids).select_related("case", "updated_by")
    return records_section(
        "asb",
        "Problem-solving plans for your cases",
        plans,
        lambda plan: f"Plan for {plan.case.reference}",
        lambda plan: [
            ctx.text("The problem", plan.problem),
            ctx.text("The plan", plan.plan),
            ctx.field("Updated", plan.updated_at),
            ctx.staff("Updated by", plan.updated_by),
        ],
    )


def _case_reviews(ctx: SubjectContext) -> Section:
    """Applications are not linked to a person record: found by the subject's email or phone, or their case."""
    contact = Q(pk__in=[])
    for email in ctx.emails:
        contact |= Q(applicant_email__iexact=email)
    candidates = CaseReviewApplication.objects.filter(contact | Q(case_id__in=ctx.case_ids))
    if ctx.phones:
        candidates = candidates | CaseReviewApplication.objects.exclude(applicant_phone="")
    items: list[Item] = []
    for app in candidates.distinct():
        matched = ctx.contact_matches(email=app.applicant_email, phone=app.applicant_phone)
        if not matched and app.case_id not in ctx.case_ids:
            continue
        entries = [
            ctx.field("Reference", app.reference),
            ctx.field("Received", app.received_on),
            ctx.field("Status", app.get_status_display()),
            ctx.text("Applicant", app.applicant_name),
            ctx.field("Applicant's email", app.applicant_email),
            ctx.field("Applicant's phone", app.applicant_phone),
            ctx.text("Victim", app.victim_name),
            ctx.text("Where it happens", app.address),
            ctx.field("Postcode", app.postcode),
            ctx.text("The behaviour", app.behaviour),
            ctx.text("The impact", app.impact),
            ctx.text("Outcome letter", app.outcome_letter),
        ]
        if not matched:  # linked through the subject's case, but made by someone else
            for entry in entries[3:7]:
                if entry.value:
                    entry.third_party, entry.reason = True, ANOTHER_PERSON
        items.append(
            item_for(
                app,
                f"ASB Case Review application {app.reference}",
                entries,
                reason=MATCHED_BY_CONTACT if matched else "",
            )
        )
    return Section(
        "asb",
        "ASB Case Review applications",
        items,
        note="Applications are not linked to person records. They are found by the email address or "
        "phone number on your person record, or because they concern one of your cases.",
    )


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [_incidents(ctx), *_risk_and_flags(ctx), _interventions(ctx), _matches(ctx), _plans(ctx), _case_reviews(ctx)]


register_source("asb", sections, order=20)
