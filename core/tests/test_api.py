"""The partner API at /api/v1/: keys, need-to-know scoping, sensitive fields, incidents, audit, OpenAPI."""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from access.policy import SENSITIVE_PERSON_FIELDS
from audit.models import AuditAction, AuditEvent
from core.models import (
    Case,
    CaseParticipant,
    CaseStatus,
    CaseTeamMember,
    Incident,
    IncidentCategory,
    ParticipantRole,
    Person,
)
from partnership.models import Agency, AgencyKind, ApiKey

pytestmark = pytest.mark.django_db

SENSITIVE = SENSITIVE_PERSON_FIELDS


@dataclass
class Partnership:
    police: Agency  # agency A: leads the cases
    council: Agency  # agency B: on no team
    housing: Agency  # agency C: on the ASB case's team, without sensitive access
    asb_case: Case
    closed_case: Case
    marac_case: Case
    restricted_case: Case
    victim: Person
    key_police: str
    key_council: str
    key_housing: str
    key_revoked: str


def _case(reference: str, kind: str, lead: Agency, **extra: Any) -> Case:
    case = Case.objects.create(
        reference=reference, kind=kind, title=f"{kind} case", lead_agency=lead, **extra
    )
    CaseTeamMember.objects.create(case=case, agency=lead, sensitive_access=True)
    return case


def _key(agency: Agency) -> str:
    return ApiKey.issue(agency=agency, name=f"{agency.name} system", created_by=None)[1]


@pytest.fixture
def world() -> Partnership:
    police = Agency.objects.create(name="Police", kind=AgencyKind.POLICE)
    council = Agency.objects.create(name="Council", kind=AgencyKind.COUNCIL)
    housing = Agency.objects.create(name="Housing", kind=AgencyKind.OTHER)
    asb_case = _case("ASB-2026-00001", "asb", police)
    CaseTeamMember.objects.create(case=asb_case, agency=housing, sensitive_access=False)
    victim = Person.objects.create(
        given_name="Alex",
        family_name="Example",
        date_of_birth=date(1990, 1, 2),
        address="1 High Street",
        postcode="CA1 1AA",
        phone="01234 567890",
        email="alex@example.org",
        safe_contact="Text only, after 6pm",
        vulnerabilities="Hearing impairment",
    )
    CaseParticipant.objects.create(case=asb_case, person=victim, role=ParticipantRole.VICTIM)
    revoked_key, revoked = ApiKey.issue(agency=police, name="Old system", created_by=None)
    revoked_key.revoked_at = timezone.now()
    revoked_key.save()
    return Partnership(
        police=police,
        council=council,
        housing=housing,
        asb_case=asb_case,
        closed_case=_case("ASB-2026-00002", "asb", police, status=CaseStatus.CLOSED),
        marac_case=_case("MARAC-2026-00001", "marac", police),
        restricted_case=_case("ASB-2026-00003", "asb", police, restricted=True),
        victim=victim,
        key_police=_key(police),
        key_council=_key(council),
        key_housing=_key(housing),
        key_revoked=revoked,
    )


def get(client: Client, url: str, key: str | None) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get(url, headers=headers)


def post(client: Client, url: str, key: str | None, body: dict) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.post(url, data=json.dumps(body), content_type="application/json", headers=headers)


def incident_body(**changes: Any) -> dict:
    body = {
        "occurred_at": (timezone.now() - timedelta(days=1)).isoformat(),
        "category": IncidentCategory.ASB_NUISANCE.value,
        "description": "Loud music and shouting in the stairwell",
        "location_text": "Stairwell, Block C",
        "latitude": 54.8925,
        "longitude": -2.9329,
        "external_reference": "POL-123",
        "case_references": [],
    }
    body.update(changes)
    return body


def references(response: Any) -> set[str]:
    return {item["reference"] for item in response.json()["items"]}


# --- Keys ---------------------------------------------------------------------------------------------

