"""The partner API's ASB incidents at /api/v1/asb/: recording (with the repeat-victim rule), bad input (422,
nothing saved), cases the key may not add to (404, nothing saved), scoped reads (404 alike), audit."""

import json
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from asb.models import AsbIncident, RepeatVictimFlag
from audit.models import AuditAction, AuditEvent
from conftest import World
from core.models import Incident, IncidentCategory, Person
from intake.models import OutboundMessage
from partnership.models import ApiKey

pytestmark = pytest.mark.django_db
URL = "/api/v1/asb/incidents"


def key_for(agency) -> str:  # noqa: ANN001
    return ApiKey.issue(agency=agency, name=f"{agency.name} system", created_by=None)[1]


def post(key: str | None, body: dict) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client().post(URL, data=json.dumps(body), content_type="application/json", headers=headers)


def get(key: str | None, url: str = URL) -> Any:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return Client().get(url, headers=headers)


def body(**changes: Any) -> dict:
    data = {
        "occurred_at": (timezone.now() - timedelta(days=1)).isoformat(),
        "category": "asb_personal",
        "asb_type": "intimidation",
        "description": "Shouting and banging on the door at night",
        "location_text": "Block C, Example Road",
        "external_reference": "COUNCIL-77",
        "victim": {"given_name": "Margaret", "family_name": "O'Brien", "date_of_birth": "1948-03-12"},
        "victim_address": "12 High Street",
        "victim_postcode": "CA1 1AA",
        "perpetrator_description": "Two teenagers, one in a red coat",
    }
    data.update(changes)
    return data


def test_recording_an_incident_saves_the_asb_facts_and_audits(world: World) -> None:
    response = post(key_for(world.council), body())
    assert response.status_code == 201, response.content
    answer = response.json()
    incident = Incident.objects.get(public_id=answer["id"])
    asb = AsbIncident.objects.get(incident=incident)
    assert (asb.asb_type, asb.victim.family_name, asb.victim_postcode) == ("intimidation", "O'Brien", "CA1 1AA")
    assert incident.source_agency == world.council and incident.category == "asb_personal"
    assert answer["asb_type"] == "intimidation" and answer["named_victim"] and answer["address_affected"]
    assert answer["repeat_victim_flagged"] is False
    # The victim's name and address are never sent back.
    assert "Margaret" not in response.content.decode() and "High Street" not in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="core.incident").exists()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="core.person").exists()


def test_an_address_alone_is_enough(world: World) -> None:
    people = Person.objects.count()
    response = post(key_for(world.council), body(victim=None, category="asb_environmental", asb_type="litter"))
    assert response.status_code == 201
    assert response.json()["named_victim"] is False
    assert Person.objects.count() == people


def test_the_third_incident_at_an_address_flags_a_repeat_victim_and_tells_the_agency(world: World) -> None:
    world.council.email = "asb@council.example"
    world.council.save()
    key = key_for(world.council)
    for days in (90, 40):
        assert post(key, body(occurred_at=(timezone.now() - timedelta(days=days)).isoformat())).status_code == 201
    assert not RepeatVictimFlag.objects.exists()
    third = post(key, body(victim={"given_name": "margaret", "family_name": "OBrien"}))
    assert third.status_code == 201
    assert third.json()["repeat_victim_flagged"] is True
    flag = RepeatVictimFlag.objects.get(key__startswith="address:")
    assert flag.incidents.count() == 3
    email = OutboundMessage.objects.get(purpose="asb_repeat_victim")
    assert email.to == "asb@council.example" and "O'Brien" not in email.body and "High" not in email.body
    # The earlier incidents now read as flagged too.
    assert all(item["repeat_victim_flagged"] for item in get(key).json()["items"])


BAD_INPUT = [
    ("not an ASB category", {"category": IncidentCategory.HATE.value}),
    ("unknown type", {"asb_type": "shouting"}),
    ("no victim and no address", {"victim": None, "victim_address": ""}),
    ("address of spaces only", {"victim": None, "victim_address": "   "}),
    ("victim with no first name", {"victim": {"given_name": "", "family_name": "Smith"}}),
    ("born in the future", {"victim": {"given_name": "Sam", "date_of_birth": "2999-01-01"}}),
    ("born before 1900", {"victim": {"given_name": "Sam", "date_of_birth": "1850-01-01"}}),
    ("impossible date of birth", {"victim": {"given_name": "Sam", "date_of_birth": "2020-02-30"}}),
    ("happens in the future", {"occurred_at": (timezone.now() + timedelta(days=2)).isoformat()}),
    ("time with no time zone", {"occurred_at": "2026-01-05T10:00:00"}),
    ("empty description", {"description": "   "}),
    ("NUL in a name", {"victim": {"given_name": "Sa\u0000m"}}),
    ("postcode too long", {"victim_postcode": "CA1 1AA CA1 1AA"}),
    ("latitude off the earth", {"latitude": 123.0}),
    ("too many case references", {"case_references": [f"ASB-{n}" for n in range(21)]}),
]


