"""Demo data for subject rights: a few requests in the register, one of them overdue.

Call from core/demo.py once people and staff exist: ``rights.demo.seed(rng, coordinator_user, today)``."""

import random
from datetime import date, timedelta

from access.policy import actor_for_user
from core.models import ParticipantRole, Person
from partnership.models import User
from rights import actions


def seed(rng: random.Random, coordinator: User, today: date) -> None:
    acting = actor_for_user(coordinator)
    victims = list(Person.objects.filter(participations__role=ParticipantRole.VICTIM).distinct().order_by("pk")[:40])
    if len(victims) < 4:
        return
    first, second, third, fourth = rng.sample(victims, 4)
    actions.do_record_subject_access_request(person=first, received_on=today - timedelta(days=12), acting=acting)
    actions.do_record_subject_access_request(person=second, received_on=today - timedelta(days=40), acting=acting)
    actions.do_record_rectification_request(
        person=third,
        received_on=today - timedelta(days=5),
        field="postcode",
        what_is_wrong="The postcode is for a previous address.",
        corrected_value=third.postcode or "CA14 1AA",
        acting=acting,
    )
    erasure = actions.do_record_erasure_request(
        person=fourth,
        received_on=today - timedelta(days=20),
        grounds="The person no longer wants the partnership to hold their details.",
        acting=acting,
    )
    actions.do_assess_erasure_request(
        erasure=erasure,
        granted=False,
        refusal_ground="statutory_function",
        decided_on=today - timedelta(days=3),
        reason="The case records are needed for the partnership's statutory crime and disorder functions and are "
        "kept for the period in the retention schedule.",
        acting=acting,
    )
