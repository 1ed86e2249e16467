"""Pruning the oldest audit events keeps ``audit verify`` passing, and tampering after a prune is still caught."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from audit.chain import append_event, verify_chain
from audit.models import AuditAction, AuditCheckpoint, AuditEvent
from audit.prune import prune_events
from audit.tests.test_chain import raw_sql


@pytest.fixture
def chain(db) -> list[AuditEvent]:  # noqa: ANN001
    return [
        append_event(action="view", object_type="core.case", object_id=n, actor_id=1, actor_label="a@b.test")
        for n in range(1, 11)
    ]


def test_prune_removes_the_oldest_events_and_verify_still_passes(chain: list[AuditEvent]) -> None:
    assert prune_events(through=chain[3].sequence) == 4
    assert not AuditEvent.objects.filter(sequence__lte=4).exists()
    checkpoint = AuditCheckpoint.objects.get()
    assert (checkpoint.last_pruned_sequence, checkpoint.last_pruned_hash) == (4, chain[3].hash)
    prune = AuditEvent.objects.get(action=AuditAction.PRUNE)
    assert prune.sequence == 11 and prune.object_id == "4" and "pruned 4 events through #4" in prune.reason
    assert verify_chain() is None
    call_command("audit", "verify")


def test_a_second_prune_moves_on_from_the_first(chain: list[AuditEvent]) -> None:
    prune_events(through=3)
    assert prune_events(through=3) == 0  # already pruned that far: nothing, and no event
    assert prune_events(through=8) == 5
    assert AuditEvent.objects.filter(action=AuditAction.PRUNE).count() == 2
    append_event(action="view", object_type="core.case", object_id=99)
    assert verify_chain() is None


def test_pruning_through_the_whole_chain_leaves_the_prune_event(chain: list[AuditEvent]) -> None:
    assert prune_events(through=10_000) == 10
    assert list(AuditEvent.objects.values_list("action", flat=True)) == [AuditAction.PRUNE]
    assert verify_chain() is None


def test_an_edited_event_after_a_prune_is_found(chain: list[AuditEvent]) -> None:
    prune_events(through=4)
    raw_sql("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing to see", chain[6].pk])
    problem = verify_chain()
    assert problem is not None and problem.event_id == chain[6].pk and "changed" in problem.problem
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_deleting_the_first_event_left_after_a_prune_is_found(chain: list[AuditEvent]) -> None:
    prune_events(through=4)
    raw_sql("DELETE FROM audit_auditevent WHERE id = %s", [chain[4].pk])
    problem = verify_chain()
    assert problem is not None and problem.event_id == chain[5].pk and "expected event #5" in problem.problem


def test_moving_the_checkpoint_without_a_prune_is_found(chain: list[AuditEvent]) -> None:
    """Deleting the start of the chain and moving the checkpoint to match is not a prune: no event vouches."""
    prune_events(through=2)
    raw_sql("DELETE FROM audit_auditevent WHERE sequence <= 5", [])
    if connection.vendor == "postgresql":
        raw_sql("ALTER TABLE audit_auditcheckpoint DISABLE TRIGGER audit_checkpoint_forward_only", [])
    raw_sql("UPDATE audit_auditcheckpoint SET last_pruned_sequence = 5, last_pruned_hash = %s", [chain[4].hash])
    if connection.vendor == "postgresql":
        raw_sql("ALTER TABLE audit_auditcheckpoint ENABLE TRIGGER audit_checkpoint_forward_only", [])
    problem = verify_chain()
    assert problem is not None and "checkpoint" in problem.problem
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_deleting_the_chain_start_with_no_prune_at_all_is_found(chain: list[AuditEvent]) -> None:
    raw_sql("DELETE FROM audit_auditevent WHERE sequence <= 3", [])
    problem = verify_chain()
    assert problem is not None and "expected event #1" in problem.problem


@pytest.mark.postgres
def test_postgresql_allows_delete_only_inside_a_prune_and_only_up_to_the_checkpoint(chain: list[AuditEvent]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): the append-only trigger exists only there")
    assert prune_events(through=4) == 4
    attempts = [  # (inside a prune, statement)
        (False, "DELETE FROM audit_auditevent WHERE sequence = 6"),
        (True, "DELETE FROM audit_auditevent WHERE sequence = 6"),  # past the checkpoint
        (False, "UPDATE audit_auditevent SET reason = 'x'"),
        (True, "UPDATE audit_auditevent SET reason = 'x'"),
        (False, "UPDATE audit_auditcheckpoint SET last_pruned_sequence = 8"),
        (True, "UPDATE audit_auditcheckpoint SET last_pruned_sequence = 1"),  # backwards
        (False, "DELETE FROM audit_auditcheckpoint"),
    ]
    for in_prune, statement in attempts:
        with (
            pytest.raises(DatabaseError, match="append-only|checkpoint"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            if in_prune:
                cursor.execute("SELECT set_config('csphub.audit_prune', 'on', true)")
            cursor.execute(statement)
    assert AuditEvent.objects.filter(sequence=6).exists()
    assert verify_chain() is None
