"""Pruning the oldest audit events without breaking ``csphub audit verify``.

Only a prefix of the chain is ever removed. Before deleting, the prune moves the ``AuditCheckpoint`` to the
last event it removes (its sequence and hash), so ``verify_chain`` starts from there; then it appends a
prune event naming the same sequence and hash, so the checkpoint itself is vouched for by the chain. On
PostgreSQL the append-only trigger lets a DELETE through only inside a prune (the transaction-local setting
``csphub.audit_prune``) and only for events at or before the checkpoint (migration 0004).
"""

from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from audit.chain import CHECKPOINT_OBJECT_TYPE, append_event
from audit.models import AuditAction, AuditChainHead, AuditCheckpoint, AuditEvent

PRUNE_SETTING = "csphub.audit_prune"


def prune_reason(count: int, through: int, last_hash: str) -> str:
    return f"pruned {count} events through #{through}; checkpoint hash {last_hash}"


def _allow_prune(allowed: bool) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [PRUNE_SETTING, "on" if allowed else "off"])


def prunable_through(created_before: datetime) -> int:
    """The last sequence of the chain's prefix of events created before the moment."""
    first_kept = (
        AuditEvent.objects.filter(created_at__gte=created_before)
        .order_by("sequence")
        .values_list("sequence", flat=True)
        .first()
    )
    if first_kept is None:
        return AuditEvent.objects.order_by("-sequence").values_list("sequence", flat=True).first() or 0
    return first_kept - 1


def prune_events(*, through: int, actor_label: str = "retention schedule", reason_prefix: str = "") -> int:
    """Delete the events from the start of the chain through sequence ``through`` and append one prune
    event saying how many. Returns the number deleted (0 if already pruned that far)."""
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)  # no append meanwhile
        _allow_prune(True)
        checkpoint, _ = AuditCheckpoint.objects.select_for_update().get_or_create(pk=1)
        last = AuditEvent.objects.filter(sequence=min(through, head.last_sequence)).first()
        if last is None or last.sequence <= checkpoint.last_pruned_sequence:
            _allow_prune(False)
            return 0
        checkpoint.last_pruned_sequence = last.sequence
        checkpoint.last_pruned_hash = last.hash
        checkpoint.pruned_at = timezone.now()
        checkpoint.save()
        count, _ = AuditEvent.objects.filter(sequence__lte=last.sequence).delete()
        _allow_prune(False)
        append_event(
            action=AuditAction.PRUNE,
            object_type=CHECKPOINT_OBJECT_TYPE,
            object_id=last.sequence,
            actor_label=actor_label,
            reason=reason_prefix + prune_reason(count, last.sequence, last.hash),
        )
    return count
