"""Security headers, a strict Content Security Policy, the production deploy checks and safe error pages."""

import os
import re
import secrets
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client, RequestFactory
from django.urls import reverse

from conftest import make_user, signed_in_client
from csphub.views_errors import server_error
from partnership.models import Agency, AgencyKind, Role, User

NONCE_SOURCE = re.compile(r"'nonce-([A-Za-z0-9+/_-]+=*)'")
STRICT_REFERRER_POLICIES = {"same-origin", "no-referrer", "strict-origin"}
PUBLIC_URL_NAMES = [
    "home",
    "accessibility",
    "privacy",
    "partnership:sign_in",
    "partnership:password_reset",
    "partnership:password_reset_sent",
    "partnership:password_reset_complete",
    "intake:status_lookup",
]


@pytest.fixture
def practitioner(db) -> User:  # noqa: ANN001
    agency = Agency.objects.create(name="Headers Council", kind=AgencyKind.COUNCIL)
    return make_user("header.checker@council.test", agency, Role.PRACTITIONER)


def csp_directives(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.fixture(params=["public", "staff"])
def page(request, db) -> tuple[str, object]:  # noqa: ANN001
    """A rendered public page and a rendered staff page."""
    if request.param == "public":
        return "public", Client().get("/")
    practitioner = request.getfixturevalue("practitioner")
    return "staff", signed_in_client(practitioner).get(reverse("core:dashboard"))


def test_pages_render(page: tuple[str, object]) -> None:
    _kind, response = page
    assert response.status_code == 200


def test_script_src_has_no_unsafe_inline_and_carries_a_nonce(page: tuple[str, object]) -> None:
    _kind, response = page
    directives = csp_directives(response["Content-Security-Policy"])

    script_src = directives["script-src"]
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert "*" not in script_src
    # A bare 'nonce' keyword is not a CSP source: the nonce must be a real per-response value.
    assert "'nonce'" not in script_src
    assert any(NONCE_SOURCE.fullmatch(source) for source in script_src), script_src


def test_policy_locks_down_the_other_directives(page: tuple[str, object]) -> None:
    _kind, response = page
    directives = csp_directives(response["Content-Security-Policy"])

    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_nonce_differs_between_responses(db) -> None:  # noqa: ANN001
    first = Client().get("/")["Content-Security-Policy"]
    second = Client().get("/")["Content-Security-Policy"]

    first_nonces = NONCE_SOURCE.findall(first)
    second_nonces = NONCE_SOURCE.findall(second)
    assert first_nonces and second_nonces
    assert first_nonces != second_nonces


def test_framing_sniffing_and_referrer_headers(page: tuple[str, object]) -> None:
    _kind, response = page

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    policies = {policy.strip() for policy in response["Referrer-Policy"].split(",")}
    assert policies <= STRICT_REFERRER_POLICIES, policies


def test_every_script_tag_is_external_or_carries_the_responses_nonce(page: tuple[str, object]) -> None:
    _kind, response = page
    html = response.content.decode()
    header_nonces = set(NONCE_SOURCE.findall(response["Content-Security-Policy"]))

    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags, "the base template loads its script"
    for tag in tags:
        nonce = re.search(r'\snonce="([^"]+)"', tag)
        if nonce:
            assert nonce.group(1) in header_nonces, tag
        else:
            assert re.search(r"\ssrc=", tag), f"inline script without a nonce: {tag}"


@pytest.mark.parametrize("url_name", PUBLIC_URL_NAMES)
def test_public_pages_have_no_inline_styles_or_event_handlers(db, url_name: str) -> None:  # noqa: ANN001
    response = Client().get(reverse(url_name))

    assert response.status_code == 200
    html = response.content.decode()
    assert ' style="' not in html
    assert "<style" not in html
    assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), "inline event handler attribute"


def test_django_deploy_checks_pass_with_production_settings(tmp_path: Path) -> None:
    """``check --deploy`` in a fresh process, where settings.TESTING is false (pytest is not imported)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("CSPHUB_", "PYTEST_"))}
    alphabet = string.ascii_letters + string.digits + string.punctuation.replace("$", "")
    env.update(
        DJANGO_SETTINGS_MODULE="csphub.settings",
        SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(50)),
        ALLOWED_HOSTS="csp.example.org",
        CSPHUB_VAR_DIR=str(tmp_path),
    )
    env.pop("DEBUG", None)

    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True, timeout=120, check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues (0 silenced)" in result.stdout


def _assert_govuk_404(response) -> None:  # noqa: ANN001
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "govuk-template" in html
    assert "Traceback" not in html
    assert "Request Method" not in html


def test_unknown_staff_url_shows_the_govuk_404_page(practitioner: User) -> None:
    _assert_govuk_404(signed_in_client(practitioner).get("/staff/no-such-page/"))


def test_unknown_case_reference_shows_the_govuk_404_page(practitioner: User) -> None:
    _assert_govuk_404(
        signed_in_client(practitioner).get(reverse("core:case_detail", kwargs={"reference": "NOPE-0000"}))
    )


def test_unknown_case_reference_sends_anonymous_visitors_to_sign_in_without_saying_anything(db) -> None:  # noqa: ANN001
    response = Client().get(reverse("core:case_detail", kwargs={"reference": "NOPE-0000"}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("partnership:sign_in"))


def test_server_error_page_renders_standalone_without_the_database() -> None:
    request = RequestFactory().get("/staff/anything/")

    response = server_error(request)

    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert "Call 999 in an emergency" in html
    assert "Traceback" not in html
    assert ' style="' not in html
    assert "<script" not in html
