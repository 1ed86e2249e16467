"""A message the worker sends again after a crash (sent, then stopped before recording it) carries the same
idempotency key, so its receiver can drop the repeat; two messages never share a key."""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from intake import outbox
from intake.models import DeliveryState, OutboundMessage
from intake.outbox import deliver_message, idempotency_key, queue_email, queue_webhook

pytestmark = pytest.mark.django_db


def _email(subject: str) -> OutboundMessage:
    return queue_email(to="triage@example.test", subject=subject, body="A new report.", purpose="test")


def _from_the_database(message: OutboundMessage) -> OutboundMessage:
    """The message as the worker loads it for another attempt."""
    return OutboundMessage.objects.get(pk=message.pk)


def test_an_email_sent_again_has_the_same_message_id_and_another_email_a_different_one() -> None:
    first, second = _email("One"), _email("Two")
    outbox.send_now(first)
    outbox.send_now(_from_the_database(first))  # the worker was killed after sending it, and sends it again
    outbox.send_now(second)
    ids = [sent.message()["Message-ID"] for sent in mail.outbox]
    assert ids[0] == ids[1] == f"<{idempotency_key(first)}@localhost>"
    assert ids[2] == f"<{idempotency_key(second)}@localhost>"
    assert ids[0] != ids[2]


def test_the_message_id_domain_is_the_sender_address_domain(settings) -> None:  # noqa: ANN001
    settings.DEFAULT_FROM_EMAIL = "Cumberland CSP <no-reply@csp.example.org>"
    message = _email("One")
    outbox.send_now(message)
    assert mail.outbox[0].message()["Message-ID"] == f"<{idempotency_key(message)}@csp.example.org>"


def test_the_key_names_the_message_and_survives_the_database() -> None:
    message = _email("One")
    assert idempotency_key(message).startswith(f"csphub-outbox-{message.pk}-")
    assert idempotency_key(_from_the_database(message)) == idempotency_key(message)


@pytest.fixture
def webhook_receiver() -> Iterator[tuple[str, list[dict]]]:
    """A real HTTP server on loopback that records each POST's Idempotency-Key header and JSON body."""
    received: list[dict] = []

    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the http.server name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            received.append({"key": self.headers.get("Idempotency-Key"), "payload": json.loads(body)})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hook", received
    finally:
        server.shutdown()
        server.server_close()


def test_a_webhook_sent_again_has_the_same_idempotency_key_header(webhook_receiver) -> None:  # noqa: ANN001
    url, received = webhook_receiver
    first = queue_webhook(url=url, payload={"reference": "HC-AAAA-0001"}, subject="One", purpose="test")
    second = queue_webhook(url=url, payload={"reference": "HC-AAAA-0002"}, subject="Two", purpose="test")
    assert deliver_message.call(first.pk) == DeliveryState.SENT
    outbox.post_webhook(_from_the_database(first))  # the same message again, as after a crash before recording it
    assert deliver_message.call(second.pk) == DeliveryState.SENT
    assert [r["payload"]["reference"] for r in received] == ["HC-AAAA-0001", "HC-AAAA-0001", "HC-AAAA-0002"]
    assert received[0]["key"] == received[1]["key"] == idempotency_key(first)
    assert received[2]["key"] == idempotency_key(second) != received[0]["key"]
