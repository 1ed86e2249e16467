"""`csphub worker` delivers the outbox through the real database task backend."""

import pytest
from django.core import mail
from django.core.management import call_command

from intake.models import DeliveryState, OutboundMessage
from intake.outbox import queue_email


@pytest.mark.django_db(transaction=True)
def test_worker_sends_a_queued_email(settings) -> None:  # noqa: ANN001
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    message = queue_email(to="someone@example.org", subject="Hello", body="A test", purpose="test")
    # Queued, not sent: nothing happens until a worker picks the task up.
    message.refresh_from_db()
    assert message.state == DeliveryState.PENDING and not mail.outbox

    call_command("worker", "--max-tasks", "1", "--interval", "0.1", "--no-scheduler")

    message.refresh_from_db()
    assert message.state == DeliveryState.SENT and message.attempts == 1
    assert [m.to for m in mail.outbox] == [["someone@example.org"]]


@pytest.mark.django_db(transaction=True)
def test_worker_requeues_messages_whose_task_was_lost(settings) -> None:  # noqa: ANN001
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    lost = OutboundMessage.objects.create(to="a@example.org", subject="S", body="B", purpose="test")

    call_command("worker", "--max-tasks", "1", "--interval", "0.1", "--no-scheduler")

    lost.refresh_from_db()
    assert lost.state == DeliveryState.SENT
