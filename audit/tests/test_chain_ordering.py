"""Audit events appended last: the chain head is locked only at the end of the transaction, and the chain stays
whole (sequence strictly increasing, each event linked to the previous hash), also under concurrent writers."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from audit.chain import append_event, events_appended_last, verify_chain
from audit.models import AuditChainHead, AuditEvent
from intake.models import OutboundMessage


def _event(n: int) -> AuditEvent:
    return append_event(action="create", object_type="intake.outboundmessage", object_id=n, actor_label="public")


@pytest.mark.django_db
def test_events_in_the_block_are_chained_when_it_ends_as_its_last_statements() -> None:
    _event(1)
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        with events_appended_last():
            held_back = _event(2)
            assert held_back.sequence is None and not AuditEvent.objects.filter(object_id="2").exists()
            OutboundMessage.objects.create(purpose="later-write", to="nobody", subject="s", body="")
            second = _event(3)
        statements = [q["sql"] for q in queries.captured_queries]

    assert (held_back.sequence, second.sequence) == (2, 3)  # the objects returned are the ones chained
    assert second.prev_hash == held_back.hash
    assert held_back.prev_hash == AuditEvent.objects.get(sequence=1).hash
    last_other_write = max(i for i, sql in enumerate(statements) if "intake_outboundmessage" in sql)
    head_read = next(i for i, sql in enumerate(statements) if "audit_auditchainhead" in sql)
    assert head_read > last_other_write  # the head row is touched only after the transaction's own work
    assert "audit_auditchainhead" in statements[-1]  # and the head's update is the last statement
    assert sum("INSERT INTO" in sql and "audit_auditevent" in sql for sql in statements) == 1  # one insert for both
    assert verify_chain() is None
    assert AuditChainHead.objects.get().last_sequence == 3


@pytest.mark.django_db
def test_events_of_a_block_that_fails_are_dropped_with_its_change() -> None:
    with pytest.raises(ValueError, match="the change failed"), transaction.atomic(), events_appended_last():
        OutboundMessage.objects.create(purpose="rolled-back", to="nobody", subject="s", body="")
        _event(1)
        raise ValueError("the change failed")
    assert not AuditEvent.objects.exists()
    assert not OutboundMessage.objects.filter(purpose="rolled-back").exists()
    assert _event(2).sequence == 1  # nothing was taken from the chain
    assert verify_chain() is None


@pytest.mark.django_db(transaction=True)
def test_holding_events_back_needs_a_transaction() -> None:
    with pytest.raises(RuntimeError, match="needs a transaction"), events_appended_last():
        pass


@pytest.mark.django_db
def test_outside_the_block_events_are_chained_at_once() -> None:
    with transaction.atomic():
        first = _event(1)
        assert AuditEvent.objects.filter(pk=first.pk, sequence=1).exists()
    assert verify_chain() is None


THREADS = 8
ROUNDS = 5


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writers")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_held_back_and_at_once_keep_the_chain_whole() -> None:
    start = threading.Barrier(THREADS)

    def writer(number: int) -> None:
        try:
            start.wait(timeout=10)
            for round_number in range(ROUNDS):
                with transaction.atomic():
                    if number % 2:  # half the writers hold their events back, half append them at once
                        with events_appended_last():
                            _event(number * 100 + round_number)
                            OutboundMessage.objects.create(purpose="race", to="nobody", subject="s", body="")
                            _event(number * 100 + round_number + 50)
                    else:
                        _event(number * 100 + round_number)
                        OutboundMessage.objects.create(purpose="race", to="nobody", subject="s", body="")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(writer, range(THREADS)))

    expected = (THREADS // 2) * ROUNDS * 2 + (THREADS - THREADS // 2) * ROUNDS
    events = list(AuditEvent.objects.order_by("id"))
    assert [e.sequence for e in events] == list(range(1, expected + 1))  # in insertion order, no gaps
    assert all(later.created_at >= earlier.created_at for earlier, later in zip(events, events[1:], strict=False))
    assert verify_chain() is None
    assert AuditChainHead.objects.get().last_sequence == expected
