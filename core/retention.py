"""The shared case file's retainable record types: closed cases of each kind, incidents, attachments.

Read by the retention app (``retention.registry``); it registers case kinds known when apps are ready,
so the retention app comes after the domain apps in INSTALLED_APPS.
"""

from collections.abc import Callable
from decimal import Decimal

from django.db import transaction
from django.db.models import ProtectedError, QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.kinds import CaseKind, all_kinds
from core.models import Attachment, Case, CaseStatus, Incident, Person
from retention.anonymise import anonymise_person
from retention.models import RemovalAction, Trigger
from retention.registry import RecordType, case_parts, register_record_type

ANONYMISED_CASE_TITLE = "Anonymised case"
ANONYMISED_ACTION_TITLE = "Anonymised action"


def delete_attachment(attachment: Attachment) -> None:
    """The stored file goes too: a database row removed with its file left on disk is not deleted."""
    attachment.file.delete(save=False)
    attachment.delete()


def _delete_if_unused(person: Person) -> None:
    """A person in no other case is deleted; one still needed elsewhere (e.g. an ASB incident's victim)
    is anonymised instead."""
    if person.participations.exists():
        return
    try:
        with transaction.atomic():
            person.delete()
    except ProtectedError:
        anonymise_person(person)


def delete_case(case: Case) -> None:
    """The case, everything that is part of it, its files, and people who were in no other case."""
    for prepare in case_parts():
        prepare(case, RemovalAction.DELETE)
    for attachment in case.attachments.all():
        attachment.file.delete(save=False)
    people = list(Person.objects.filter(participations__case=case).distinct())
    case.delete()
    for person in people:
        _delete_if_unused(person)


def anonymise_case(case: Case) -> None:
    """Keep the case's kind, dates, status, risk, lead agency and team (so every figure still counts it);
    remove its summary, notes, files and free text, and its people's details.

    A person who is in no other case is anonymised and stays linked (victims per case still add up);
    a person who is in another case is unlinked from this one."""
    for prepare in case_parts():
        prepare(case, RemovalAction.ANONYMISE)
    case.title = ANONYMISED_CASE_TITLE
    case.save(update_fields=["title", "updated_at"])
    for attachment in case.attachments.all():
        delete_attachment(attachment)
    case.notes.all().delete()
    case.actions.update(title=ANONYMISED_ACTION_TITLE, outcome="")
    case.team.update(lawful_basis="")
    case.agenda_items.update(minutes="")
    case.break_glass_grants.update(reason="")
    for participant in case.participants.select_related("person"):
        if participant.person.participations.exclude(case=case).exists():
            participant.delete()
        else:
            anonymise_person(participant.person)


def closed_cases(kind: CaseKind) -> Callable[[], QuerySet]:
    return lambda: Case.objects.filter(kind=kind.code, status=CaseStatus.CLOSED)


def register_case_kind(kind: CaseKind) -> None:
    register_record_type(
        RecordType(
            code=f"case.{kind.code}",
            label=format_lazy("{}: {}", _("Closed case"), kind.label),
            model=Case,
            candidates=closed_cases(kind),
            triggers={Trigger.CLOSURE: "closed_on", Trigger.LAST_ACTIVITY: "updated_at"},
            delete=delete_case,
            anonymise=anonymise_case,
            reference_field="reference",
        )
    )


def _round_point(value: Decimal | None) -> Decimal | None:
    """About a kilometre: enough for hot spots by area, not enough to find a door."""
    return None if value is None else round(value, 2)


def anonymise_incident(incident: Incident) -> None:
    """Keep its category, time, source agency, cases and area; drop what happened, where exactly, and who."""
    incident.description = ""
    incident.location_text = ""
    incident.external_reference = ""
    incident.latitude = _round_point(incident.latitude)
    incident.longitude = _round_point(incident.longitude)
    incident.save(update_fields=["description", "location_text", "external_reference", "latitude", "longitude"])
    incident.people.clear()


def incidents_with_no_live_case() -> QuerySet:
    """An incident still linked to an open case is part of live work, whatever its age."""
    live = Case.objects.exclude(status=CaseStatus.CLOSED).values("pk")
    return Incident.objects.exclude(cases__in=live)


for _kind in all_kinds():
    register_case_kind(_kind)

register_record_type(
    RecordType(
        code="core.incident",
        label=_("Incident (not linked to an open case)"),
        model=Incident,
        candidates=incidents_with_no_live_case,
        triggers={Trigger.SUBMISSION: "created_at"},
        delete=lambda incident: incident.delete(),
        anonymise=anonymise_incident,
        held_through=((Case, "cases"),),
    )
)

register_record_type(
    RecordType(
        code="core.attachment",
        label=_("Attachment to a case"),
        model=Attachment,
        candidates=lambda: Attachment.objects.all(),
        triggers={Trigger.CLOSURE: "case__closed_on", Trigger.SUBMISSION: "uploaded_at"},
        delete=delete_attachment,
        held_through=((Case, "case"),),
    )
)
