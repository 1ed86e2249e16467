"""Where one public hate-report submission spends its time: SQL statements, commits and CPU (README.md, "Profile").

Walks the real anonymous journey in-process with Django's test client against PostgreSQL (database
``csphub_bench_profile``, recreated with the demo data unless ``--reuse``), then sends "check your answers" for
``--submissions`` reports: prints the statements of one submission (with the transaction boundaries), the wall
time per submission, and the top of a cProfile of all of them.

    .venv/bin/python benchmarks/intake/profile_submission.py --submissions 50
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import subprocess
import sys
import time
from pathlib import Path

import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
DB_NAME = "csphub_bench_profile"
SERVER_URL = "postgres://postgres@127.0.0.1:5432"
sys.path[:0] = [str(ROOT), str(HERE)]

from run import CHECK, QUESTIONS, START, TOKEN_INPUT, anonymous_answers  # noqa: E402


def prepare_database(reuse: bool, env: dict[str, str]) -> None:
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if exists and reuse:
            return
        admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    for step in (["migrate", "--noinput", "-v", "0"], ["createcachetable"], ["seed-demo"]):
        subprocess.run([str(BIN / "csphub"), *step], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603


def walk(client, number: int) -> str:  # noqa: ANN001 - django.test.Client, imported after setup
    """The journey up to "check your answers"; returns the submission token."""
    answers = anonymous_answers(random.Random(number))
    client.get(START)
    target = client.get(QUESTIONS).headers["Location"]
    for _ in range(len(answers) + 2):
        if target == CHECK:
            return TOKEN_INPUT.search(client.get(CHECK).content).group(1).decode()
        slug = target.rstrip("/").rsplit("/", 1)[-1]
        target = client.post(target, answers[slug]).headers["Location"]
    raise RuntimeError("the journey did not reach check your answers")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--submissions", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="keep the database if it exists")
    parser.add_argument("--top", type=int, default=30, help="cProfile rows to print")
    parser.add_argument("--sort", default="cumulative", help="cProfile order: cumulative (default), tottime ...")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DATABASE_URL": f"{SERVER_URL}/{DB_NAME}",
        "CSPHUB_DEMO": "1",
        "CSPHUB_PUBLIC_RATE_LIMIT": "1000000000",
        "DJANGO_SETTINGS_MODULE": "csphub.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]),
    }
    env.pop("CSPHUB_TESTING", None)
    prepare_database(args.reuse, env)
    os.environ.update(env)

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    print(f"cache: {django.conf.settings.CACHES['default']['BACKEND']}")
    print(f"sessions: {django.conf.settings.SESSION_ENGINE}")
    clients = []
    for number in range(args.submissions + 1):
        client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR=f"127.0.0.{2 + number % 250}")
        clients.append((client, walk(client, number)))

    first_client, first_token = clients[0]
    log: list[str] = []

    def note(execute, sql, params, many, context):  # noqa: ANN001, ANN202 - Django's execute_wrapper signature
        log.append(("  " if connection.in_atomic_block else "* ") + sql)
        return execute(sql, params, many, context)

    plain_commit = connection._commit

    def commit() -> None:
        log.append("  COMMIT")
        plain_commit()

    connection._commit = commit
    with connection.execute_wrapper(note):
        response = first_client.post(CHECK, {"token": first_token, "website": ""})
    connection._commit = plain_commit
    assert response.status_code == 302, response.status_code
    outside = sum(1 for s in log if s.startswith("* "))
    commits = sum(1 for s in log if s == "  COMMIT")
    print(
        f"\none submission: {len(log) - commits} statements, {commits} COMMITs of transactions and {outside} "
        "statements in autocommit (marked *, each its own transaction)"
    )
    for sql in log:
        print(sql if len(sql) < 160 else sql[:157] + "...")

    profiler = cProfile.Profile(time.process_time)  # this process's CPU: steadier than wall time on a shared machine
    wall, cpu = [], []
    for client, token in clients[1:]:
        started, cpu_started = time.perf_counter(), time.process_time()
        profiler.enable()
        response = client.post(CHECK, {"token": token, "website": ""})
        profiler.disable()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
        assert response.status_code == 302, response.status_code
    wall.sort()
    print(
        f"\n{len(wall)} submissions in-process, one at a time: wall median {wall[len(wall) // 2] * 1000:.1f} ms "
        f"(PostgreSQL round trips and commits included), Django's CPU {sum(cpu) / len(cpu) * 1000:.1f} ms each "
        "(with the profiler's overhead; the profile below is in CPU seconds)"
    )
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
