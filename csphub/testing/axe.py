"""Run axe-core in a Playwright page, and start Debian's Chromium the same way everywhere.

Used by ``csphub/tests/test_browser_public.py`` and ``scripts/browser_check.py``. The page's context must be
created with ``bypass_csp=True``: the site's Content Security Policy forbids the inline script that injects
axe-core.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MISSING_CHROMIUM = f"needs Debian's chromium at {CHROMIUM_PATH}"


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Debian Chromium (never a downloaded browser)."""
    return playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """The axe-core violations on the page as it is now (WCAG 2.2 A and AA, and best practice)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_PATH.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


def describe(violations: list[dict[str, Any]]) -> str:
    """A readable summary: one paragraph per rule, with the offending elements."""
    if not violations:
        return "no accessibility violations"
    lines = []
    for violation in violations:
        impact = violation.get("impact") or "n/a"
        lines.append(f"[{impact}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation.get("nodes", [])[:10]:
            target = ", ".join(" ".join(part) if isinstance(part, list) else str(part) for part in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
        if len(violation.get("nodes", [])) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)
