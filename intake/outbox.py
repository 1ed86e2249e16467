"""Queueing and delivering outbound messages.

A message is a row first; the worker sends it after the surrounding transaction commits, so a rolled
back change notifies nobody. Failures are retried with exponential backoff up to OUTBOX_MAX_ATTEMPTS.
"""

import json
import logging
import urllib.request
from datetime import timedelta
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend

from intake.models import DeliveryState, OutboundMessage

logger = logging.getLogger(__name__)
SECRET_BEARING_PURPOSES = {"password_reset"}


def retry_delay(attempts: int) -> timedelta:
    """1, 2, 4, 8 ... minutes after each failure, capped at six hours."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 360))


def _enqueue_delivery(message_id: int) -> None:
    """The database task backend writes the task in the caller's transaction, so it commits or rolls back with
    the message (one commit, not a second one after it); any other backend gets the task after the commit."""
    if isinstance(deliver_message.get_backend(), DatabaseBackend):
        deliver_message.enqueue(message_id)
    else:
        transaction.on_commit(lambda: deliver_message.enqueue(message_id))


def queue_email(*, to: str, subject: str, body: str, purpose: str) -> OutboundMessage:
    message = OutboundMessage.objects.create(to=to, subject=subject, body=body, purpose=purpose)
    _enqueue_delivery(message.pk)
    return message


def queue_webhook(*, url: str, payload: dict[str, Any], subject: str, purpose: str) -> OutboundMessage:
    """A JSON POST to a partner system, delivered and retried exactly like an email."""
    message = OutboundMessage.objects.create(
        channel="webhook", to=url[:254], url=url, subject=subject, body=json.dumps(payload, sort_keys=True),
        purpose=purpose,
    )
    _enqueue_delivery(message.pk)
    return message


WEBHOOK_TIMEOUT_SECONDS = 10


def idempotency_key(message: OutboundMessage) -> str:
    """The same for every delivery attempt of one message and different for every message. The worker can send a
    message and be stopped (killed, the database gone) before it records the send, and then sends it again: a
    receiver that drops a key it has seen gets each message once. Webhooks carry it as ``Idempotency-Key``,
    emails in their ``Message-ID``."""
    return f"csphub-outbox-{message.pk}-{message.created_at:%Y%m%d%H%M%S%f}"


def message_id_header(message: OutboundMessage) -> str:
    """A ``Message-ID`` that stays the same when the email is sent again (RFC 5322: the same message)."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{idempotency_key(message)}@{domain}>"


def post_webhook(message: OutboundMessage) -> None:
    """POST the body as JSON; any status outside 2xx raises (urllib raises HTTPError), so it is retried."""
    request = urllib.request.Request(  # noqa: S310 - the URL is configured by an administrator
        message.url, data=message.body.encode(), method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "csphub-outbox",
            "Idempotency-Key": idempotency_key(message),
        },
    )
    with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:  # noqa: S310
        if not 200 <= response.status < 300:
            raise ConnectionError(f"webhook answered {response.status}")


def send_now(message: OutboundMessage) -> None:
    if message.channel == "webhook":
        post_webhook(message)
        return
    EmailMessage(
        message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.to],
        headers={"Message-ID": message_id_header(message)},
    ).send()


@task()
def deliver_message(message_id: int) -> str:
    with transaction.atomic():
        message = OutboundMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.state in (DeliveryState.SENT, DeliveryState.FAILED):
            return "nothing to do"
        message.attempts += 1
        try:
            send_now(message)
        except Exception as error:  # noqa: BLE001 - any transport failure is retried
            # The error text can include the address, so only its type is kept and logged.
            message.last_error = type(error).__name__
            give_up = message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
            message.state = DeliveryState.FAILED if give_up else DeliveryState.RETRYING
            message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
            message.save()
            logger.warning(
                "outbox message %s failed (%s), attempt %s", message.pk, message.last_error, message.attempts
            )
            if not give_up and deliver_message.get_backend().supports_defer:
                run_after = message.next_attempt_at
                transaction.on_commit(lambda: deliver_message.using(run_after=run_after).enqueue(message_id))
            return message.state
        message.state = DeliveryState.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
        if message.purpose in SECRET_BEARING_PURPOSES:
            message.body = ""  # a live sign-in link has no business being kept once delivered
        message.save()
    return message.state


@task()
def sweep_outbox() -> int:
    """Periodic: queue again any message whose delivery task was lost (a restore, a crashed worker)."""
    return requeue_due_messages()


def requeue_due_messages() -> int:
    """Enqueue messages whose task was lost (e.g. the database was restored). Run when the worker starts."""
    due = OutboundMessage.objects.filter(
        state__in=[DeliveryState.PENDING, DeliveryState.RETRYING], next_attempt_at__lte=timezone.now()
    ).values_list("pk", flat=True)
    count = 0
    for message_id in due:
        deliver_message.enqueue(message_id)
        count += 1
    return count