@pytest.mark.parametrize(("why", "changes"), BAD_INPUT, ids=[why for why, _ in BAD_INPUT])
def test_bad_input_is_422_and_nothing_is_saved(world: World, why: str, changes: dict) -> None:
    people = Person.objects.count()
    response = post(key_for(world.council), body(**changes))
    assert response.status_code == 422, why
    assert "detail" in response.json()
    assert not Incident.objects.exists() and not AsbIncident.objects.exists() and Person.objects.count() == people


def test_a_case_the_key_may_add_to_is_linked(world: World) -> None:
    response = post(key_for(world.council), body(case_references=[world.case_a.reference]))
    assert response.status_code == 201
    assert response.json()["case_references"] == [world.case_a.reference]
    assert Incident.objects.get().cases.get() == world.case_a


@pytest.mark.parametrize("which", ["another agency's case", "restricted kind", "no such case"])
def test_a_case_out_of_scope_is_404_like_one_that_does_not_exist_and_nothing_is_saved(world: World,
                                                                                       which: str) -> None:
    reference = {"another agency's case": world.case_b.reference, "restricted kind": world.marac.reference,
                 "no such case": "ASB-2099-99999"}[which]
    people = Person.objects.count()
    response = post(key_for(world.fire), body(case_references=[reference]))
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}
    assert not Incident.objects.exists() and Person.objects.count() == people


def test_without_a_key_the_answer_is_401(world: World) -> None:
    assert post(None, body()).status_code == 401
    assert get(None).status_code == 401
    assert not Incident.objects.exists()


def test_the_list_holds_only_the_agencys_asb_incidents(world: World) -> None:
    council, police = key_for(world.council), key_for(world.police)
    ours = post(council, body()).json()["id"]
    theirs = post(police, body(asb_type="noise", victim=None)).json()["id"]
    # A non-ASB incident of the council's own is not in the ASB list.
    post_core = Client().post("/api/v1/incidents", data=json.dumps({
        "occurred_at": (timezone.now() - timedelta(days=1)).isoformat(), "category": "hate",
        "description": "Graffiti"}), content_type="application/json", headers={"Authorization": f"Bearer {council}"})
    assert post_core.status_code == 201
    listed = get(council)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [ours]
    assert listed.json()["count"] == 1
    assert [item["id"] for item in get(police).json()["items"]] == [theirs]
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="asb.asbincident").count() == 2


def test_the_list_can_be_filtered_by_type_and_category(world: World) -> None:
    key = key_for(world.council)
    post(key, body())
    noise = post(key, body(asb_type="noise", category="asb_nuisance")).json()["id"]
    assert [i["id"] for i in get(key, URL + "?asb_type=noise").json()["items"]] == [noise]
    assert [i["id"] for i in get(key, URL + "?category=asb_nuisance").json()["items"]] == [noise]
    assert get(key, URL + "?asb_type=nonsense").status_code == 422
    assert get(key, URL + "?page=0").status_code == 422


def test_one_incident_is_404_for_another_agency_as_for_one_that_does_not_exist(world: World) -> None:
    council, police = key_for(world.council), key_for(world.police)
    ours = post(council, body()).json()["id"]
    mine = get(council, f"{URL}/{ours}")
    assert mine.status_code == 200 and mine.json()["id"] == ours
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="core.incident").exists()
    hidden, missing = get(police, f"{URL}/{ours}"), get(police, f"{URL}/{uuid.uuid4()}")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json() == missing.json()


def test_an_incident_linked_to_a_case_the_key_sees_is_visible_to_the_team(world: World) -> None:
    from core.models import CaseTeamMember

    CaseTeamMember.objects.create(case=world.case_a, agency=world.fire)
    ours = post(key_for(world.council), body(case_references=[world.case_a.reference])).json()["id"]
    assert get(key_for(world.fire), f"{URL}/{ours}").status_code == 200


def test_the_operations_are_in_the_openapi_schema(world: World) -> None:
    schema = get(None, "/api/v1/openapi.json").json()
    assert {"post", "get"} <= set(schema["paths"]["/api/v1/asb/incidents"])
    assert "get" in schema["paths"]["/api/v1/asb/incidents/{public_id}"]
