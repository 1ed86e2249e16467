"""Concurrent duplicate submits of one hate report on PostgreSQL make exactly one report."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from hate_crime.actions import do_submit_report
from hate_crime.models import HateReport
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, flat
from intake.submission import new_submission_token, submit_once

THREADS = 8

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL=postgres://...)"),
    pytest.mark.django_db(transaction=True),
]


def test_eight_concurrent_submits_of_one_report_make_one() -> None:
    token = new_submission_token()
    start = threading.Barrier(THREADS)

    def create() -> tuple[str, dict]:
        report, secret = do_submit_report(flat(ANONYMOUS_ANSWERS))
        return report.reference, {"secret": secret}

    def one(_i: int):  # noqa: ANN202
        try:
            start.wait(timeout=10)
            return submit_once(token, "hate_report", create)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(one, range(THREADS)))
    assert HateReport.objects.count() == 1
    assert {r.reference for r in results} == {HateReport.objects.get().reference}
    assert sum(r.created for r in results) == 1
