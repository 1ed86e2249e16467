"""Every tension URL, walked as every persona, answers as the access rules say (access.testing.assert_answer)."""

import pytest
from django.urls import reverse

from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client

CASEWORK = {"practitioner_a", "practitioner_b", "outsider", "idva", "coordinator"}
COORDINATOR = {"coordinator"}
AGGREGATES = {"coordinator", "analyst", "board"}
# The incident is led by the council (the coordinator's agency) and the police are on its call list.
INCIDENT_TEAM = {"practitioner_a", "practitioner_b", "coordinator"}

# name: (kwargs kind, who is allowed, who may see the object (None: not an object page))
EXPECTED = {
    "tension:home": ("", CASEWORK, None),
    "tension:figures": ("", AGGREGATES, None),
    "tension:report_list": ("", CASEWORK, None),
    "tension:report_create": ("", CASEWORK, None),
    "tension:report_detail": ("report", CASEWORK, CASEWORK),
    "tension:report_review": ("report", COORDINATOR, CASEWORK),
    "tension:area_create": ("", COORDINATOR, None),
    "tension:area_detail": ("area", CASEWORK, CASEWORK),
    "tension:area_set_level": ("area", COORDINATOR, CASEWORK),
    "tension:incident_list": ("", CASEWORK, None),
    "tension:incident_declare": ("", COORDINATOR, None),
    "tension:incident_detail": ("incident", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:add_timeline_entry": ("incident", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:add_partner": ("incident", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:add_action": ("incident", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:complete_action": ("action", {"practitioner_b", "coordinator"}, INCIDENT_TEAM),
    "tension:escalate": ("incident", COORDINATOR, INCIDENT_TEAM),
    "tension:stand_down": ("incident", COORDINATOR, INCIDENT_TEAM),
    "tension:sitrep_issue": ("incident", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:sitrep_detail": ("sitrep", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:sitrep_pdf": ("sitrep", INCIDENT_TEAM, INCIDENT_TEAM),
    "tension:rumour_list": ("", CASEWORK, None),
    "tension:spreading": ("", CASEWORK, None),
    "tension:rumour_create": ("", CASEWORK, None),
    "tension:rumour_detail": ("rumour", CASEWORK, CASEWORK),
    "tension:rumour_edit": ("rumour", CASEWORK, CASEWORK),
    "tension:rumour_status": ("rumour", CASEWORK, CASEWORK),
    "tension:rumour_approve": ("rumour", COORDINATOR, CASEWORK),
}
URL_NAMES_TESTED = set(EXPECTED)


def url_for(name: str, kind: str, tension) -> str:  # noqa: ANN001
    ref = tension.incident.reference
    kwargs = {
        "": {},
        "report": {"public_id": tension.report.public_id},
        "area": {"public_id": tension.town.public_id},
        "rumour": {"public_id": tension.rumour.public_id},
        "incident": {"reference": ref},
        "action": {"reference": ref, "action_id": tension.police_action.pk},
        "sitrep": {"reference": ref, "number": 1},
    }[kind]
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_tension_url_answers_as_the_rules_say(persona: str, world: World, tension) -> None:  # noqa: ANN001
    from access.policy import actor_for_user
    from tension.actions import do_issue_sitrep

    do_issue_sitrep(incident=tension.incident, acting=actor_for_user(world.coordinator))
    client = signed_in_client(world.users_by_persona()[persona])
    for name, (kind, allowed, visible) in EXPECTED.items():
        response = client.get(url_for(name, kind, tension))
        assert_answer(response, signed_in=persona != "anonymous", allowed=persona in allowed,
                      visible=visible is not None and persona in visible, on_object=visible is not None,
                      where=f"{name} as {persona}")


def test_a_missing_incident_looks_the_same_as_one_you_may_not_see(world: World, tension) -> None:  # noqa: ANN001
    outsider = signed_in_client(world.outsider)
    hidden = outsider.get(reverse("tension:incident_detail", args=[tension.incident.reference]))
    missing = outsider.get(reverse("tension:incident_detail", args=["CT-2099-99999"]))
    assert hidden.status_code == missing.status_code == 404
