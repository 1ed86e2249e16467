"""Benchmark: public hate-report submissions while web workers, the task worker and PostgreSQL are killed (README.md).

Afterwards every acknowledged submission must exist exactly once, and every outbox message must have reached the
loopback mail receiver exactly once.
"""

from __future__ import annotations

import argparse
import contextlib
import email
import email.policy
import importlib.util
import os
import random
import shutil
import signal
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
INTAKE_BENCH = ROOT / "benchmarks" / "intake"
BIN = Path(sys.executable).parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
DB_NAME = "csphub_faults"
TRIAGE_PURPOSE = "hate_report_new"


def _load_intake_journeys() -> ModuleType:
    """benchmarks/intake/run.py, under its own module name: the public journey, the browser and the page patterns.
    (Loaded by path: this script is also called run.py, so ``import run`` would import itself.)"""
    spec = importlib.util.spec_from_file_location("intake_bench_run", INTAKE_BENCH / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


journeys = _load_intake_journeys()
NETWORK_ERRORS = journeys.NETWORK_ERRORS


# --- A throwaway PostgreSQL cluster ------------------------------------------------------------------------------


class Cluster:
    """Its own PostgreSQL cluster in a temporary directory on a free loopback port, trust authentication, so it can
    be restarted without disturbing anyone. As root, initdb and pg_ctl run as the ``postgres`` user (initdb refuses
    to run as root)."""

    def __init__(self, directory: Path, port: int) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.log = directory / "postgresql.log"
        self.port = port
        self.owner = "postgres" if os.geteuid() == 0 else None
        self.running = False

    @property
    def server_url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.server_url}/{DB_NAME}"

    def _run(self, *command: str) -> None:
        subprocess.run(  # noqa: S603 - our own command lines
            command, check=True, user=self.owner, cwd=self.directory, stdout=subprocess.DEVNULL, timeout=120
        )

    def create(self) -> None:
        if self.owner:
            shutil.chown(self.directory, user=self.owner)
        self._run(
            str(PG_BIN / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.log), "-w", "start")
        self.running = True
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{DB_NAME}"')

    def restart(self, mode: str) -> float:
        """``pg_ctl restart -m fast|immediate``; returns the seconds it took until the server accepts connections."""
        started = time.perf_counter()
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "-t", "90", "restart")
        return time.perf_counter() - started

    def stop(self) -> None:
        if self.running:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
            self.running = False


# --- The mail receiver on loopback ---------------------------------------------------------------------------------


@dataclass
class Delivery:
    to: str
    subject: str
    message_id: str


class MailReceiver(socketserver.ThreadingTCPServer):
    """A minimal SMTP server on loopback that records every message it accepts. Like a real mail server it stores
    the message, then answers 250 after ``latency`` seconds (a remote server's time to accept): a sender stopped
    in between has delivered without knowing it. ``on_stored`` (if set) is called with the number of messages
    stored so far, after storing and before answering: the fault injector uses it to kill the sender there."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, latency: float) -> None:
        super().__init__(("127.0.0.1", 0), SMTPSession)
        self.latency = latency
        self.on_stored: Callable[[int], None] | None = None
        self.deliveries: list[Delivery] = []
        self.lock = threading.Lock()

    @property
    def port(self) -> int:
        return self.server_address[1]

    def record(self, data: bytes) -> None:
        message = email.message_from_bytes(data, policy=email.policy.default)
        delivery = Delivery(str(message["To"]), str(message["Subject"]), str(message["Message-ID"] or ""))
        with self.lock:
            self.deliveries.append(delivery)
            stored = len(self.deliveries)
        if self.on_stored is not None:
            self.on_stored(stored)

    def delivered(self) -> list[Delivery]:
        with self.lock:
            return list(self.deliveries)


class SMTPSession(socketserver.StreamRequestHandler):
    """One SMTP conversation: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    server: MailReceiver

    def reply(self, text: str) -> None:
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self) -> None:
        with contextlib.suppress(OSError):  # the sender was killed mid-conversation
            self.converse()

    def converse(self) -> None:
        self.reply("220 faults-benchmark ESMTP")
        while line := self.rfile.readline(65536):
            verb = line[:4].upper()
            if verb == b"EHLO":
                self.reply("250-faults-benchmark\r\n250 8BITMIME")
            elif verb in (b"HELO", b"MAIL", b"RCPT", b"RSET", b"NOOP"):
                self.reply("250 OK")
            elif verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data_line := self.rfile.readline(1 << 20)) not in (b".\r\n", b""):
                    lines.append(data_line[1:] if data_line.startswith(b"..") else data_line)
                if not data_line:
                    return  # the sender went away mid-message: nothing delivered
                self.server.record(b"".join(lines))
                time.sleep(self.server.latency)
                self.reply("250 OK queued")
            elif verb == b"QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


