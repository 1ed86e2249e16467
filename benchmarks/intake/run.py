"""Benchmark: public hate-report submissions through gunicorn on PostgreSQL at 32 concurrent clients (README.md)."""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
DB_NAME = "csphub_bench_intake"
SERVER_URL = "postgres://postgres@127.0.0.1:5432"
DB_URL = f"{SERVER_URL}/{DB_NAME}"
BARE_PATH = "/__bench/bare/"  # answered by bench_wsgi.py
START = "/report/hate-incident/"
QUESTIONS = START + "questions/"
CHECK = QUESTIONS + "check-your-answers/"
DONE = QUESTIONS + "submitted/"
TIMEOUT = 120
NETWORK_ERRORS = (OSError, http.client.HTTPException)
TARGETS = {"ratio": 0.4, "p99_ms": 250}

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT = re.compile(rb'name="token" value="([^"]+)"')
REFERENCE = re.compile(rb"<strong>(HC-[0-9A-Z]{4}-[0-9A-Z]{4})</strong>")
SECRET = re.compile(rb'class="csphub-secret">([0-9A-Z]+)<')

# The Cumberland postcode districts: reports spread over them as real ones would be (the repeat-victim check
# looks at earlier reports with the same postcode, so one postcode for every report would be unrealistic).
DISTRICTS = ("CA1", "CA2", "CA3", "CA6", "CA7", "CA8", "CA12", "CA13", "CA14", "CA15", "CA22", "CA25", "CA28", "LA18")
STRANDS = ("race", "race", "race", "sexual_orientation", "disability", "religion", "transgender")


def anonymous_answers(rng: random.Random) -> dict[str, dict[str, object]]:
    """One anonymous report, question page by question page (slug → form data), as a person would fill it in."""
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    postcode = f"{rng.choice(DISTRICTS)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    return {
        "who-is-reporting": {"reporter_role": rng.choice(("victim", "witness"))},
        "what-happened": {"what_happened": "Two men shouted abuse at me at the bus stop and one of them pushed me."},
        "when": {"occurred_on": f"2026-{rng.randint(1, 9):02d}-{rng.randint(1, 28):02d}", "occurred_time": "about 9pm"},
        "where": {"location_kind": "place"},
        "where-place": {"location_text": "Bus stop on Lowther Street", "postcode": postcode},
        "who-was-targeted": {"target": "me"},
        "why": {"strands": [rng.choice(STRANDS)]},
        "what-kind": {"incident_types": ["verbal_abuse", "physical_assault"]},
        "impact": {"impact": "I am scared to use the bus.", "help_wanted": ["victim_support"]},
        "police-already": {"already_reported": "no"},
        "police-consent": {"police_consent": "no"},
        "contact": {"contact_preference": "none"},
        "about-you": {},
    }


# --- HTTP ------------------------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    location: str
    body: bytes
    seconds: float


class Browser:
    """One person's browser: its own cookies, and its own address (127.0.0.2 to 127.0.0.251: everything in
    127.0.0.0/8 is this machine), so the rate limit keeps a counter per person as it would for real visitors
    instead of all of them updating one row. A new connection per request (gunicorn's sync workers close it)."""

    def __init__(self, port: int, number: int = 0) -> None:
        self.port = port
        self.source = (f"127.0.0.{2 + number % 250}", 0)
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(self, method: str, target: str, form: dict | None = None) -> Response:
        headers = {"Host": f"127.0.0.1:{self.port}", "User-Agent": "csphub-bench"}
        with self.lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT, source_address=self.source)
        try:
            started = time.perf_counter()
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            seconds = time.perf_counter() - started
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    with self.lock:
                        if morsel["max-age"] == "0":
                            self.cookies.pop(name, None)
                        else:
                            self.cookies[name] = morsel.value
            location = urlsplit(response.getheader("Location", "")).path
            return Response(response.status, location, data, seconds)
        finally:
            connection.close()

    def get(self, target: str) -> Response:
        return self.request("GET", target)

    def post(self, target: str, form: dict) -> Response:
        return self.request("POST", target, form)


class JourneyError(RuntimeError):
    pass


def _csrf(page: Response) -> str:
    match = CSRF_INPUT.search(page.body)
    if not match:
        raise JourneyError(f"no CSRF token on the page (status {page.status})")
    return match.group(1).decode()


@dataclass
class Prepared:
    browser: Browser
    token: str
    csrf: str
    page_seconds: list[float]


