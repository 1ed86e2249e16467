"""Check the running service in headless Chromium with axe-core (``make browser-check``, and CI).

Starts a throwaway demo instance (fresh database in a temporary CSPHUB_VAR_DIR, ``csphub seed-demo``,
``csphub runserver`` on a free port), visits the public pages and the main staff pages, runs axe-core on each
and saves a full-page screenshot in ``screenshots/``. Public pages are checked again at phone width.

Exits non-zero if any page has an accessibility violation or answers with an unexpected status.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from csphub.testing.axe import (  # noqa: E402
    MISSING_CHROMIUM,
    chromium_available,
    describe,
    launch_chromium,
    run_axe,
)

SCREENSHOTS = REPO_ROOT / "screenshots"
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - the published demo credential (core/demo.py)
PRACTITIONER = "practitioner@police.demo.csphub.test"
ADMINISTRATOR = "administrator@council.demo.csphub.test"
COORDINATOR = "coordinator@council.demo.csphub.test"
MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SERVER_START_TIMEOUT = 90
PUBLIC_PAGES = (
    ("home", "/"),
    ("accessibility", "/accessibility/"),
    ("privacy", "/privacy/"),
    ("check-a-report", "/check-a-report/"),
    ("sign-in", "/sign-in/"),
    ("password-reset", "/password-reset/"),
)


@dataclass
class Result:
    name: str
    url: str
    status: int | None
    violations: list[dict[str, Any]] = field(default_factory=list)
    problem: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.violations or self.problem)


def csphub_command() -> list[str]:
    """The ``csphub`` console script of the running interpreter's environment."""
    script = Path(sys.executable).parent / "csphub"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "csphub.cli"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_step(args: list[str], env: dict[str, str]) -> None:
    print(f"$ csphub {' '.join(args)}", flush=True)
    completed = subprocess.run(  # noqa: S603 - fixed arguments
        [*csphub_command(), *args], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        sys.stdout.write(completed.stdout)
        sys.stderr.write(completed.stderr)
        raise SystemExit(f"browser check: `csphub {' '.join(args)}` failed (exit {completed.returncode})")


def wait_until_up(base_url: str, server: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.stderr.write(log_path.read_text(errors="replace"))
            raise SystemExit(f"browser check: the server exited early (exit {server.returncode})")
        try:
            with urllib.request.urlopen(base_url + "/", timeout=2) as response:  # noqa: S310 - local http
                if response.status < 500:
                    return
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    sys.stderr.write(log_path.read_text(errors="replace"))
    raise SystemExit(f"browser check: the server did not answer within {SERVER_START_TIMEOUT} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


class Checker:
    """Visits pages, runs axe, takes screenshots and prints one line per page."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.results: list[Result] = []

    def check(
        self,
        page: Any,
        name: str,
        path: str | None = None,
        *,
        action: Callable[[], Any] | None = None,
        expect_status: int | None = None,
    ) -> Result:
        """Open ``path`` (or do ``action``, which leads to the page), then check what the browser shows."""
        status: int | None = None
        problem = ""
        try:
            if path is not None:
                response = page.goto(self.base_url + path, wait_until="load")
                status = response.status if response else None
            if action is not None:
                status = action()
            page.wait_for_load_state("load")
        except Exception as error:  # noqa: BLE001 - reported as this page's failure
            problem = f"could not open the page: {error}"
        url = page.url.removeprefix(self.base_url)
        if not problem and status is not None:
            if expect_status is not None and status != expect_status:
                problem = f"answered {status}, expected {expect_status}"
            elif expect_status is None and status >= 400:
                problem = f"answered {status}"
        violations: list[dict[str, Any]] = []
        if not problem or status is not None:
            try:
                violations = run_axe(page)
                page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
            except Exception as error:  # noqa: BLE001 - reported as this page's failure
                problem = problem or f"could not check the page: {error}"
        result = Result(name, url, status, violations, problem)
        self.results.append(result)
        line = f"{name:<28} {str(status or '-'):>4}  {len(violations)} violation{'s' if len(violations) != 1 else ''}"
        line += f"  {url}"
        if problem:
            line += f"  FAILED: {problem}"
        print(line, flush=True)
        if violations:
            print("    " + describe(violations).replace("\n", "\n    "), flush=True)
        return result


def status_of(response_info: Any) -> int | None:
    response = response_info.value
    return response.status if response else None


def sign_in(checker: Checker, page: Any, email: str, name: str, next_path: str = "") -> None:
    page.goto(checker.base_url + "/sign-in/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Continue").click()
    status = status_of(navigation)
    if page.url.rstrip("/").endswith("/sign-in") or (status or 0) >= 400:
        raise SystemExit(f"browser check: could not sign in as {email} (ended on {page.url}, status {status})")
    print(f"signed in as {email} ({name})", flush=True)


def click_to(page: Any, locator: Any) -> int | None:
    with page.expect_navigation() as navigation:
        locator.click()
    return status_of(navigation)


def staff_pages(checker: Checker, browser: Any) -> None:
    context = browser.new_context(bypass_csp=True, viewport=DESKTOP, locale="en-GB")
    try:
        page = context.new_page()
        sign_in(checker, page, PRACTITIONER, "practitioner")
        checker.check(page, "staff-dashboard", "/staff/")
        # An open ASB case: it has people on it and can take a new incident (some kinds, e.g. a stood-down
        # tension incident, have neither).
        checker.check(page, "staff-case-list", "/staff/cases/?kind=asb&status=open")
        case_link = page.locator("main table a[href^='/staff/cases/']").first
        if case_link.count() == 0:
            case_link = page.locator("main a[href^='/staff/cases/']:not([href='/staff/cases/new/'])").first
        if case_link.count() == 0:
            checker.results.append(Result("staff-case", "/staff/cases/", None, problem="no case in the case list"))
            print("staff-case                   FAILED: no case link in the case list", flush=True)
            return
        checker.check(page, "staff-case", action=lambda: click_to(page, case_link))
        case_path = page.url.removeprefix(checker.base_url)
        person_link = page.locator("main a[href*='/people/']:not([href$='/people/new/'])").first
        if person_link.count():
            checker.check(page, "staff-person", action=lambda: click_to(page, person_link))
        else:
            checker.results.append(Result("staff-person", case_path, None, problem="no person on the case"))
            print("staff-person                 FAILED: no person linked from the case page", flush=True)
        checker.check(page, "staff-search", "/staff/search/")
        # Search is a POST (names never go in URLs): search for the case just opened.
        page.get_by_label("Case reference or person's name").fill(case_path.strip("/").split("/")[-1])
        checker.check(
            page,
            "staff-search-results",
            action=lambda: click_to(page, page.locator("main form button[type='submit']").last),
        )
        if page.locator("main table a[href^='/staff/cases/']").count() == 0:
            checker.results[-1].problem = "the search found nothing"
            print("    FAILED: searching for the case's reference found nothing", flush=True)
        checker.check(page, "staff-add-incident", case_path.rstrip("/") + "/incidents/new/")
        checker.check(
            page,
            "staff-add-incident-errors",
            action=lambda: click_to(page, page.locator("main form button[type='submit']").last),
        )
        if page.locator(".govuk-error-summary").count() == 0:
            checker.results[-1].problem = "no error summary after submitting the empty form"
            print("    FAILED: no error summary after submitting the empty incident form", flush=True)
    finally:
        context.close()

    context = browser.new_context(bypass_csp=True, viewport=DESKTOP, locale="en-GB")
    try:
        page = context.new_page()
        # An administrator's work is the audit trail and the outbox, not the casework dashboard.
        sign_in(checker, page, ADMINISTRATOR, "administrator", next_path="/staff/audit/")
        checker.check(page, "staff-audit", "/staff/audit/")
        checker.check(page, "staff-outbox", "/staff/outbox/")
        checker.check(page, "staff-retention", "/staff/retention/")
    finally:
        context.close()

    context = browser.new_context(bypass_csp=True, viewport=DESKTOP, locale="en-GB")
    try:
        page = context.new_page()
        # Information governance: the sharing agreements register, retention and legal holds, subject rights.
        sign_in(checker, page, COORDINATOR, "coordinator")
        checker.check(page, "staff-coordinator-dashboard", "/staff/")
        checker.check(page, "staff-sharing-agreements", "/staff/sharing-agreements/")
        agreement_link = page.locator("main table a[href^='/staff/sharing-agreements/']").first
        if agreement_link.count():
            checker.check(page, "staff-sharing-agreement", action=lambda: click_to(page, agreement_link))
        else:
            checker.results.append(Result("staff-sharing-agreement", "/staff/sharing-agreements/", None,
                                          problem="no agreement in the register"))
            print("staff-sharing-agreement      FAILED: no agreement in the register", flush=True)
        checker.check(page, "staff-sharing-agreement-new", "/staff/sharing-agreements/new/")
        checker.check(
            page,
            "staff-sharing-agreement-errors",
            action=lambda: click_to(page, page.locator("main form button[type='submit']").last),
        )
        if page.locator(".govuk-error-summary").count() == 0:
            checker.results[-1].problem = "no error summary after submitting the empty form"
            print("    FAILED: no error summary after submitting the empty agreement form", flush=True)
        checker.check(page, "staff-legal-holds", "/staff/retention/holds/")
        checker.check(page, "staff-legal-hold-new", "/staff/retention/holds/new/")
        checker.check(page, "staff-subject-rights", "/staff/subject-rights/")
    finally:
        context.close()


def public_pages(checker: Checker, browser: Any, *, mobile: bool) -> None:
    suffix = "-mobile" if mobile else ""
    context = browser.new_context(bypass_csp=True, viewport=MOBILE if mobile else DESKTOP, locale="en-GB",
                                  is_mobile=mobile, has_touch=mobile)
    try:
        page = context.new_page()
        for name, path in PUBLIC_PAGES:
            checker.check(page, f"{name}{suffix}", path)
        page.goto(checker.base_url + "/sign-in/")
        checker.check(
            page,
            f"sign-in-errors{suffix}",
            action=lambda: click_to(page, page.get_by_role("button", name="Continue")),
        )
        if page.locator(".govuk-error-summary").count() == 0:
            checker.results[-1].problem = "no error summary after submitting the empty form"
            print("    FAILED: no error summary after submitting the empty sign-in form", flush=True)
        checker.check(page, f"not-found{suffix}", "/no-such-page/", expect_status=404)
    finally:
        context.close()


def main() -> int:
    if not chromium_available():
        print(f"browser check: {MISSING_CHROMIUM}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(exist_ok=True)
    var_dir = Path(tempfile.mkdtemp(prefix="csphub-browser-check-"))
    env = {
        **{key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "SECRET_KEY"}},
        "CSPHUB_DEMO": "1",
        "CSPHUB_VAR_DIR": str(var_dir),
        "CSPHUB_MEDIA_ROOT": str(var_dir / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CSPHUB_DEBUG", None)
    server: subprocess.Popen | None = None
    log_path = var_dir / "server.log"
    try:
        run_step(["migrate", "--noinput", "-v", "0"], env)
        run_step(["createcachetable"], env)
        run_step(["seed-demo"], env)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        print(f"$ csphub runserver 127.0.0.1:{port} --noreload", flush=True)
        with log_path.open("w") as log:
            server = subprocess.Popen(  # noqa: S603 - fixed arguments
                [*csphub_command(), "runserver", f"127.0.0.1:{port}", "--noreload"],
                cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            )
        wait_until_up(base_url, server, log_path)

        checker = Checker(base_url)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                public_pages(checker, browser, mobile=False)
                staff_pages(checker, browser)
                public_pages(checker, browser, mobile=True)
            finally:
                browser.close()
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(var_dir, ignore_errors=True)

    failed = [result for result in checker.results if result.failed]
    total_violations = sum(len(result.violations) for result in checker.results)
    print(f"screenshots in {SCREENSHOTS.relative_to(REPO_ROOT)}/")
    if failed:
        print(f"pages that failed: {', '.join(result.name for result in failed)}")
    print(
        f"browser check: {len(checker.results)} pages, {total_violations} violations"
        + (f", {len(failed)} failed" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