# --- gunicorn and the task worker ----------------------------------------------------------------------------------


def server_env(cluster: Cluster, mail_port: int) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url,
        "CSPHUB_DEMO": "1",
        "CSPHUB_PUBLIC_RATE_LIMIT": "1000000000",
        "CSPHUB_PARTNERSHIP_NAME": "Cumberland Community Safety Partnership",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_port),
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(INTAKE_BENCH)]),
    }
    env.pop("CSPHUB_TESTING", None)
    return env


# The least a public report needs to queue its triage email as in real use: a council with one coordinator.
MINIMUM_DATA = """
from partnership.models import Agency, AgencyKind, Membership, Role, User
council = Agency.objects.create(name="Cumberland Council", kind=AgencyKind.COUNCIL)
coordinator = User.objects.create_user("coordinator@council.faults.csphub.test", full_name="Triage Coordinator")
Membership.objects.create(user=coordinator, agency=council, role=Role.COORDINATOR)
"""


def csphub(env: dict[str, str], *arguments: str) -> None:
    subprocess.run(  # noqa: S603 - our own command line
        [str(BIN / "csphub"), *arguments], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
    )


def gunicorn_workers(master_pid: int) -> list[int]:
    try:
        return [int(pid) for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()]
    except OSError:
        return []


class TaskWorker:
    """``csphub worker`` kept running as systemd's ``Restart=always`` would: started again ``restart_delay``
    seconds after it stops, whether this script killed it or it stopped by itself."""

    def __init__(self, env: dict[str, str], log: Path, restart_delay: float) -> None:
        self.env = env
        self.log = log
        self.restart_delay = restart_delay
        self.process: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.killed_by_us = False
        self.kills = 0
        self.starts = 0
        self.exits_on_its_own: list[int] = []
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._supervise, name="worker-supervisor", daemon=True)

    def _start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command line
                [str(BIN / "csphub"), "worker", "--interval", "0.5"],
                env=self.env,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.starts += 1

    def start(self) -> None:
        with self.lock:
            self._start()
        self.thread.start()

    def _supervise(self) -> None:
        while not self.stop_event.wait(0.2):
            with self.lock:
                if self.process is None or self.process.poll() is None:
                    continue
                if not self.killed_by_us:
                    self.exits_on_its_own.append(self.process.returncode)
                self.killed_by_us = False
            if self.stop_event.wait(self.restart_delay):
                return
            with self.lock:
                self._start()

    def kill(self) -> None:
        """SIGKILL the worker (its whole process group); the supervisor starts it again."""
        with self.lock:
            if self.process is None or self.process.poll() is not None:
                return
            self.killed_by_us = True
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            self.kills += 1

    def stop(self) -> None:
        self.stop_event.set()
        if self.thread.is_alive():
            self.thread.join()
        with self.lock:
            if self.process is not None and self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGTERM)
                try:
                    self.process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)
                    self.process.wait()


# --- Faults --------------------------------------------------------------------------------------------------------


@dataclass
class FaultLog:
    web_kills: int = 0
    worker_kills_on_delivery: int = 0
    pg_restarts: list[str] = field(default_factory=list)


