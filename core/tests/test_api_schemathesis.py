"""Property-based check of the partner API: whatever a partner sends, the answer is never a server error.

Schemathesis reads /api/v1/openapi.json from the WSGI application in this process, so requests use the
test database and the data the fixture creates. It covers every operation in the schema (the core cases and
incidents and /api/v1/asb/), with valid and invalid data, with a valid key, with no key and with a bad key;
``test_the_schema_holds_every_api_url`` fails if an API URL is left out of the schema. On top of what
schemathesis generates, every string a partner can send (path, query and body) is replaced in turn by a
fixed list of hostile strings, and what is stored must be the text sent.
"""

import json
import urllib.parse
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from core.models import (
    Case,
    CaseParticipant,
    CaseTeamMember,
    Incident,
    IncidentCategory,
    ParticipantRole,
    Person,
)
from csphub.wsgi import application
from partnership.models import Agency, AgencyKind, ApiKey

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# Valid data and data that breaks the schema (wrong types, out-of-range values, missing fields) alike.
schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], allow_x00=True)


@pytest.fixture
def api_key() -> str:
    """A police key, on the team of one case with a person on it and an incident linked to it."""
    police = Agency.objects.create(name="Police", kind=AgencyKind.POLICE)
    case = Case.objects.create(reference="ASB-2026-00001", kind="asb", title="Noise", lead_agency=police)
    CaseTeamMember.objects.create(case=case, agency=police, sensitive_access=True)
    person = Person.objects.create(given_name="Sam", family_name="Example", postcode="CA1 1AA")
    CaseParticipant.objects.create(case=case, person=person, role=ParticipantRole.VICTIM)
    incident = Incident.objects.create(
        occurred_at="2026-01-05T10:00:00Z",
        category=IncidentCategory.ASB_NUISANCE,
        description="Noise",
        source_agency=police,
    )
    incident.cases.add(case)
    return ApiKey.issue(agency=police, name="Police records system", created_by=None)[1]


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():  # noqa: ANN201
    """Calling the WSGI application directly fires request_started/finished, whose handler closes a
    connection that is inside a transaction (the test's) — on PostgreSQL that ends the test. Django's
    test client detaches the handler in the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    # The key fixture is function-scoped on purpose: each example runs in the test's transaction.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case, api_key: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {api_key}"}, checks=[not_a_server_error])


BAD_KEYS = {
    "no key": None,
    "not a bearer token": "Basic dXNlcjpwYXNz",
    "unknown key": "Bearer csp_0123456789ab_" + "A" * 40,
    "revoked-looking key": "Bearer csp_ffffffffffff_nothing-here",
    "key with a NUL": "Bearer csp_01_ab\x00cd",
    "over-long key": "Bearer csp_01_" + "A" * 100_000,
    "SQL in the key": "Bearer csp_01_x' OR '1'='1",
}


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(BAD_KEYS))
@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_without_a_valid_key_is_refused_before_anything_else(
    case: schemathesis.Case, key: str, api_key: str
) -> None:
    """Every operation, whatever the data: 401 without a valid key (never a 422 that shows the data was read)."""
    header = BAD_KEYS[key]
    headers = {"Authorization": header} if header else {}
    response = case.call(headers=headers)
    # Negative data includes methods the operation does not have: those are 405 before any key is read.
    expected = 401 if case.method.upper() == case.operation.method.upper() else 405
    assert response.status_code == expected, f"{key}: {case.method} {case.path} -> {response.status_code}"


# --- Fixed hostile strings in every string a partner sends -----------------------------------------------

HOSTILE = [
    '<script>alert("csphub")</script>',
    "'; DROP TABLE core_case; --",
    "1' OR '1'='1",
    "a\x00b",
    "\x01\x07\x1b\x7f control",
    "\u202egnp.exe",
    "👩‍👩‍👧‍👦",
    "e" + "\u0301" * 40,
    "\ud800 lone surrogate",
    "x" * 100_000,
    "{{ settings.SECRET_KEY }}",
    "../../../../etc/passwd",
]
NEW_INCIDENT = {
    "category": "asb_nuisance",
    "description": "Noise at night",
    "location_text": "Block C, Example Road",
    "external_reference": "POLICE-77",
    "case_references": [],
}
NEW_ASB_INCIDENT = {
    **NEW_INCIDENT,
    "category": "asb_personal",
    "asb_type": "intimidation",
    "victim": {"given_name": "Margaret", "family_name": "O'Brien", "date_of_birth": "1948-03-12"},
    "victim_address": "12 High Street",
    "victim_postcode": "CA1 1AA",
    "perpetrator_description": "Two teenagers",
}
# Every string in a new incident, as a path into the JSON body.
BODY_STRINGS = {
    "/api/v1/incidents": (
        NEW_INCIDENT,
        [("description",), ("location_text",), ("external_reference",), ("case_references", 0), ("category",)],
    ),
    "/api/v1/asb/incidents": (
        NEW_ASB_INCIDENT,
        [
            ("description",),
            ("location_text",),
            ("external_reference",),
            ("victim", "given_name"),
            ("victim", "family_name"),
            ("victim", "date_of_birth"),
            ("victim_address",),
            ("victim_postcode",),
            ("perpetrator_description",),
            ("asb_type",),
            ("case_references", 0),
        ],
    ),
}


# How a stored string may differ from the one sent: stripped of surrounding whitespace; postcodes upper-cased.
NORMALISED = {("victim_postcode",): lambda value: value.strip().upper()}


def _with(body: dict, where: tuple, value: str) -> dict:
    copy = json.loads(json.dumps(body))
    target = copy
    for step in where[:-1]:
        target = target[step]
    if isinstance(target, dict) or (isinstance(target, list) and len(target) > where[-1]):
        target[where[-1]] = value
    else:
        target.append(value)
    return copy


def _json(value: Any) -> bytes:
    # ensure_ascii keeps a lone surrogate sendable (as \ud800), as a partner's JSON library would send it.
    return json.dumps(value).encode()


def _stored(body: dict, where: tuple, answer: dict) -> list[str]:
    from core.models import Incident

    incident = Incident.objects.select_related("asb").get(public_id=answer["id"])
    values = [incident.description, incident.location_text, incident.external_reference]
    asb = getattr(incident, "asb", None)
    if asb is not None:
        values += [asb.perpetrator_description, asb.victim_address, asb.victim_postcode]
        if asb.victim is not None:
            values += [asb.victim.given_name, asb.victim.family_name]
    return values


def api_operations() -> set[tuple[str, str]]:
    raw = schema.raw_schema["paths"]
    return {(method.upper(), path) for path, operations in raw.items() for method in operations}


def test_the_schema_holds_every_api_url() -> None:
    """Schemathesis tests what the schema lists: every API URL in the URLconf must be in it."""
    in_urlconf: set[str] = set()

    def walk(patterns: list, prefix: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern) and (prefix + str(pattern.pattern)).startswith("api/v1/"):
                in_urlconf.add("/" + (prefix + str(pattern.pattern)).replace("<", "{").replace(">", "}"))

    walk(get_resolver().url_patterns)
    in_schema = {path for _method, path in api_operations()}
    not_operations = {"/api/v1/openapi.json", "/api/v1/"}
    assert in_urlconf - not_operations == in_schema, in_urlconf ^ in_schema


@pytest.mark.django_db
def test_every_string_a_partner_sends_takes_hostile_text(api_key: str) -> None:
    """Each operation, each string in its path, query and body, each hostile string: never a 5xx, and a
    201 stores the text as sent (stripped of surrounding whitespace)."""
    client = Client(headers={"Authorization": f"Bearer {api_key}"})
    when = (timezone.now() - timedelta(days=1)).isoformat()
    tried: set[tuple[str, str]] = set()
    for method, path in sorted(api_operations()):
        for value in HOSTILE:
            where = f"{method} {path} {value[:30]!r}"
            if "{" in path:
                raw = value.encode("utf-8", "surrogatepass")
                url = path.split("{")[0] + urllib.parse.quote_from_bytes(raw, safe="")
                response = client.generic(method, url)
                assert response.status_code in (404, 422), f"{where}: {response.status_code}"
            elif method == "GET":
                query = {name: value for name in ("kind", "status", "asb_type", "category", "page")}
                query_string = urllib.parse.urlencode({k: v.encode("utf-8", "surrogatepass") for k, v in query.items()})
                response = client.get(f"{path}?{query_string}")
                assert response.status_code == 422, f"{where}: {response.status_code}"
            else:
                body, strings = BODY_STRINGS[path]
                for string in strings:
                    sent = _with({**body, "occurred_at": when}, string, value)
                    response = client.post(path, _json(sent), content_type="application/json")
                    where = f"{method} {path} {string} {value[:30]!r}"
                    assert response.status_code < 500, f"{where}: {response.status_code}"
                    if response.status_code == 201:
                        stored = _stored(body, string, response.json())
                        expected = NORMALISED.get(string, str.strip)(value)
                        assert expected in stored or string[-1] == 0, f"{where}: not stored as sent"
                        assert response.json()["description"] == sent["description"].strip(), where
                    else:
                        assert response.status_code in (404, 422), f"{where}: {response.status_code}"
            tried.add((method, path))
    assert tried == api_operations()
