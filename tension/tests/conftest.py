"""Tension fixtures on top of the shared personas (conftest.py at the root): two areas, a report, a claim and
a high-tension incident declared by the coordinator with the police on the call list."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from access.policy import actor_for_user
from conftest import World
from tension import actions
from tension.models import HighTensionIncident, ResponseAction, Rumour, TensionArea, TensionReport


@dataclass
class TensionWorld:
    town: TensionArea
    other: TensionArea
    report: TensionReport
    rumour: Rumour
    incident: HighTensionIncident
    police_action: ResponseAction


def report_fields(area: TensionArea, **overrides: object) -> dict:
    fields = {"area": area, "observed_on": timezone.localdate(), "indicators": ["online_agitation"],
              "summary": "Posts calling for a protest outside the hotel on Saturday",
              "sources": "Neighbourhood policing team", "grade": "evidenced", "confidence": "medium",
              "judged_level": "elevated"}
    fields.update(overrides)
    return fields


@pytest.fixture
def tension(world: World) -> TensionWorld:
    world.police.email = "duty@police.test"
    world.police.save()
    coordinator = actor_for_user(world.coordinator)
    town = actions.do_create_area(acting=coordinator, name="Workington", match_terms="Workington, Harrington",
                                  latitude="54.643000", longitude="-3.548000")
    other = actions.do_create_area(acting=coordinator, name="Keswick")
    report = actions.do_submit_tension_report(acting=actor_for_user(world.practitioner_b), **report_fields(town))
    rumour = actions.do_record_rumour(
        acting=coordinator, claim="Claim that the attacker was housed at the local hotel",
        first_seen_at=timezone.now() - timedelta(hours=5), first_seen_where="Local Facebook group",
        platforms=["facebook", "tiktok"], estimated_reach=12000, trend="rising", risk="high", reports=[report],
    )
    incident = actions.do_declare_incident(
        area=town, level="high", what_happened="Protest planned after national incident",
        community_impact="Residents of the hotel afraid to go out", reason="Reports and online calls to gather",
        partners=[world.police], review_hours=12, acting=coordinator,
    )
    police_action = actions.do_add_response_action(
        incident=incident, title="Patrol plan for the hotel", owner_agency=world.police, owner_name="",
        due_in_hours=4, acting=coordinator,
    )
    return TensionWorld(town, other, report, rumour, incident, police_action)