def inject_faults(  # noqa: PLR0913 - the schedule's knobs
    *,
    stop: threading.Event,
    master_pid: int,
    worker: TaskWorker,
    cluster: Cluster,
    duration: float,
    web_kill_every: float,
    worker_kill_every: float,
    pg_restart_modes: list[str],
    rng: random.Random,
    log: FaultLog,
) -> None:
    """Until ``duration`` passes: SIGKILL a random gunicorn worker about every ``web_kill_every`` seconds and the
    task worker about every ``worker_kill_every`` seconds (each interval 0.5-1.5 times that), and restart
    PostgreSQL once per mode, spread evenly over the run."""
    started = time.monotonic()
    deadline = started + duration
    next_web = started + rng.uniform(0.5, 1.5) * web_kill_every
    next_worker = started + rng.uniform(0.5, 1.5) * worker_kill_every
    restarts = [
        (started + duration * (number + 1) / (len(pg_restart_modes) + 1), mode)
        for number, mode in enumerate(pg_restart_modes)
    ]
    while not stop.is_set() and (now := time.monotonic()) < deadline:
        if web_kill_every and now >= next_web:
            children = gunicorn_workers(master_pid)
            if children:
                try:
                    os.kill(rng.choice(children), signal.SIGKILL)
                    log.web_kills += 1
                except ProcessLookupError:
                    pass
            next_web = now + rng.uniform(0.5, 1.5) * web_kill_every
        if worker_kill_every and now >= next_worker:
            worker.kill()
            next_worker = now + rng.uniform(0.5, 1.5) * worker_kill_every
        if restarts and now >= restarts[0][0]:
            _when, mode = restarts.pop(0)
            seconds = cluster.restart(mode)
            log.pg_restarts.append(f"{mode} at {now - started:.0f} s ({seconds:.1f} s to accept connections again)")
        stop.wait(0.1)


# --- Clients -------------------------------------------------------------------------------------------------------


@dataclass
class Ledger:
    """What the people were shown: the reference acknowledged for each submission token."""

    acknowledged: dict[str, str] = field(default_factory=dict)  # token → reference
    sent_tokens: set[str] = field(default_factory=set)
    given_up: int = 0
    journeys_started: int = 0
    journeys_failed: int = 0
    page_retries: int = 0
    page_seconds: list[float] = field(default_factory=list)
    posts: int = 0
    resends: int = 0
    answers: Counter = field(default_factory=Counter)  # what each send of the form got back
    seconds_to_acknowledge: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, problem: str) -> None:
        with self.lock:
            if len(self.problems) < 20:
                self.problems.append(problem)


def submit_until_acknowledged(
    item: journeys.Prepared, ledger: Ledger, give_up_at: float, backoff: random.Random
) -> None:
    """Send "check your answers" as a person would: after a connection error or a 5xx they wait a moment and press
    "Send report" again (same form, same token) until the confirmation page shows a reference."""
    form = {"csrfmiddlewaretoken": item.csrf, "token": item.token, "website": ""}
    first_sent = time.monotonic()
    with ledger.lock:
        ledger.sent_tokens.add(item.token)
    attempt = 0
    while time.monotonic() < give_up_at:
        if attempt:
            time.sleep(min(0.25 * 2**attempt, 4.0) * backoff.uniform(0.5, 1.5))
        attempt += 1
        with ledger.lock:
            ledger.posts += 1
            ledger.resends += attempt > 1
        try:
            sent = item.browser.post(journeys.CHECK, form)
        except NETWORK_ERRORS:
            ledger.answers["connection error"] += 1
            continue
        ledger.answers[f"{sent.status // 100}xx"] += 1
        if retryable(sent.status):
            continue
        if sent.status != 302 or sent.location != journeys.DONE:
            ledger.note(f"send answered {sent.status} {sent.location}")
            return  # not a fault this script makes: reported as a problem, not retried
        try:
            done = item.browser.get(journeys.DONE)
        except NETWORK_ERRORS:
            continue  # the confirmation did not load: the person sends the form again
        if retryable(done.status):
            continue
        match = journeys.REFERENCE.search(done.body)
        if not match:
            ledger.note(f"confirmation page answered {done.status} without a reference")
            return
        reference = match.group(1).decode()
        with ledger.lock:
            known = ledger.acknowledged.setdefault(item.token, reference)
            if known != reference:
                ledger.problems.append(f"one token was shown {known} and then {reference}")
            ledger.seconds_to_acknowledge.append(time.monotonic() - first_sent)
        return
    with ledger.lock:
        ledger.given_up += 1


PAGE_ATTEMPTS = 8


