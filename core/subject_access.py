"""What the shared case file holds about a person, for a subject access export (see rights.registry)."""

from django.db.models import Q

from core.models import Action, AgendaItem, Attachment, CaseParticipant, Incident, Note, Person
from rights.registry import ANOTHER_PERSON, Item, Section, SubjectContext, item_for, records_section, register_source

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "other_names",
    "gender",
    "date_of_birth",
    "address",
    "postcode",
    "phone",
    "email",
    "safe_contact",
    "vulnerabilities",
    "created_at",
    "updated_at",
)


def _person(ctx: SubjectContext) -> Section:
    person = ctx.person
    entries = [
        ctx.field(Person._meta.get_field(name).verbose_name.capitalize(), getattr(person, name))
        for name in PERSON_FIELDS
        if name not in ("safe_contact", "vulnerabilities")
    ]
    entries += [
        ctx.text(Person._meta.get_field(name).verbose_name.capitalize(), getattr(person, name))
        for name in ("safe_contact", "vulnerabilities")
    ]
    return Section("core", "Your person record", [item_for(person, "Person record", entries)])


def _cases(ctx: SubjectContext) -> Section:
    items: list[Item] = []
    mine = CaseParticipant.objects.filter(person=ctx.person).select_related("case__lead_agency", "case__lead_officer")
    for participation in mine:
        case = participation.case
        items.append(
            item_for(
                case,
                f"Case {case.reference}",
                [
                    ctx.field("Reference", case.reference),
                    ctx.field("Kind", case.kind_label),
                    ctx.field("Your role", participation.get_role_display()),
                    ctx.text("Summary", case.title),
                    ctx.field("Status", case.get_status_display()),
                    ctx.field("Risk level", case.get_risk_level_display()),
                    ctx.field("Lead agency", case.lead_agency.name),
                    ctx.staff("Lead officer", case.lead_officer),
                    ctx.field("Opened on", case.opened_on),
                    ctx.field("Closed on", case.closed_on),
                    ctx.field("Added to the case", participation.added_at),
                ],
            )
        )
    others = (
        CaseParticipant.objects.filter(case_id__in=ctx.case_ids)
        .exclude(person=ctx.person)
        .select_related("case", "person")
    )
    for other in others:
        items.append(
            item_for(
                other,
                f"Another person on case {other.case.reference}",
                [
                    ctx.other_person("Name", other.person),
                    ctx.field("Their role", other.get_role_display()),
                ],
                about_another_person=True,
                reason=ANOTHER_PERSON,
            )
        )
    return Section("core", "Cases you are part of", items)


def _incidents(ctx: SubjectContext) -> Section:
    incidents = (
        Incident.objects.filter(Q(people=ctx.person) | Q(cases__in=ctx.case_ids))
        .distinct()
        .select_related("source_agency", "recorded_by")
        .prefetch_related("people", "cases")
    )
    items = []
    for incident in incidents:
        entries = [
            ctx.field("When", incident.occurred_at),
            ctx.field("Category", incident.get_category_display()),
            ctx.text("What happened", incident.description),
            ctx.text("Where", incident.location_text),
            ctx.field("Recorded by agency", incident.source_agency.name),
            ctx.field("The agency's reference", incident.external_reference),
            ctx.staff("Recorded by", incident.recorded_by),
            ctx.field("Cases", [c.reference for c in incident.cases.all()]),
        ]
        entries += [ctx.other_person("Person linked", p) for p in incident.people.all() if p.pk != ctx.person.pk]
        named = any(p.pk == ctx.person.pk for p in incident.people.all())
        items.append(
            item_for(
                incident,
                str(incident),
                entries,
                about_another_person=not named,
                reason="" if named else "Linked to your case, not to you by name: may be about another person",
            )
        )
    return Section("core", "Incidents", items)


def _notes(ctx: SubjectContext) -> Section:
    notes = Note.objects.filter(case_id__in=ctx.case_ids).select_related("case", "author", "author_agency")
    return records_section(
        "core",
        "Notes on your cases",
        notes,
        lambda note: f"Note on {note.case.reference}",
        lambda note: [
            ctx.field("Written", note.created_at),
            ctx.staff("Written by", note.author),
            ctx.field("Agency", note.author_agency.name if note.author_agency else ""),
            ctx.text("Note", note.text),
        ],
    )


def _actions(ctx: SubjectContext) -> Section:
    actions = Action.objects.filter(case_id__in=ctx.case_ids).select_related("case", "owner_agency", "owner_user")
    return records_section(
        "core",
        "Actions on your cases",
        actions,
        lambda action: f"Action on {action.case.reference}",
        lambda action: [
            ctx.text("What needs to be done", action.title),
            ctx.field("Due", action.due_on),
            ctx.field("Status", action.get_status_display()),
            ctx.field("Agency", action.owner_agency.name if action.owner_agency else ""),
            ctx.staff("Officer", action.owner_user),
            ctx.text("Outcome", action.outcome),
            ctx.field("Completed", action.completed_at),
        ],
    )


def _minutes(ctx: SubjectContext) -> Section:
    items = AgendaItem.objects.filter(case_id__in=ctx.case_ids).exclude(minutes="").select_related("case", "meeting")
    return records_section(
        "core",
        "Meeting minutes about your cases",
        items,
        lambda item: f"Minutes for {item.case.reference}",
        lambda item: [
            ctx.field("Meeting", item.meeting.get_kind_display()),
            ctx.field("Held", item.meeting.held_at),
            ctx.text("Minutes", item.minutes),
        ],
    )


def _attachments(ctx: SubjectContext) -> Section:
    files = Attachment.objects.filter(case_id__in=ctx.case_ids).select_related("case", "uploaded_by")
    return records_section(
        "core",
        "Files on your cases",
        files,
        lambda file: f"File on {file.case.reference}",
        lambda file: [
            ctx.text("File name", file.original_name),
            ctx.field("Type", file.content_type),
            ctx.field("Size in bytes", file.size),
            ctx.text("Description", file.description),
            ctx.field("Uploaded", file.uploaded_at),
            ctx.staff("Uploaded by", file.uploaded_by),
        ],
        note="Only what is recorded about each file is listed here. The files themselves must be read and "
        "added to the response by hand, after redaction review.",
    )


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [_person(ctx), _cases(ctx), _incidents(ctx), _notes(ctx), _actions(ctx), _minutes(ctx), _attachments(ctx)]


register_source("core", sections, order=10)
