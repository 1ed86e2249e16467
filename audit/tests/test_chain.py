"""The audit chain detects any edited, deleted or reordered row, and PostgreSQL refuses changes outright."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from audit.chain import append_event, verify_chain
from audit.models import AuditEvent


@pytest.fixture
def chain(db) -> list[AuditEvent]:  # noqa: ANN001
    return [
        append_event(action="view", object_type="core.case", object_id=n, actor_id=1, actor_label="a@b.test")
        for n in range(1, 6)
    ]


def raw_sql(sql: str, params: list) -> None:
    """Tamper with the table the way someone with database access could, bypassing the ORM and trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")


def test_intact_chain_verifies(chain: list[AuditEvent]) -> None:
    assert verify_chain() is None
    call_command("audit", "verify")


def test_each_event_links_to_the_previous_hash(chain: list[AuditEvent]) -> None:
    for previous, event in zip(chain, chain[1:], strict=False):
        assert event.prev_hash == previous.hash
        assert event.sequence == previous.sequence + 1


def test_edited_row_is_found(chain: list[AuditEvent]) -> None:
    raw_sql("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing to see", chain[2].pk])
    problem = verify_chain()
    assert problem is not None and problem.event_id == chain[2].pk
    assert "changed" in problem.problem
    with pytest.raises(CommandError, match=f"#{chain[2].sequence}"):
        call_command("audit", "verify")


def test_deleted_row_is_found(chain: list[AuditEvent]) -> None:
    raw_sql("DELETE FROM audit_auditevent WHERE id = %s", [chain[1].pk])
    problem = verify_chain()
    assert problem is not None and problem.event_id == chain[2].pk
    with pytest.raises(CommandError):
        call_command("audit", "verify")


def test_deleted_last_row_is_found(chain: list[AuditEvent]) -> None:
    raw_sql("DELETE FROM audit_auditevent WHERE id = %s", [chain[-1].pk])
    problem = verify_chain()
    assert problem is not None and "deleted" in problem.problem


def test_reordered_rows_are_found(chain: list[AuditEvent]) -> None:
    first, second = chain[1], chain[3]
    # Swap the two rows' sequence numbers (via a temporary value, as the column is unique).
    raw_sql("UPDATE audit_auditevent SET sequence = 0 WHERE id = %s", [first.pk])
    raw_sql("UPDATE audit_auditevent SET sequence = %s WHERE id = %s", [first.sequence, second.pk])
    raw_sql("UPDATE audit_auditevent SET sequence = %s WHERE id = %s", [second.sequence, first.pk])
    problem = verify_chain()
    assert problem is not None and problem.event_id == first.pk
    with pytest.raises(CommandError):
        call_command("audit", "verify")


@pytest.mark.postgres
def test_postgresql_rejects_update_and_delete(chain: list[AuditEvent]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): the append-only trigger exists only there")
    for statement in ("UPDATE audit_auditevent SET reason = 'x'", "DELETE FROM audit_auditevent"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert verify_chain() is None