ENDPOINTS = [
    "/api/v1/cases",
    "/api/v1/cases/ASB-2026-00001",
    "/api/v1/incidents",
    "/api/v1/incidents/00000000-0000-0000-0000-000000000000",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_call_without_key_is_refused_not_redirected_to_sign_in(client: Client, world: Partnership, url: str):
    response = get(client, url, None)
    assert response.status_code == 401
    assert response.json() == {"detail": "Unauthorized"}


@pytest.mark.parametrize("url", ENDPOINTS)
def test_revoked_key_is_refused(client: Client, world: Partnership, url: str):
    assert get(client, url, world.key_revoked).status_code == 401


@pytest.mark.parametrize(
    "authorization",
    ["Bearer csp_nothere_secret", "Bearer not-a-key", "Bearer csp_\x00_x", "Basic dXNlcjpwYXNz", "Bearer "],
)
def test_malformed_or_unknown_key_is_refused(client: Client, world: Partnership, authorization: str):
    response = client.get("/api/v1/cases", headers={"Authorization": authorization})
    assert response.status_code == 401


def test_key_with_wrong_secret_is_refused(client: Client, world: Partnership):
    prefix = world.key_police.split("_")[1]
    assert get(client, "/api/v1/cases", f"csp_{prefix}_wrongsecret").status_code == 401


def test_key_of_deactivated_agency_is_refused(client: Client, world: Partnership):
    Agency.objects.filter(pk=world.police.pk).update(active=False)
    assert get(client, "/api/v1/cases", world.key_police).status_code == 401


def test_valid_key_records_when_it_was_last_used(client: Client, world: Partnership):
    assert get(client, "/api/v1/cases", world.key_police).status_code == 200
    key = ApiKey.objects.get(prefix=world.key_police.split("_")[1])
    assert key.last_used_at is not None


# --- Cases --------------------------------------------------------------------------------------------


def test_lead_agency_lists_its_cases_without_personal_data(client: Client, world: Partnership):
    response = get(client, "/api/v1/cases", world.key_police)
    assert response.status_code == 200
    assert references(response) == {"ASB-2026-00001", "ASB-2026-00002"}
    item = next(i for i in response.json()["items"] if i["reference"] == "ASB-2026-00001")
    assert item == {
        "reference": "ASB-2026-00001",
        "kind": "asb",
        "title": "asb case",
        "status": "open",
        "risk_level": "not_assessed",
        "lead_agency": "Police",
        "opened_on": world.asb_case.opened_on.isoformat(),
        "closed_on": None,
        "restricted": False,
    }
    assert "Alex" not in response.content.decode()


def test_agency_not_on_team_sees_no_case(client: Client, world: Partnership):
    response = get(client, "/api/v1/cases", world.key_council)
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 0}


def test_unseen_case_and_missing_case_give_the_same_404(client: Client, world: Partnership):
    unseen = get(client, "/api/v1/cases/ASB-2026-00001", world.key_council)
    missing = get(client, "/api/v1/cases/ASB-2026-99999", world.key_council)
    assert unseen.status_code == missing.status_code == 404
    assert unseen.content == missing.content


@pytest.mark.parametrize("reference", ["MARAC-2026-00001", "ASB-2026-00003"])
def test_restricted_cases_are_never_given_to_a_key(client: Client, world: Partnership, reference: str):
    assert reference not in references(get(client, "/api/v1/cases", world.key_police))
    assert reference not in references(get(client, "/api/v1/cases?kind=marac", world.key_police))
    assert get(client, f"/api/v1/cases/{reference}", world.key_police).status_code == 404


def test_list_filters_by_status_and_kind(client: Client, world: Partnership):
    assert references(get(client, "/api/v1/cases?status=closed", world.key_police)) == {"ASB-2026-00002"}
    assert references(get(client, "/api/v1/cases?status=open&kind=asb", world.key_police)) == {
        "ASB-2026-00001"
    }
    assert references(get(client, "/api/v1/cases?kind=hate", world.key_police)) == set()


@pytest.mark.parametrize(
    "query", ["status=shut", "kind=ASB!", "page=0", "page=x", "page=99999999999999999999"]
)
def test_bad_list_query_is_422(client: Client, world: Partnership, query: str):
    assert get(client, f"/api/v1/cases?{query}", world.key_police).status_code == 422


def test_list_pages_fifty_cases_at_a_time_with_constant_queries(
    client: Client, world: Partnership, django_assert_max_num_queries: Any
):
    for number in range(10, 70):
        _case(f"ASB-2026-{number:05d}", "asb", world.police)
    with django_assert_max_num_queries(12):
        first = get(client, "/api/v1/cases", world.key_police)
    second = get(client, "/api/v1/cases?page=2", world.key_police)
    assert first.json()["count"] == 62
    assert len(first.json()["items"]) == 50
    assert len(second.json()["items"]) == 12
    assert references(first).isdisjoint(references(second))
    assert get(client, "/api/v1/cases?page=3", world.key_police).json()["items"] == []


