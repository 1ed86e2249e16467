"""Writing to and checking the audit chain."""

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from audit.models import AuditAction, AuditChainHead, AuditCheckpoint, AuditEvent

GENESIS_HASH = "0" * 64
# The object type of prune events; their object id is the checkpoint's sequence (see audit.prune).
CHECKPOINT_OBJECT_TYPE = "audit.auditcheckpoint"


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
    """Append one event. Runs inside the caller's transaction, so it commits or rolls back with it.

    Inside ``events_appended_last()`` the event is chained when that block ends (the same object is then
    given its sequence and hashes), so the chain head's row lock is held only from there to the commit."""
    event = AuditEvent(
        actor_id=actor_id,
        actor_label=actor_label,
        agency_id=agency_id,
        agency_label=agency_label,
        action=str(action),
        object_type=object_type,
        object_id=str(object_id),
        reason=reason,
    )
    pending = _pending_events.get()
    if pending is not None:
        pending.append(event)
    else:
        _chain_events([event])
    return event


_pending_events: ContextVar[list[AuditEvent] | None] = ContextVar("audit_pending_events", default=None)


@contextmanager
def events_appended_last() -> Iterator[None]:
    """Hold back the audit events appended in this block and chain them as its last statements.

    The head row is locked from the first event until the commit, and every commit that writes an event waits
    for it: taken last, the lock no longer covers the rest of the transaction's work. Use directly inside the
    ``transaction.atomic()`` whose commit should be the next thing that happens. If the block raises, its
    events are dropped with the rolled-back transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("events_appended_last() needs a transaction: the events must commit with the change")
    pending: list[AuditEvent] = []
    token = _pending_events.set(pending)
    try:
        yield
    finally:
        _pending_events.reset(token)
    if pending:
        _chain_events(pending)


def _chain_events(events: list[AuditEvent]) -> None:
    """Give each event the next sequence and link it to the previous hash, under the head row's lock.

    No savepoint: an error here must roll back the caller's whole transaction (the change without its event)."""
    with transaction.atomic(savepoint=False):
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        now = timezone.now()  # under the lock, so times never run backwards along the chain
        for event in events:
            event.sequence = head.last_sequence + 1
            event.created_at = now
            event.prev_hash = head.last_hash
            event.hash = event_digest(event)
            head.last_sequence, head.last_hash = event.sequence, event.hash
        AuditEvent.objects.bulk_create(events)
        head.save(update_fields=["last_sequence", "last_hash"])


@dataclass(frozen=True)
class ChainProblem:
    sequence: int | None
    event_id: int | None
    problem: str

    def __str__(self) -> str:
        where = f"event #{self.sequence} (id {self.event_id})" if self.sequence else "the chain head"
        return f"{where}: {self.problem}"


def verify_chain(events: Iterable[AuditEvent] | None = None) -> ChainProblem | None:
    """Return the first problem in the chain, or None if it is intact.

    After a prune the chain starts at the checkpoint: the first event must follow the last pruned one."""
    if events is None:
        events = AuditEvent.objects.order_by("id").iterator(chunk_size=2000)
    checkpoint = AuditCheckpoint.objects.filter(pk=1).first()
    expected_sequence = checkpoint.last_pruned_sequence + 1 if checkpoint else 1
    previous_hash = checkpoint.last_pruned_hash if checkpoint and checkpoint.last_pruned_sequence else GENESIS_HASH
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
    return _checkpoint_problem(checkpoint)


def _checkpoint_problem(checkpoint: AuditCheckpoint | None) -> ChainProblem | None:
    """A checkpoint must be vouched for by the latest prune event, which always comes after it."""
    if checkpoint is None or checkpoint.last_pruned_sequence == 0:
        return None
    prune = (AuditEvent.objects.filter(action=AuditAction.PRUNE, object_type=CHECKPOINT_OBJECT_TYPE)
             .order_by("-sequence").first())
    if (prune is None or prune.object_id != str(checkpoint.last_pruned_sequence)
            or not prune.reason.endswith(f"checkpoint hash {checkpoint.last_pruned_hash}")):
        return ChainProblem(None, None, "the prune checkpoint does not match the latest prune event: "
                                        "rows deleted from the start of the chain")
    return None
