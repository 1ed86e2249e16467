"""What the community tension app holds about a person, for a subject access export (see rights.registry).

High-tension incidents are cases: a person on one is found through the case. Tension reports and rumours are
not about people and are not linked to person records; free text that contains the person's full name is
listed, marked for checking, because it may be about someone else with the same name.
"""

from django.db.models import Q

from core.models import Person
from rights.registry import MATCHED_BY_NAME, Section, SubjectContext, items_for, records_section, register_source
from tension.models import HighTensionIncident, ResponseAction, Rumour, TensionReport, TimelineEntry


def _incidents(ctx: SubjectContext) -> list[Section]:
    incidents = HighTensionIncident.objects.filter(case_id__in=ctx.case_ids).select_related("case", "area")
    timeline = TimelineEntry.objects.filter(incident__in=incidents).select_related("incident__case", "by")
    actions = ResponseAction.objects.filter(incident__in=incidents).select_related("incident__case", "owner_agency")
    return [
        records_section(
            "tension",
            "High-tension incidents",
            incidents,
            lambda i: f"High-tension incident {i.case.reference}",
            lambda i: [
                ctx.field("Area", i.area.name),
                ctx.field("Level", i.level_label),
                ctx.field("Declared", i.declared_at),
                ctx.field("Status", i.get_status_display()),
                ctx.text("What happened", i.what_happened),
                ctx.text("Community impact", i.community_impact),
            ],
        ),
        records_section(
            "tension",
            "Timeline of those incidents",
            timeline,
            lambda t: f"{t.get_kind_display()} ({t.incident.case.reference})",
            lambda t: [
                ctx.field("When", t.occurred_at),
                ctx.staff("By", t.by),
                ctx.text("What", t.text),
                ctx.text("Why", t.reason),
            ],
        ),
        records_section(
            "tension",
            "Response actions on those incidents",
            actions,
            lambda a: f"Action ({a.incident.case.reference})",
            lambda a: [
                ctx.text("What needs to be done", a.title),
                ctx.field("Owner", a.owner_agency.name),
                ctx.field("Due", a.due_at),
                ctx.field("Status", a.get_status_display()),
                ctx.text("Outcome", a.outcome),
            ],
        ),
    ]


def _named_in_text(ctx: SubjectContext) -> Section:
    name = ctx.person.full_name.strip()
    if " " not in name:  # a single first name would find too many other people
        return Section("tension", "Tension reports and rumours that give your name", [])
    reports = TensionReport.objects.filter(Q(summary__icontains=name) | Q(sources__icontains=name))
    rumours = Rumour.objects.filter(
        Q(claim__icontains=name) | Q(internal_notes__icontains=name) | Q(verified_facts__icontains=name)
    )
    items = items_for(
        reports.select_related("area"),
        lambda r: f"Tension report, {r.area.name}",
        lambda r: [
            ctx.field("Observed", r.observed_on),
            ctx.text("What was observed", r.summary),
            ctx.text("Sources", r.sources),
        ],
        reason=MATCHED_BY_NAME,
    )
    items += items_for(
        rumours,
        lambda r: "Rumour register entry",
        lambda r: [
            ctx.field("First seen", r.first_seen_at),
            ctx.text("The claim", r.claim),
            ctx.text("Facts verified", r.verified_facts),
            ctx.text("Internal notes", r.internal_notes),
        ],
        reason=MATCHED_BY_NAME,
    )
    return Section(
        "tension",
        "Tension reports and rumours that give your name",
        items,
        note="Found by searching their text for your full name: each must be checked to be about you.",
    )


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [*_incidents(ctx), _named_in_text(ctx)]


register_source("tension", sections, order=60)