def test_case_detail_shows_sensitive_fields_to_the_lead_agency(client: Client, world: Partnership):
    response = get(client, "/api/v1/cases/ASB-2026-00001", world.key_police)
    assert response.status_code == 200
    body = response.json()
    assert body["reference"] == "ASB-2026-00001"
    assert body["lead_agency"] == "Police"
    [victim] = body["participants"]
    assert victim["role"] == "victim"
    assert victim["person_id"] == str(world.victim.public_id)
    assert (victim["given_name"], victim["family_name"]) == ("Alex", "Example")
    assert victim["date_of_birth"] == "1990-01-02"
    assert victim["address"] == "1 High Street"
    assert victim["safe_contact"] == "Text only, after 6pm"
    assert victim["vulnerabilities"] == "Hearing impairment"


def test_case_detail_hides_sensitive_fields_from_team_agency_without_sensitive_access(
    client: Client, world: Partnership
):
    response = get(client, "/api/v1/cases/ASB-2026-00001", world.key_housing)
    assert response.status_code == 200
    [victim] = response.json()["participants"]
    assert victim["given_name"] == "Alex"
    assert all(victim[name] is None for name in SENSITIVE)
    text = response.content.decode()
    for secret in ("1 High Street", "CA1 1AA", "alex@example.org", "1990-01-02", "Hearing impairment"):
        assert secret not in text


def test_case_reads_are_audited(client: Client, world: Partnership):
    get(client, "/api/v1/cases?page=1", world.key_police)
    get(client, "/api/v1/cases/ASB-2026-00001", world.key_police)
    listed, viewed = AuditEvent.objects.filter(action=AuditAction.VIEW).order_by("sequence")
    prefix = world.key_police.split("_")[1]
    assert (listed.object_type, listed.object_id, listed.reason) == ("core.case", "", "api list, page 1")
    assert (viewed.object_type, viewed.object_id) == ("core.case", str(world.asb_case.pk))
    assert viewed.actor_label == listed.actor_label == f"API key {prefix}"
    assert viewed.agency_label == "Police"


def test_refused_case_read_is_not_audited_as_a_view(client: Client, world: Partnership):
    get(client, "/api/v1/cases/ASB-2026-00001", world.key_council)
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(world.asb_case.pk)).exists()


# --- Incidents: recording ------------------------------------------------------------------------------


def test_recording_an_incident_links_the_case_and_is_audited(client: Client, world: Partnership):
    response = post(
        client, "/api/v1/incidents", world.key_police, incident_body(case_references=["ASB-2026-00001"])
    )
    assert response.status_code == 201, response.content
    incident = Incident.objects.get()
    assert list(incident.cases.all()) == [world.asb_case]
    assert incident.source_agency == world.police
    assert str(incident.latitude) == "54.892500"
    body = response.json()
    assert body["id"] == str(incident.public_id)
    assert body["source_agency"] == "Police"
    assert body["case_references"] == ["ASB-2026-00001"]
    assert body["category"] == "asb_nuisance"
    assert (body["latitude"], body["longitude"]) == (54.8925, -2.9329)
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, object_type="core.incident", object_id=str(incident.pk)
    ).exists()


def test_recording_an_incident_needs_no_csrf_cookie(world: Partnership):
    client = Client(enforce_csrf_checks=True)
    response = post(client, "/api/v1/incidents", world.key_council, incident_body())
    assert response.status_code == 201
    assert Incident.objects.get().source_agency == world.council


def test_recording_an_incident_needs_a_key(client: Client, world: Partnership):
    assert post(client, "/api/v1/incidents", None, incident_body()).status_code == 401
    assert post(client, "/api/v1/incidents", world.key_revoked, incident_body()).status_code == 401
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"description": None},
        {"description": "   "},
        {"category": "burglary"},
        {"latitude": 200},
        {"longitude": -181},
        {"occurred_at": "2026-01-01T10:00:00"},  # no time zone
        {"occurred_at": "not a date"},
        {"occurred_at": (timezone.now() + timedelta(days=2)).isoformat()},
        {"location_text": "x" * 201},
        {"external_reference": "bad\x00reference"},
        {"case_references": "ASB-2026-00001"},
    ],
)
def test_bad_incident_is_422_and_saves_nothing(client: Client, world: Partnership, changes: dict):
    body = incident_body(**changes)
    if changes.get("description", "") is None:
        del body["description"]
    response = post(client, "/api/v1/incidents", world.key_police, body)
    assert response.status_code == 422
    assert "detail" in response.json()
    assert not Incident.objects.exists()
    assert not AuditEvent.objects.filter(object_type="core.incident").exists()


