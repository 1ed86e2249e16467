"""Retention: the oldest audit events, pruned from the start of the chain (``audit.prune``)."""

from django.db.models import Max, QuerySet
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent
from audit.prune import prune_events
from retention.models import Trigger
from retention.registry import RecordType, register_record_type


def prune_due_events(due: QuerySet, reason: str) -> int:
    """Prune the longest prefix of the chain that is all due (a held event, or a newer one, stops it)."""
    last_due = due.aggregate(last=Max("sequence"))["last"]
    if last_due is None:
        return 0
    first_kept = (
        AuditEvent.objects.exclude(pk__in=due.values("pk"))
        .filter(sequence__lt=last_due)
        .order_by("sequence")
        .values_list("sequence", flat=True)
        .first()
    )
    through = last_due if first_kept is None else first_kept - 1
    return prune_events(through=through, reason_prefix=f"{reason}; ")


def _one_by_one_is_not_allowed(event: AuditEvent) -> None:
    raise ValueError("audit events are only ever pruned from the start of the chain")


register_record_type(
    RecordType(
        code="audit.auditevent",
        label=_("Audit event"),
        model=AuditEvent,
        candidates=lambda: AuditEvent.objects.all(),
        triggers={Trigger.SUBMISSION: "created_at"},
        delete=_one_by_one_is_not_allowed,
        remove_in_bulk=prune_due_events,
    )
)
