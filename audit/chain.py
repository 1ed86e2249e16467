"""Writing to and checking the audit chain."""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from audit.models import AuditAction, AuditChainHead, AuditEvent

GENESIS_HASH = "0" * 64


def event_digest(event: AuditEvent) -> str:
    """SHA-256 over the event's content and the previous event's hash."""
    content = {
        "sequence": event.sequence,
        "created_at": event.created_at.isoformat(timespec="microseconds"),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "agency_id": event.agency_id,
        "agency_label": event.agency_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "reason": event.reason,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def append_event(
    *,
    action: AuditAction | str,
    object_type: str = "",
    object_id: object = "",
    actor_id: int | None = None,
    actor_label: str = "",
    agency_id: int | None = None,
    agency_label: str = "",
    reason: str = "",
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction, so it commits or rolls back with it."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            sequence=head.last_sequence + 1,
            actor_id=actor_id,
            actor_label=actor_label,
            agency_id=agency_id,
            agency_label=agency_label,
            action=str(action),
            object_type=object_type,
            object_id=str(object_id),
            reason=reason,
            prev_hash=head.last_hash,
        )
        event.hash = event_digest(event)
        event.save()
        head.last_sequence = event.sequence
        head.last_hash = event.hash
        head.save(update_fields=["last_sequence", "last_hash"])
    return event


@dataclass(frozen=True)
class ChainProblem:
    sequence: int | None
    event_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"event #{self.sequence} (id {self.event_id})" if self.sequence else "the chain head"
        return f"{where}: {self.problem}"


def verify_chain(events: Iterable[AuditEvent] | None = None) -> ChainProblem | None:
    """Return the first problem in the chain, or None if it is intact."""
    if events is None:
        events = AuditEvent.objects.order_by("id").iterator(chunk_size=2000)
    expected_sequence = 1
    previous_hash = GENESIS_HASH
    for event in events:
        if event.sequence != expected_sequence:
            return ChainProblem(
                event.sequence, event.pk, f"expected event #{expected_sequence} here: rows deleted or reordered"
            )
        if event.prev_hash != previous_hash:
            return ChainProblem(event.sequence, event.pk, "does not follow the previous event's hash")
        if event_digest(event) != event.hash:
            return ChainProblem(event.sequence, event.pk, "its content has been changed since it was written")
        previous_hash = event.hash
        expected_sequence += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    last_sequence = expected_sequence - 1
    if head is not None and (head.last_sequence != last_sequence or head.last_hash != previous_hash):
        return ChainProblem(
            None, None, f"records {head.last_sequence} events but the table ends at #{last_sequence}: rows deleted"
        )
    return None