def test_unreadable_json_is_refused_and_saves_nothing(client: Client, world: Partnership):
    response = client.post(
        "/api/v1/incidents",
        data="{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.key_police}"},
    )
    assert 400 <= response.status_code < 500
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    ("key_name", "reference"),
    [
        ("key_police", "ASB-2026-99999"),  # does not exist
        ("key_council", "ASB-2026-00001"),  # not on the team
        ("key_police", "MARAC-2026-00001"),  # restricted kind
        ("key_police", "ASB-2026-00003"),  # restricted case
        ("key_police", "ASB-2026-00002"),  # closed
    ],
)
def test_incident_for_a_case_the_key_may_not_add_to_is_404_and_saves_nothing(
    client: Client, world: Partnership, key_name: str, reference: str
):
    body = incident_body(case_references=["ASB-2026-00001", reference])
    response = post(client, "/api/v1/incidents", getattr(world, key_name), body)
    missing = post(client, "/api/v1/incidents", world.key_police, incident_body(case_references=["NOPE-1"]))
    assert response.status_code == 404
    assert response.content == missing.content
    assert not Incident.objects.exists()


# --- Incidents: reading -------------------------------------------------------------------------------


def _incident(agency: Agency, *cases: Case) -> Incident:
    incident = Incident.objects.create(
        occurred_at=timezone.now() - timedelta(days=3),
        category=IncidentCategory.HATE,
        description="Graffiti",
        source_agency=agency,
    )
    incident.cases.set(cases)
    return incident


def test_incidents_are_scoped_to_own_agency_and_visible_cases(client: Client, world: Partnership):
    own_council = _incident(world.council)
    on_asb_case = _incident(world.police, world.asb_case)
    elsewhere = _incident(world.police)

    def ids(key: str) -> set[str]:
        return {item["id"] for item in get(client, "/api/v1/incidents", key).json()["items"]}

    assert ids(world.key_council) == {str(own_council.public_id)}
    assert ids(world.key_housing) == {str(on_asb_case.public_id)}
    assert ids(world.key_police) == {str(on_asb_case.public_id), str(elsewhere.public_id)}


def test_incident_outside_scope_and_missing_incident_give_the_same_404(client: Client, world: Partnership):
    police_only = _incident(world.police)
    unseen = get(client, f"/api/v1/incidents/{police_only.public_id}", world.key_council)
    missing = get(client, "/api/v1/incidents/00000000-0000-0000-0000-000000000000", world.key_council)
    assert unseen.status_code == missing.status_code == 404
    assert unseen.content == missing.content
    assert get(client, f"/api/v1/incidents/{police_only.public_id}", world.key_police).status_code == 200


def test_incident_never_names_a_case_the_key_may_not_see(client: Client, world: Partnership):
    incident = _incident(world.police, world.asb_case, world.marac_case)
    body = get(client, f"/api/v1/incidents/{incident.public_id}", world.key_police).json()
    assert body["case_references"] == ["ASB-2026-00001"]
    assert "MARAC" not in get(client, "/api/v1/incidents", world.key_police).content.decode()


def test_malformed_incident_id_is_refused(client: Client, world: Partnership):
    assert get(client, "/api/v1/incidents/not-a-uuid", world.key_police).status_code in (404, 422)


def test_incident_reads_are_audited(client: Client, world: Partnership):
    incident = _incident(world.police)
    get(client, "/api/v1/incidents?page=1", world.key_police)
    get(client, f"/api/v1/incidents/{incident.public_id}", world.key_police)
    listed, viewed = AuditEvent.objects.filter(action=AuditAction.VIEW).order_by("sequence")
    assert (listed.object_type, listed.object_id, listed.reason) == ("core.incident", "", "api list, page 1")
    assert (viewed.object_type, viewed.object_id) == ("core.incident", str(incident.pk))


# --- The schema ---------------------------------------------------------------------------------------


def test_openapi_schema_lists_the_operations(client: Client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "csphub partner API"
    assert set(schema["paths"]) == {
        "/api/v1/cases",
        "/api/v1/cases/{reference}",
        "/api/v1/incidents",
        "/api/v1/incidents/{public_id}",
        "/api/v1/asb/incidents",
        "/api/v1/asb/incidents/{public_id}",
    }
    assert set(schema["paths"]["/api/v1/incidents"]) == {"get", "post"}
    participant = schema["components"]["schemas"]["ParticipantOut"]["properties"]
    assert set(SENSITIVE) <= set(participant)


def test_no_docs_page_loading_third_party_scripts(client: Client):
    assert client.get("/api/v1/docs").status_code == 404