def retryable(status: int) -> bool:
    """An error page a person would answer by trying again: a server error, or the 400 Django gives when it could
    not save the session because the database went away (SessionInterrupted)."""
    return status >= 500 or status == 400


class PatientBrowser(journeys.Browser):
    """A person's browser, and the person: while they answer the questions, an error page or a dropped connection
    is met with "refresh" (the same request again, after a moment), up to PAGE_ATTEMPTS times. Once they reach
    "check your answers", ``patient`` is turned off and ``submit_until_acknowledged`` does the resending."""

    def __init__(self, port: int, number: int, ledger: Ledger) -> None:
        super().__init__(port, number)
        self.ledger = ledger
        self.patient = True
        self.pause = random.Random(number)

    def request(self, method: str, target: str, form: dict | None = None) -> journeys.Response:
        for attempt in range(1, PAGE_ATTEMPTS + 1):
            last = not self.patient or attempt == PAGE_ATTEMPTS
            started = time.monotonic()
            try:
                response = super().request(method, target, form)
            except NETWORK_ERRORS:
                if last:
                    raise
            else:
                with self.ledger.lock:
                    self.ledger.page_seconds.append(time.monotonic() - started)
                if not retryable(response.status) or last:
                    return response
            with self.ledger.lock:
                self.ledger.page_retries += 1
            time.sleep(min(0.25 * 2**attempt, 4.0) * self.pause.uniform(0.5, 1.5))
        raise AssertionError("unreachable: the last attempt returns or raises")


def client_loop(port: int, number_source: Callable[[], int], ledger: Ledger, stop_at: float, give_up_at: float) -> None:
    """One client after another person: walk the whole journey, then send it until acknowledged."""
    while time.monotonic() < stop_at:
        number = number_source()
        with ledger.lock:
            ledger.journeys_started += 1
        try:
            browser = PatientBrowser(port, number, ledger)
            item = journeys.walk_to_check_your_answers(browser, journeys.anonymous_answers(random.Random(number)))
        except (journeys.JourneyError, *NETWORK_ERRORS) as error:
            with ledger.lock:
                ledger.journeys_failed += 1  # still failing after refreshes: this person gives up
            ledger.note(f"journey abandoned: {error!r}")
            time.sleep(0.5)
            continue
        browser.patient = False
        submit_until_acknowledged(item, ledger, give_up_at, random.Random(number))


# --- Checking the database -----------------------------------------------------------------------------------------


@dataclass
class Stored:
    references: set[str]
    receipts: dict[str, list[str]]  # token → references
    messages: dict[int, tuple[str, str, str, int]]  # id → (to, subject, state, attempts)


def read_database(url: str, first_report_id: int, first_message_id: int) -> Stored:
    with psycopg.connect(url) as db:
        references = {
            row[0]
            for row in db.execute("SELECT reference FROM hate_crime_hatereport WHERE id >= %s", [first_report_id])
        }
        receipts: dict[str, list[str]] = {}
        for token, reference in db.execute(
            "SELECT token, reference FROM intake_submissionreceipt WHERE kind = 'hate_report'"
        ):
            receipts.setdefault(token, []).append(reference)
        messages = {
            row[0]: row[1:]
            for row in db.execute(
                'SELECT id, "to", subject, state, attempts FROM intake_outboundmessage WHERE id >= %s',
                [first_message_id],
            )
        }
    return Stored(references, receipts, messages)


def next_ids(url: str) -> tuple[int, int]:
    """The first id a new hate report and a new outbox message will have (everything before is demo data)."""
    with psycopg.connect(url) as db:
        report = db.execute("SELECT coalesce(max(id), 0) + 1 FROM hate_crime_hatereport").fetchone()[0]
        message = db.execute("SELECT coalesce(max(id), 0) + 1 FROM intake_outboundmessage").fetchone()[0]
    return report, message


def outbox_settled(url: str, first_message_id: int, receiver: MailReceiver) -> tuple[bool, int]:
    """Whether every new message is marked sent and has reached the receiver; and how many have not."""
    with psycopg.connect(url, connect_timeout=5) as db:
        rows = db.execute(
            'SELECT "to", subject, state FROM intake_outboundmessage WHERE id >= %s', [first_message_id]
        ).fetchall()
    received = {(d.to, d.subject) for d in receiver.delivered()}
    waiting = sum(1 for to, subject, state in rows if state != "sent" or (to, subject) not in received)
    return waiting == 0, waiting


