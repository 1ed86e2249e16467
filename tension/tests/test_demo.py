"""The demo scenario builds the story the issue describes."""

import random

from access.testing import make_sharing_agreement
from conftest import World
from tension import demo
from tension.models import HighTensionIncident, Rumour, TensionArea


def test_demo_scenario(world: World) -> None:
    world.police.email = "duty@police.test"
    world.police.save()
    make_sharing_agreement(world.council, world.fire)  # the scenario brings fire onto the incident's team
    users = {"coordinator": world.coordinator, "police": world.practitioner_b, "council": world.practitioner_a,
             "fire": world.outsider}
    counts = demo.seed(random.Random(1), users)
    assert counts["areas"] == 5
    town = TensionArea.objects.get(name="Workington")
    assert [c.level for c in town.level_changes.order_by("set_at", "id")][-3:] == ["elevated", "high", "moderate"]
    incident = HighTensionIncident.objects.get()
    assert incident.status == "stood_down" and incident.level == "critical" and incident.sitreps.count() == 1
    rumour = Rumour.objects.get(claim__contains="hotel in Workington")
    assert rumour.status == "subsided" and list(rumour.incidents.all()) == [incident]