def walk_to_check_your_answers(browser: Browser, answers: dict[str, dict[str, object]]) -> Prepared:
    """The anonymous journey as a browser makes it: the start page, every question page (GET, then POST and
    follow the redirect), then "check your answers", whose form carries the submission token."""
    timings = []
    start = browser.get(START)
    timings.append(start.seconds)
    first = browser.get(QUESTIONS)
    timings.append(first.seconds)
    target = first.location
    for _ in range(len(answers) + 2):
        page = browser.get(target)
        timings.append(page.seconds)
        if target == CHECK:
            token = TOKEN_INPUT.search(page.body)
            if page.status != 200 or not token:
                raise JourneyError(f"check your answers answered {page.status}")
            return Prepared(browser, token.group(1).decode(), _csrf(page), timings)
        slug = target.rstrip("/").rsplit("/", 1)[-1]
        if page.status != 200 or slug not in answers:
            raise JourneyError(f"unexpected page {target} ({page.status})")
        answered = browser.post(target, {"csrfmiddlewaretoken": _csrf(page), **answers[slug]})
        timings.append(answered.seconds)
        if answered.status != 302:
            raise JourneyError(f"question {slug} was not accepted ({answered.status})")
        target = answered.location
    raise JourneyError("the journey did not reach check your answers")