# --- Main ----------------------------------------------------------------------------------------------------------


def main() -> int:  # noqa: C901, PLR0912, PLR0915 - one straight script
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=150, help="seconds of submissions under faults (150)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent people (default 16)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers (default 4)")
    parser.add_argument("--web-kill-every", type=float, default=5, help="seconds between gunicorn worker SIGKILLs (5)")
    parser.add_argument("--worker-kill-every", type=float, default=15, help="seconds between task worker SIGKILLs (15)")
    parser.add_argument(
        "--kill-worker-on-delivery",
        type=int,
        default=10,
        help="also kill the task worker as the receiver stores every Nth message, before it answers (10; 0: never)",
    )
    parser.add_argument(
        "--pg-restarts",
        default="fast,immediate",
        help="PostgreSQL restarts, spread over the run, by pg_ctl mode (default fast,immediate; '' for none)",
    )
    parser.add_argument("--restart-delay", type=float, default=1.0, help="seconds before the worker is restarted (1)")
    parser.add_argument(
        "--receiver-ms", type=float, default=50, help="the mail receiver's time to accept a message (50 ms)"
    )
    parser.add_argument(
        "--give-up", type=float, default=60, help="seconds after the run a person keeps resending (default 60)"
    )
    parser.add_argument("--drain-cap", type=float, default=420, help="seconds to wait for the outbox (420)")
    parser.add_argument(
        "--strict-delivery",
        action="store_true",
        help="also fail when a message reached the receiver twice with the same Message-ID",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed for the faults (default 1)")
    parser.add_argument(
        "--demo-data", action="store_true", help="load the demo data (seed-demo) instead of one coordinator"
    )
    parser.add_argument("--keep", action="store_true", help="keep the cluster's directory (it is deleted otherwise)")
    args = parser.parse_args()
    modes = [mode for mode in args.pg_restarts.split(",") if mode]
    if any(mode not in ("smart", "fast", "immediate") for mode in modes):
        parser.error("--pg-restarts takes pg_ctl modes: fast, immediate (or smart)")

    started = time.perf_counter()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start (shared with others)")
    directory = Path(tempfile.mkdtemp(prefix="csphub-faults-"))
    logs = Path(tempfile.mkdtemp(prefix="csphub-faults-logs-"))
    cluster = Cluster(directory, journeys.free_port())
    receiver = MailReceiver(args.receiver_ms / 1000)
    threading.Thread(target=receiver.serve_forever, name="mail-receiver", daemon=True).start()
    env = server_env(cluster, receiver.port)
    server: subprocess.Popen | None = None
    worker = TaskWorker(env, logs / "worker.log", args.restart_delay)
    ledger = Ledger()
    faults = FaultLog()
    stop_faults = threading.Event()
    drained, drain_seconds, waiting = False, 0.0, 0
    stored: Stored | None = None
    try:
        cluster.create()
        csphub(env, "migrate", "--noinput", "-v", "0")
        csphub(env, "createcachetable")
        if args.demo_data:
            csphub(env, "seed-demo")
        else:
            csphub(env, "shell", "-c", MINIMUM_DATA)
        first_report_id, first_message_id = next_ids(cluster.url)
        print(
            f"PostgreSQL cluster on 127.0.0.1:{cluster.port} in {directory}, migrated and seeded in "
            f"{time.perf_counter() - started:.0f} s; mail receiver on 127.0.0.1:{receiver.port} "
            f"({args.receiver_ms:.0f} ms to accept); logs in {logs}"
        )

        port = journeys.free_port()
        with (logs / "gunicorn-output.log").open("ab") as server_log:  # Django's own error log (console handler)
            server = subprocess.Popen(  # noqa: S603 - our own command line
                [
                    str(BIN / "gunicorn"),
                    "bench_wsgi:application",
                    "--chdir",
                    str(INTAKE_BENCH),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.workers),
                    "--timeout",
                    "30",
                    "--backlog",
                    "2048",
                    "--preload",
                    "--log-level",
                    "warning",
                    "--error-logfile",
                    str(logs / "gunicorn.log"),
                ],
                env=env,
                cwd=INTAKE_BENCH,
                stdout=server_log,
                stderr=subprocess.STDOUT,
            )
        journeys.wait_until_up(port, server)
        worker.start()
        print(f"gunicorn on 127.0.0.1:{port}: {args.workers} sync workers; {args.clients} clients; csphub worker")

        numbers = iter(range(10**9))
        numbers_lock = threading.Lock()

        def next_number() -> int:
            with numbers_lock:
                return next(numbers)

        phase_started = time.monotonic()
        stop_at = phase_started + args.duration
        give_up_at = stop_at + args.give_up

        def kill_worker_mid_delivery(stored_so_far: int) -> None:
            """The worst moment: the receiver has the message, the worker has not yet recorded it as sent. Also
            while the outbox drains after the clients (the worker delivers in bursts after each restart)."""
            every = args.kill_worker_on_delivery
            if every and stored_so_far % every == 0 and not stop_faults.is_set():
                worker.kill()
                faults.worker_kills_on_delivery += 1

        receiver.on_stored = kill_worker_mid_delivery
        clients = [
            threading.Thread(target=client_loop, args=(port, next_number, ledger, stop_at, give_up_at), daemon=True)
            for _ in range(args.clients)
        ]
        for client in clients:
            client.start()
        inject_faults(
            stop=stop_faults,
            master_pid=server.pid,
            worker=worker,
            cluster=cluster,
            duration=args.duration,
            web_kill_every=args.web_kill_every,
            worker_kill_every=args.worker_kill_every,
            pg_restart_modes=modes,
            rng=random.Random(args.seed),
            log=faults,
        )
        print(
            f"faults for {args.duration:.0f} s: {faults.web_kills} gunicorn workers killed, task worker killed "
            f"{worker.kills} times, PostgreSQL restarts: {'; '.join(faults.pg_restarts) or 'none'}"
        )
        for client in clients:
            client.join(timeout=max(1.0, give_up_at - time.monotonic() + 150))
        phase_seconds = time.monotonic() - phase_started
        print(
            f"clients done after {phase_seconds:.0f} s: {ledger.journeys_started} journeys started, "
            f"{ledger.page_retries} pages refreshed after an error, {ledger.journeys_failed} abandoned; "
            f"{len(ledger.sent_tokens)} reports sent ({ledger.posts} sends, {ledger.resends} of them resends), "
            "answers to the sends: " + ", ".join(f"{name} {count}" for name, count in sorted(ledger.answers.items()))
        )
        pages = ledger.page_seconds
        print(
            f"  {len(pages)} pages answered, {len(pages) / phase_seconds:.1f}/s: p50 "
            f"{journeys.percentile(pages, 0.5):.2f} s, p99 {journeys.percentile(pages, 0.99):.2f} s, "
            f"max {max(pages, default=float('nan')):.2f} s"
        )

        # Let the worker empty the outbox: every new message marked sent and received.
        drain_started = time.monotonic()
        while time.monotonic() - drain_started < args.drain_cap:
            try:
                drained, waiting = outbox_settled(cluster.url, first_message_id, receiver)
            except psycopg.OperationalError:
                drained = False
            if drained:
                break
            time.sleep(1)
        drain_seconds = time.monotonic() - drain_started
        time.sleep(1)  # a delivery that was on its way when the outbox looked settled
        stop_faults.set()
        worker.stop()
        journeys.stop(server)
        stored = read_database(cluster.url, first_report_id, first_message_id)
    finally:
        stop_faults.set()
        worker.stop()
        if server is not None:
            journeys.stop(server)
        receiver.shutdown()
        receiver.server_close()
        cluster.stop()
        if not args.keep:
            shutil.rmtree(directory, ignore_errors=True)

    # Submissions: the references the people were shown against the rows and receipts in the database.
    acknowledged = ledger.acknowledged
    token_of = {reference: token for token, references in stored.receipts.items() for reference in references}
    lost = [token for token, reference in acknowledged.items() if reference not in stored.references]
    doubled_tokens = [token for token, references in stored.receipts.items() if len(set(references)) > 1]
    without_receipt = [reference for reference in stored.references if reference not in token_of]
    shown_other = [t for t, r in acknowledged.items() if stored.receipts.get(t, [r]) != [r]]
    doubled = len(doubled_tokens) + len(without_receipt) + len(shown_other)
    stored_without_ack = [r for r in stored.references if r in token_of and token_of[r] not in acknowledged]

    # Messages: each queued triage email against what the receiver got.
    deliveries = Counter((d.to, d.subject) for d in receiver.delivered())
    ids_per_message: dict[tuple[str, str], set[str]] = {}
    for delivery in receiver.delivered():
        ids_per_message.setdefault((delivery.to, delivery.subject), set()).add(delivery.message_id)
    queued = {(to, subject): (pk, state) for pk, (to, subject, state, _attempts) in stored.messages.items()}
    triage = [key for key, (_pk, _state) in queued.items() if key[1].endswith(tuple(stored.references))]
    messages_lost = [key for key in queued if deliveries[key] == 0]
    messages_doubled = [key for key in queued if deliveries[key] > 1]
    same_id = [key for key in messages_doubled if len(ids_per_message[key]) == 1]
    sent_but_not_received = [key for key in messages_lost if queued[key][1] == "sent"]
    received_not_marked = [key for key in queued if deliveries[key] and queued[key][1] != "sent"]
    unknown = [key for key in deliveries if key not in queued]
    reports_without_email = len(stored.references) - len(triage)
    states = Counter(state for _pk, state in queued.values())

    print()
    ack_times = ledger.seconds_to_acknowledge
    print(
        f"submissions: {len(acknowledged)} acknowledged, {len(stored.references)} stored, {len(lost)} lost, "
        f"{doubled} doubled, {len(stored_without_ack)} stored without an acknowledgement (the person gave up or "
        f"never saw the confirmation: fine), {ledger.given_up} given up after {args.give_up:.0f} s of resending"
    )
    print(
        f"  {len(acknowledged) / args.duration:.1f} acknowledged per second under faults; time from the first send "
        f"to the reference shown: p50 {journeys.percentile(ack_times, 0.5):.2f} s, "
        f"p99 {journeys.percentile(ack_times, 0.99):.2f} s, max {max(ack_times, default=float('nan')):.2f} s"
    )
    print(
        f"messages: {len(queued)} queued, {sum(1 for k in queued if deliveries[k])} delivered, {len(messages_lost)} "
        f"lost, {len(messages_doubled)} doubled (delivered more than once: "
        f"{sum(deliveries[k] - 1 for k in messages_doubled)} extra deliveries)"
    )
    print(
        f"  of the doubled, {len(same_id)} carried the same Message-ID every time (a receiver that drops a repeated "
        f"Message-ID processes them once) and {len(messages_doubled) - len(same_id)} did not"
    )
    print(
        f"  outbox states: {dict(states)}; {len(sent_but_not_received)} marked sent but never received, "
        f"{len(received_not_marked)} received but not marked sent, {len(unknown)} received that match no message, "
        f"{reports_without_email} new reports without their triage email"
    )
    if drained:
        print(f"  the outbox settled {drain_seconds:.0f} s after the clients finished")
    else:
        print(f"  the outbox had NOT settled {drain_seconds:.0f} s after the clients finished ({waiting} waiting)")
    print(
        f"task worker: started {worker.starts} times, killed {worker.kills} times in all "
        f"({faults.worker_kills_on_delivery} of them as the receiver stored a message), stopped on its own "
        f"{len(worker.exits_on_its_own)} times (exit codes {dict(Counter(worker.exits_on_its_own))})"
    )
    for problem in ledger.problems:
        print(f"  problem: {problem}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end; whole run {time.perf_counter() - started:.0f} s")
    targets = {
        "0 submissions lost": not lost,
        "0 submissions doubled": not doubled,
        "0 messages lost": not messages_lost,
        "0 messages doubled for a receiver that drops a repeated Message-ID": len(same_id) == len(messages_doubled),
        "0 messages delivered twice on the wire": not messages_doubled,
    }
    print("targets: " + ", ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in targets.items()))
    must_hold = list(targets.values()) if args.strict_delivery else list(targets.values())[:-1]
    return 0 if all(must_hold) else 1


if __name__ == "__main__":
    sys.exit(main())
