"""Racing double submissions: on PostgreSQL the unique token lets exactly one request create the record.

Run with DATABASE_URL=postgres://... ; SQLite serialises writers, so the race cannot happen there.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from intake.models import OutboundMessage, SubmissionReceipt
from intake.references import make_public_reference
from intake.submission import Submitted, new_submission_token, submit_once

THREADS = 8

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (set DATABASE_URL=postgres://...): SQLite cannot run concurrent writers",
    ),
    pytest.mark.django_db(transaction=True),
]


def _race(tokens: list[str], kind: str) -> list[Submitted]:
    """Call submit_once for each token from its own thread, all at once; each create() inserts a row."""
    start = threading.Barrier(len(tokens))

    def create() -> tuple[str, dict]:
        reference = make_public_reference("RC")
        OutboundMessage.objects.create(purpose="race", to="nobody", subject=reference, body="")
        time.sleep(0.05)  # hold the transaction open so the other threads pile up behind the token
        return reference, {"secret": "shown once"}

    def one(token: str) -> Submitted:
        try:
            start.wait(timeout=10)
            return submit_once(token, kind, create)
        finally:
            connection.close()  # each thread has its own connection; do not leave it open

    with ThreadPoolExecutor(max_workers=len(tokens)) as pool:
        return list(pool.map(one, tokens))


def test_the_same_token_from_eight_threads_makes_one_record() -> None:
    token = new_submission_token()
    results = _race([token] * THREADS, "race")

    assert OutboundMessage.objects.filter(purpose="race").count() == 1
    record = OutboundMessage.objects.get(purpose="race")
    assert {result.reference for result in results} == {record.subject}
    assert sum(result.created for result in results) == 1
    # Every request of the race can show the one-time values, not only the one that made the record.
    assert all(result.extra == {"secret": "shown once"} for result in results)
    receipt = SubmissionReceipt.objects.get()
    assert (receipt.token, receipt.kind, receipt.reference) == (token, "race", record.subject)


def test_different_tokens_from_eight_threads_make_eight_records() -> None:
    results = _race([new_submission_token() for _ in range(THREADS)], "race")
    assert all(result.created for result in results)
    assert OutboundMessage.objects.filter(purpose="race").count() == THREADS
    assert len({result.reference for result in results}) == THREADS
    assert SubmissionReceipt.objects.count() == THREADS