# --- Measuring -------------------------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def worker_cpu_seconds(master_pid: int) -> float:
    """CPU time (user + system) of the gunicorn workers, from /proc (Linux)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return float("nan")
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


@dataclass
class Phase:
    name: str
    done: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    server_cpu: float = 0.0
    client_cpu: float = 0.0

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def run_phase(
    name: str, clients: int, work: Callable[[Phase, threading.Lock], bool], master_pid: int, cap_seconds: float
) -> Phase:
    """``clients`` threads call ``work`` until it returns False or the time cap passes."""
    phase = Phase(name)
    lock = threading.Lock()
    deadline = time.monotonic() + cap_seconds
    go = threading.Barrier(clients + 1)

    def loop() -> None:
        go.wait()
        while time.monotonic() < deadline and work(phase, lock):
            pass

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    cpu_before, client_before = worker_cpu_seconds(master_pid), time.process_time()
    started = time.perf_counter()
    go.wait()
    for thread in threads:
        thread.join()
    phase.seconds = time.perf_counter() - started
    phase.server_cpu = worker_cpu_seconds(master_pid) - cpu_before
    phase.client_cpu = time.process_time() - client_before
    return phase


def bare_phase(port: int, clients: int, requests: int, master_pid: int, cap: float) -> Phase:
    issued = iter(range(requests))
    take = threading.Lock()
    browser = Browser(port)

    def work(phase: Phase, lock: threading.Lock) -> bool:
        with take:
            if next(issued, None) is None:
                return False
        try:
            response = browser.get(BARE_PATH)
            ok = response.status == 200 and response.body == b"ok"
        except NETWORK_ERRORS:
            ok, response = False, None
        with lock:
            if ok:
                phase.done += 1
                phase.latencies.append(response.seconds)
            else:
                phase.errors += 1
        return True

    return run_phase("bare view", clients, work, master_pid, cap)


@dataclass
class Ledger:
    """What the clients were told: the reference acknowledged for each submission token."""

    references: dict[str, str] = field(default_factory=dict)  # token → reference
    duplicates_sent: int = 0
    duplicates_same_reference: int = 0
    retries_after_error: int = 0
    code_lost_on_double_click: int = 0
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, problem: str) -> None:
        with self.lock:
            if len(self.problems) < 20:
                self.problems.append(problem)


def submit_phase(
    prepared: queue.Queue, clients: int, ledger: Ledger, master_pid: int, cap: float, double_click_every: int
) -> Phase:
    counter = iter(range(10**9))
    take = threading.Lock()

    def send(item: Prepared) -> Response:
        return item.browser.post(CHECK, {"csrfmiddlewaretoken": item.csrf, "token": item.token, "website": ""})

    def work(phase: Phase, lock: threading.Lock) -> bool:
        try:
            item = prepared.get_nowait()
        except queue.Empty:
            return False
        try:
            return one(item, phase, lock)
        except NETWORK_ERRORS as error:  # after the submission: following it to the confirmation, or a resend
            ledger.note(f"after a submission: {error!r}")
            return True

    def one(item: Prepared, phase: Phase, lock: threading.Lock) -> bool:
        with take:
            number = next(counter)
        double_click = double_click_every and number % double_click_every == 0
        retry_later = double_click_every and number % double_click_every == double_click_every // 2
        second: list[Response | Exception] = []
        helper = None
        if double_click:  # the same form sent twice at once, from the same browser, as a double click does
            together = threading.Barrier(2)

            def again() -> None:
                together.wait()
                try:
                    second.append(send(item))
                except NETWORK_ERRORS as error:
                    second.append(error)

            helper = threading.Thread(target=again, daemon=True)
            helper.start()
            together.wait()
        try:
            first = send(item)
        except NETWORK_ERRORS as error:
            first = None
            ledger.note(f"submission raised {error!r}")
        if helper is not None:
            helper.join()
        if first is None or first.status != 302 or first.location != DONE:
            with lock:
                phase.errors += 1
            if first is not None:
                ledger.note(f"submission answered {first.status} {first.location}")
            # A browser shows an error; the person presses "Send report" again with the same token.
            with ledger.lock:
                ledger.retries_after_error += 1
            try:
                first_retry = send(item)
            except NETWORK_ERRORS:
                return True
            if first_retry.status != 302:
                return True
        else:
            with lock:
                phase.done += 1
                phase.latencies.append(first.seconds)
        done = item.browser.get(DONE)
        match = REFERENCE.search(done.body)
        if not match:
            ledger.note(f"confirmation page without a reference ({done.status})")
            return True
        reference = match.group(1).decode()
        with ledger.lock:
            known = ledger.references.setdefault(item.token, reference)
            if known != reference:
                ledger.problems.append(f"token {item.token[:6]}… shown {known} then {reference}")
        if double_click:
            with ledger.lock:
                ledger.duplicates_sent += 1
                other = second[0] if second else None
                if isinstance(other, Response) and other.status == 302 and other.location == DONE:
                    ledger.duplicates_same_reference += 1  # the confirmation page, shared by both, checked above
                if not SECRET.search(done.body):
                    ledger.code_lost_on_double_click += 1
        if retry_later:  # the browser sends the form again later (back button, refresh): still one report
            again = send(item)
            again_done = item.browser.get(DONE)
            same = REFERENCE.search(again_done.body)
            with ledger.lock:
                ledger.duplicates_sent += 1
                if again.status == 302 and same and same.group(1).decode() == reference:
                    ledger.duplicates_same_reference += 1
                else:
                    ledger.problems.append(f"a later resend of {reference} answered {again.status}")
        return True

    return run_phase("submission", clients, work, master_pid, cap)


# --- Server and database ------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(cheap_hash: bool, cache_url: str = "") -> dict[str, str]:
    """The server's environment; ``cache_url`` is CSPHUB_CACHE_URL (empty: csphub's default, the database cache)."""
    env = {
        **os.environ,
        "DATABASE_URL": DB_URL,
        "CSPHUB_DEMO": "1",
        "CSPHUB_PUBLIC_RATE_LIMIT": "1000000000",
        "CSPHUB_PARTNERSHIP_NAME": "Cumberland Community Safety Partnership",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    env.pop("CSPHUB_TESTING", None)
    if cache_url:
        env["CSPHUB_CACHE_URL"] = cache_url
    if cheap_hash:
        env["BENCH_CHEAP_STATUS_HASH"] = "1"
    return env


def recreate_database(seed_demo: bool, env: dict[str, str]) -> None:
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DB_NAME}"')
    steps = [["migrate", "--noinput", "-v", "0"], ["createcachetable"]] + ([["seed-demo"]] if seed_demo else [])
    for step in steps:  # our own command lines
        subprocess.run([str(BIN / "csphub"), *step], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603


def database_exists() -> bool:
    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as admin:
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone() is not None


def report_rows() -> tuple[set[str], dict[str, list[str]]]:
    """Every hate report reference in the database, and the submission receipts of the public form."""
    with psycopg.connect(DB_URL) as db:
        references = {row[0] for row in db.execute("SELECT reference FROM hate_crime_hatereport")}
        receipts: dict[str, list[str]] = {}
        for token, reference in db.execute(
            "SELECT token, reference FROM intake_submissionreceipt WHERE kind = 'hate_report'"
        ):
            receipts.setdefault(token, []).append(reference)
    return references, receipts


def wait_until_up(port: int, server: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped (exit {server.returncode})")
        try:
            if Browser(port).get(BARE_PATH).status == 200:
                return
        except NETWORK_ERRORS:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start in time")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()  # gunicorn's graceful shutdown
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Main -------------------------------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> int:  # noqa: C901 - one straight script
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--submissions", type=int, default=2000, help="reports to prepare and send (default 2000)")
    parser.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; >1 uses gthread (default 1)")
    parser.add_argument("--bare-requests", type=int, default=10000, help="bare-view requests per round")
    parser.add_argument("--prepare-cap", type=float, default=240, help="seconds to walk journeys (default 240)")
    parser.add_argument("--submit-cap", type=float, default=240, help="seconds to send reports (default 240)")
    parser.add_argument("--bare-cap", type=float, default=60, help="seconds per bare-view round (default 60)")
    parser.add_argument(
        "--double-click-every",
        type=int,
        default=20,
        help="one submission in N is sent twice at once, and one in N sent again later (default 20; 0: never)",
    )
    parser.add_argument("--no-seed", action="store_true", help="an empty database instead of the demo data")
    parser.add_argument(
        "--reuse-database",
        action="store_true",
        help="keep the database of an earlier run if there is one (for quick iterations: loading the demo data "
        "takes minutes); counts only the reports this run makes",
    )
    parser.add_argument(
        "--cache-url",
        default="",
        help="CSPHUB_CACHE_URL for the server, e.g. redis://127.0.0.1:6379/0 (default: csphub's database cache)",
    )
    parser.add_argument(
        "--diagnose-cheap-status-hash",
        action="store_true",
        help="diagnostic only: hash status codes with a nearly free hasher, to see the other costs",
    )
    args = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start (shared with others)")
    env = server_env(args.diagnose_cheap_status_hash, args.cache_url)
    started = time.perf_counter()
    if args.reuse_database and database_exists():
        before, _receipts = report_rows()
        print(f"database {DB_NAME} kept from an earlier run ({len(before)} hate reports)")
    else:
        recreate_database(not args.no_seed, env)
        before, _receipts = report_rows()
        print(
            f"database {DB_NAME} recreated and migrated"
            + (f", demo data loaded ({len(before)} hate reports)" if before else "")
            + f" in {time.perf_counter() - started:.0f} s"
        )
    print(f"cache: {args.cache_url or 'csphub default (the database cache)'}")

    port = free_port()
    log = Path(tempfile.mkstemp(prefix="csphub-bench-gunicorn-", suffix=".log")[1])
    worker_class = "gthread" if args.threads > 1 else "sync"
    command = [
        str(BIN / "gunicorn"),
        "bench_wsgi:application",
        "--chdir",
        str(HERE),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        worker_class,
        "--threads",
        str(args.threads),
        "--timeout",
        str(TIMEOUT),
        "--backlog",
        "2048",
        "--preload",
        "--log-level",
        "warning",
        "--error-logfile",
        str(log),
    ]
    server = subprocess.Popen(command, env=env, cwd=HERE)  # noqa: S603 - our own command line
    ledger = Ledger()
    try:
        wait_until_up(port, server)
        print(
            f"gunicorn on 127.0.0.1:{port}: {args.workers} {worker_class} workers"
            + (f" x {args.threads} threads" if args.threads > 1 else "")
            + f"; {args.clients} clients; log {log}"
        )

        # Warm up every worker: the bare view, and csphub's URLs (imported on first use).
        def warm_up(phase: Phase, lock: threading.Lock) -> bool:
            for _ in range(4):
                Browser(port).get(BARE_PATH)
                Browser(port).get(QUESTIONS + "who-is-reporting/")
            return False

        run_phase("warm-up", args.clients, warm_up, server.pid, 60)
        bare_phase(port, args.clients, 1000, server.pid, 30)

        bare_before = bare_phase(port, args.clients, args.bare_requests, server.pid, args.bare_cap)
        print(
            f"bare view: {bare_before.rate:,.0f} requests/s, p50 {ms(percentile(bare_before.latencies, 0.5))}, "
            f"p99 {ms(percentile(bare_before.latencies, 0.99))}, {bare_before.errors} errors "
            f"(client process CPU {bare_before.client_cpu / bare_before.seconds:.0%} of a core)"
        )

        # Walk the journeys: each client is a new anonymous browser going through every page.
        prepared: queue.Queue = queue.Queue()
        seeds = iter(range(args.submissions))
        seeds_lock = threading.Lock()
        page_times: list[float] = []

        def walk(phase: Phase, lock: threading.Lock) -> bool:
            with seeds_lock:
                number = next(seeds, None)
            if number is None:
                return False
            try:
                item = walk_to_check_your_answers(Browser(port, number), anonymous_answers(random.Random(number)))
            except (JourneyError, *NETWORK_ERRORS) as error:
                with lock:
                    phase.errors += 1
                ledger.note(f"journey: {error}")
                return True
            prepared.put(item)
            with lock:
                phase.done += 1
                page_times.extend(item.page_seconds)
            return True

        journeys = run_phase("journeys", args.clients, walk, server.pid, args.prepare_cap)
        print(
            f"journeys: {journeys.done} walked to 'check your answers' in {journeys.seconds:.0f} s "
            f"({len(page_times) / journeys.seconds:,.0f} pages/s, page p50 {ms(percentile(page_times, 0.5))}, "
            f"p99 {ms(percentile(page_times, 0.99))}), {journeys.errors} failed"
        )

        sent = submit_phase(prepared, args.clients, ledger, server.pid, args.submit_cap, args.double_click_every)
        left = prepared.qsize()
        print(
            f"submissions: {sent.done} acknowledged in {sent.seconds:.1f} s = {sent.rate:,.1f}/s, "
            f"p50 {ms(percentile(sent.latencies, 0.5))}, p99 {ms(percentile(sent.latencies, 0.99))}, "
            f"{sent.errors} errors" + (f"; {left} journeys not sent before the time cap" if left else "")
        )

        bare_after = bare_phase(port, args.clients, args.bare_requests, server.pid, args.bare_cap)
        print(f"bare view again: {bare_after.rate:,.0f} requests/s, p99 {ms(percentile(bare_after.latencies, 0.99))}")
    finally:
        stop(server)

    after, receipts = report_rows()
    new = after - before
    acknowledged = set(ledger.references.values())
    lost = acknowledged - new
    extra = new - acknowledged
    # Each token acknowledged has exactly one receipt, naming the reference the client was shown.
    wrong_receipts = sum(1 for token, reference in ledger.references.items() if receipts.get(token) != [reference])
    bare_rate = (bare_before.rate + bare_after.rate) / 2
    ratio = sent.rate / bare_rate if bare_rate else 0.0
    p50, p99 = percentile(sent.latencies, 0.5), percentile(sent.latencies, 0.99)

    print()
    print(
        f"throughput ratio: {ratio:.3f} (submissions/s {sent.rate:,.1f} ÷ bare-view requests/s {bare_rate:,.0f}, "
        f"the mean of the rounds before and after; same server, {args.clients} clients)"
    )
    print(f"final submission latency: p50 {ms(p50)}, p99 {ms(p99)} over {len(sent.latencies)} submissions")
    per_submission = sent.server_cpu / max(sent.done, 1)
    per_bare = bare_before.server_cpu / max(bare_before.done, 1)
    print(
        f"gunicorn worker CPU: {per_submission * 1000:.1f} ms per submission, {per_bare * 1000:.2f} ms per bare "
        f"request (client process CPU in the submission phase: {sent.client_cpu:.1f} s)"
    )
    # The ratio the workers' CPU alone allows, less moved by other load than the rates; PostgreSQL's CPU and
    # the commits come on top for submissions, so the throughput ratio cannot exceed it.
    print(f"worker CPU ratio (bare request ÷ submission): {per_bare / per_submission if per_submission else 0:.3f}")
    print(
        f"database: {len(acknowledged)} distinct references acknowledged, {len(new)} new HateReport rows: "
        f"{len(lost)} lost, {len(extra)} not acknowledged (doubled), {wrong_receipts} receipt mismatches"
    )
    print(
        f"idempotency: {ledger.duplicates_sent} repeated sends of an already-used token, "
        f"{ledger.duplicates_same_reference} answered with the same reference; "
        f"{ledger.retries_after_error} resends after an error; status code missing from the confirmation "
        f"after {ledger.code_lost_on_double_click} of the double clicks"
    )
    for problem in ledger.problems:
        print(f"  problem: {problem}")
    print(f"load average {os.getloadavg()[0]:.1f} at the end; whole run {time.perf_counter() - started:.0f} s")
    if args.diagnose_cheap_status_hash:
        print("DIAGNOSTIC RUN: status codes hashed with a nearly free hasher, not csphub's Argon2")
    verdicts = {
        f"ratio >= {TARGETS['ratio']}": ratio >= TARGETS["ratio"],
        f"p99 < {TARGETS['p99_ms']} ms": p99 * 1000 < TARGETS["p99_ms"],
        "0 lost": not lost,
        "0 doubled": not extra and not wrong_receipts,
    }
    print("targets: " + ", ".join(f"{name} {'met' if ok else 'MISSED'}" for name, ok in verdicts.items()))
    return 0 if not lost and not extra and not wrong_receipts else 1


if __name__ == "__main__":
    sys.exit(main())
