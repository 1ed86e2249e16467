"""The demo seed for asb runs on the test personas' agencies."""

import random

from django.utils import timezone

from access.policy import actor_for_user
from asb.demo import seed
from asb.models import CaseReviewApplication, PersonMatch, Pspo, RepeatVictimFlag
from conftest import World


def test_demo_seed_makes_repeat_victims_a_match_and_applications(world: World) -> None:
    actors = {"police": actor_for_user(world.practitioner_b), "council": actor_for_user(world.coordinator)}
    agencies = {"police": world.police, "council": world.council}
    seed(random.Random(1), actors, agencies, timezone.now())
    assert RepeatVictimFlag.objects.exists()
    assert PersonMatch.objects.exists()
    assert Pspo.objects.count() == 1
    assert set(CaseReviewApplication.objects.values_list("status", flat=True)) == {
        "received", "threshold_met", "threshold_not_met", "outcome_sent"}
