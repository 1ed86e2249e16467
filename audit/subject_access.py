"""The audit trail about the records a subject access export found (see rights.registry)."""

from django.db.models import Q

from audit.models import AuditEvent
from core.models import Person
from rights.registry import Entry, Item, Section, register_trail_source, staff_entry

MAX_EVENTS = 5000  # a person with more is exceptional: the export says so rather than running without end


def sections(person: Person, records: set[tuple[str, str]]) -> list[Section]:
    by_type: dict[str, set[str]] = {}
    for record_type, record_id in records:
        by_type.setdefault(record_type, set()).add(record_id)
    if not by_type:
        return []
    about = Q(pk__in=[])
    for record_type, ids in by_type.items():
        about |= Q(object_type=record_type, object_id__in=sorted(ids))
    events = list(AuditEvent.objects.filter(about).order_by("sequence")[: MAX_EVENTS + 1])
    note = "Who looked at or changed the records above, and when."
    if len(events) > MAX_EVENTS:
        events, note = events[:MAX_EVENTS], note + f" Only the first {MAX_EVENTS} events are listed."
    return [Section("audit", "Who has seen or changed these records", [_item(event) for event in events], note)]


def _item(event: AuditEvent) -> Item:
    entries = [
        Entry("When", event.created_at.isoformat(timespec="seconds")),
        Entry("What was done", str(event.get_action_display())),
        Entry("Record", f"{event.object_type} {event.object_id}"),
        staff_entry("By", event.actor_label) if event.actor_id is not None else Entry("By", event.actor_label),
        Entry("Agency", event.agency_label),
        Entry("Reason given", event.reason, free_text=True),
    ]
    return Item(
        title=f"Audit event {event.sequence}",
        record_type="audit.auditevent",
        record_id=str(event.pk),
        entries=[entry for entry in entries if entry.value],
    )


register_trail_source("audit", sections)
