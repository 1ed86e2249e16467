"""The outbox: a message is a row first, sent after commit, retried with backoff, and never shown in full."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import World, signed_in_client
from intake import outbox
from intake.models import DeliveryState, OutboundMessage
from intake.outbox import deliver_message, queue_email, requeue_due_messages, retry_delay

ADDRESS = "jane.doe@example.test"

pytestmark = pytest.mark.django_db


def _queue(**overrides: str) -> OutboundMessage:
    fields = {"to": ADDRESS, "subject": "Your reset link", "body": "Follow this link.", "purpose": "test"}
    return queue_email(**{**fields, **overrides})


@pytest.fixture
def broken_transport(monkeypatch: pytest.MonkeyPatch) -> list[OutboundMessage]:
    """Make every send fail the way an unreachable mail server does, with the address in the error text."""
    tried: list[OutboundMessage] = []

    def refuse(message: OutboundMessage) -> None:
        tried.append(message)
        raise ConnectionError(f"could not deliver to {message.to}: connection refused")

    monkeypatch.setattr(outbox, "send_now", refuse)
    return tried


def _failed_message(attempts: int, *, due: bool) -> OutboundMessage:
    when = timezone.now() + (timedelta(minutes=-1) if due else timedelta(hours=1))
    return OutboundMessage.objects.create(
        to=ADDRESS, subject="Retry me", body="Body", purpose="test", state=DeliveryState.RETRYING,
        attempts=attempts, next_attempt_at=when, last_error="ConnectionError",
    )


# Queueing and delivering ----------------------------------------------------------------------------


def test_a_message_queued_in_a_transaction_that_rolls_back_is_never_sent(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _queue()
        raise RuntimeError("the change that would have needed the email failed")
    assert callbacks == []
    assert not OutboundMessage.objects.exists()
    assert mail.outbox == []


def test_a_message_is_not_sent_before_the_transaction_commits(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = _queue()
    assert len(callbacks) == 1
    assert mail.outbox == []
    message.refresh_from_db()
    assert message.state == DeliveryState.PENDING
    assert message.attempts == 0


def test_a_committed_message_is_delivered_once(django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = _queue()
    assert len(callbacks) == 1
    message.refresh_from_db()
    assert message.state == DeliveryState.SENT
    assert message.sent_at is not None
    assert message.attempts == 1
    assert message.last_error == ""
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [ADDRESS]
    assert mail.outbox[0].subject == "Your reset link"
    assert mail.outbox[0].from_email == settings.DEFAULT_FROM_EMAIL

    # Running the task again (a duplicate enqueue, a worker restart) does not send it twice.
    assert deliver_message.call(message.pk) == "nothing to do"
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_with_real_transactions_only_the_committed_message_is_sent() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        _queue(subject="Rolled back")
        raise RuntimeError
    with transaction.atomic():
        _queue(subject="Committed")
        assert mail.outbox == []  # not until the commit
    assert [m.subject for m in mail.outbox] == ["Committed"]
    assert list(OutboundMessage.objects.values_list("subject", "state")) == [("Committed", DeliveryState.SENT)]


def test_a_missing_message_is_nothing_to_do() -> None:
    assert deliver_message.call(987654) == "nothing to do"


# Failures and retries --------------------------------------------------------------------------------


def test_a_failed_send_is_retried_later_and_keeps_only_the_error_type(
    broken_transport, django_capture_on_commit_callbacks  # noqa: ANN001
) -> None:
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    after = timezone.now()
    assert len(broken_transport) == 1
    message.refresh_from_db()
    assert message.state == DeliveryState.RETRYING
    assert message.attempts == 1
    assert message.sent_at is None
    assert before + retry_delay(1) <= message.next_attempt_at <= after + retry_delay(1)
    assert message.next_attempt_at > timezone.now()
    # The exception text held the address; only the class name is kept.
    assert message.last_error == "ConnectionError"
    assert ADDRESS not in message.last_error
    assert mail.outbox == []


def test_the_failure_is_logged_without_the_address(broken_transport, caplog) -> None:  # noqa: ANN001
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    with caplog.at_level("WARNING", logger="intake.outbox"):
        deliver_message.call(message.pk)
    assert "ConnectionError" in caplog.text
    assert ADDRESS not in caplog.text
    assert "jane.doe" not in caplog.text


def test_the_backoff_grows_after_each_failure(broken_transport) -> None:  # noqa: ANN001
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    for attempt in range(1, 4):
        before = timezone.now()
        assert deliver_message.call(message.pk) == DeliveryState.RETRYING
        message.refresh_from_db()
        assert message.attempts == attempt
        assert message.next_attempt_at - before >= retry_delay(attempt)
        assert message.next_attempt_at - before < retry_delay(attempt) + timedelta(seconds=30)


def test_after_the_last_attempt_the_outbox_gives_up(broken_transport) -> None:  # noqa: ANN001
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    for _ in range(settings.OUTBOX_MAX_ATTEMPTS - 1):
        assert deliver_message.call(message.pk) == DeliveryState.RETRYING
    assert deliver_message.call(message.pk) == DeliveryState.FAILED
    message.refresh_from_db()
    assert message.state == DeliveryState.FAILED
    assert message.attempts == settings.OUTBOX_MAX_ATTEMPTS
    assert message.last_error == "ConnectionError"
    assert len(broken_transport) == settings.OUTBOX_MAX_ATTEMPTS

    # A failed message is left alone from then on.
    assert deliver_message.call(message.pk) == "nothing to do"
    message.refresh_from_db()
    assert message.attempts == settings.OUTBOX_MAX_ATTEMPTS
    assert len(broken_transport) == settings.OUTBOX_MAX_ATTEMPTS


def test_the_number_of_attempts_is_a_setting(broken_transport, settings) -> None:  # noqa: ANN001
    settings.OUTBOX_MAX_ATTEMPTS = 2
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    assert deliver_message.call(message.pk) == DeliveryState.RETRYING
    assert deliver_message.call(message.pk) == DeliveryState.FAILED


def test_a_message_that_fails_then_succeeds_is_sent(monkeypatch, broken_transport) -> None:  # noqa: ANN001
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    deliver_message.call(message.pk)
    monkeypatch.undo()
    assert deliver_message.call(message.pk) == DeliveryState.SENT
    message.refresh_from_db()
    assert message.attempts == 2
    assert message.last_error == ""
    assert message.sent_at is not None
    assert len(mail.outbox) == 1


def test_with_a_deferring_backend_the_retry_is_scheduled_for_the_next_attempt(
    broken_transport, settings, django_capture_on_commit_callbacks  # noqa: ANN001
) -> None:
    # Production uses the database backend, which can run a task later.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        message = _queue()
    first = DBTaskResult.objects.get()
    assert first.args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert broken_transport == []  # the worker has not run yet

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert deliver_message.call(message.pk) == DeliveryState.RETRYING
    assert len(callbacks) == 1
    message.refresh_from_db()
    retry = DBTaskResult.objects.exclude(pk=first.pk).get()
    assert retry.args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert retry.run_after == message.next_attempt_at


def test_a_deferring_backend_gets_no_retry_once_the_outbox_gives_up(
    broken_transport, settings, django_capture_on_commit_callbacks  # noqa: ANN001
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OUTBOX_MAX_ATTEMPTS = 1
    message = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert deliver_message.call(message.pk) == DeliveryState.FAILED
    assert callbacks == []
    assert not DBTaskResult.objects.exists()


# Requeueing after a restart ----------------------------------------------------------------------------


def test_requeue_delivers_a_retrying_message_that_is_due() -> None:
    due = _failed_message(attempts=2, due=True)
    assert requeue_due_messages() == 1
    due.refresh_from_db()
    assert due.state == DeliveryState.SENT
    assert due.attempts == 3
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Retry me"


def test_requeue_leaves_messages_that_are_not_due_or_are_finished() -> None:
    not_yet = _failed_message(attempts=1, due=False)
    sent = OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test",
                                          state=DeliveryState.SENT, sent_at=timezone.now(), attempts=1,
                                          next_attempt_at=timezone.now() - timedelta(hours=1))
    failed = OutboundMessage.objects.create(to=ADDRESS, subject="F", body="B", purpose="test",
                                            state=DeliveryState.FAILED, attempts=8,
                                            next_attempt_at=timezone.now() - timedelta(hours=1))
    assert requeue_due_messages() == 0
    assert mail.outbox == []
    for message, state in [(not_yet, DeliveryState.RETRYING), (sent, DeliveryState.SENT),
                           (failed, DeliveryState.FAILED)]:
        message.refresh_from_db()
        assert message.state == state


def test_requeue_picks_up_a_pending_message_whose_task_was_lost() -> None:
    lost = OutboundMessage.objects.create(to=ADDRESS, subject="Lost", body="B", purpose="test")
    assert requeue_due_messages() == 1
    lost.refresh_from_db()
    assert lost.state == DeliveryState.SENT
    assert [m.subject for m in mail.outbox] == ["Lost"]


@pytest.mark.parametrize(
    ("attempts", "minutes"),
    [(0, 1), (1, 1), (2, 2), (3, 4), (4, 8), (5, 16), (6, 32), (7, 64), (8, 128), (9, 256), (10, 360),
     (11, 360), (50, 360)],
)
def test_retry_delay(attempts: int, minutes: int) -> None:
    assert retry_delay(attempts) == timedelta(minutes=minutes)


# The staff page ------------------------------------------------------------------------------------------


def test_administrators_see_the_outbox_with_masked_recipients(world: World) -> None:
    OutboundMessage.objects.create(to=ADDRESS, subject="Secret subject", body="Secret body", purpose="password_reset")
    OutboundMessage.objects.create(to="someone.else@other.test", subject="S", body="B", purpose="notice",
                                   state=DeliveryState.RETRYING, attempts=2, last_error="ConnectionError")
    response = signed_in_client(world.administrator).get(reverse("intake:outbox"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "j…@example.test" in html
    assert "s…@other.test" in html
    assert ADDRESS not in html
    assert "jane.doe" not in html
    assert "someone.else" not in html
    assert "password_reset" in html
    assert "ConnectionError" in html
    # Nor what the messages say.
    assert "Secret subject" not in html
    assert "Secret body" not in html


def test_the_outbox_can_be_filtered_by_state(world: World) -> None:
    OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="sent_one", state=DeliveryState.SENT)
    OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="failed_one",
                                   state=DeliveryState.FAILED)
    html = signed_in_client(world.administrator).get(
        reverse("intake:outbox"), {"state": DeliveryState.FAILED}
    ).content.decode()
    assert "failed_one" in html
    assert "sent_one" not in html


@pytest.mark.parametrize("persona", ["practitioner_a", "coordinator", "analyst", "board", "centre_staff"])
def test_other_staff_may_not_see_the_outbox(world: World, persona: str) -> None:
    OutboundMessage.objects.create(to=ADDRESS, subject="S", body="B", purpose="test")
    response = signed_in_client(world.users_by_persona()[persona]).get(reverse("intake:outbox"))
    assert response.status_code == 403
    assert ADDRESS not in response.content.decode()


def test_the_public_is_sent_to_sign_in_from_the_outbox() -> None:
    response = signed_in_client(None).get(reverse("intake:outbox"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("partnership:sign_in"))
