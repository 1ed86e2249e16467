"""Transactions per second of writers that each append an audit event, with the event first or last (README.md).

Each transaction is shaped like a submission: a receipt, the audit event, two more inserts and an update. With
the event first, the audit chain's head row stays locked across the rest of the work and the commit; with
``events_appended_last()`` only across the last three statements and the commit. Threads wait on PostgreSQL
most of the time, so they show the lock's effect without gunicorn. Uses the database of profile_submission.py.

    .venv/bin/python benchmarks/intake/audit_lock_race.py --threads 16 --each 25
"""

from __future__ import annotations

import argparse
import contextlib
import os
import secrets
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/csphub_bench_profile")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
os.environ.setdefault("CSPHUB_DEMO", "1")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--each", type=int, default=25, help="transactions per thread per round")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection, transaction

    from audit.chain import append_event, events_appended_last, verify_chain
    from intake.models import OutboundMessage, SubmissionReceipt

    def one(last: bool) -> None:
        with transaction.atomic(), events_appended_last() if last else contextlib.nullcontext():
            receipt = SubmissionReceipt.objects.create(token=secrets.token_urlsafe(16), kind="audit-lock-race")
            append_event(action="create", object_type="intake.submissionreceipt", object_id=receipt.pk)
            for subject in ("first", "second"):
                OutboundMessage.objects.create(purpose="audit-lock-race", to="nobody", subject=subject, body="")
            receipt.reference = "RACE"
            receipt.save(update_fields=["reference"])

    def rate(last: bool) -> float:
        go = threading.Barrier(args.threads + 1)

        def writer() -> None:
            try:
                go.wait()
                for _ in range(args.each):
                    one(last)
            finally:
                connection.close()

        threads = [threading.Thread(target=writer) for _ in range(args.threads)]
        for thread in threads:
            thread.start()
        go.wait()
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        return args.threads * args.each / (time.perf_counter() - started)

    print(f"load average {os.getloadavg()[0]:.1f}; {args.threads} threads x {args.each} transactions per round")
    for number in range(1, args.rounds + 1):
        first, last = rate(False), rate(True)
        print(f"round {number}: audit event first {first:.0f}/s, last {last:.0f}/s ({last / first:.2f}x)")
    problem = verify_chain()
    print(f"audit chain: {problem or 'intact'}; load average {os.getloadavg()[0]:.1f}")
    return 1 if problem else 0


if __name__ == "__main__":
    sys.exit(main())
