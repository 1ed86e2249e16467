"""Demo data for antisocial behaviour: incidents with repeat victims (one typed with a typo, so a match waits to be
confirmed), a PSPO, and ASB Case Review applications at each stage.

Call from core/demo.py's ``seed`` after ``build_standalone_incidents`` and before ``apply_backdating``::

    from asb.demo import seed as seed_asb
    seed_asb(rng, builder.actors, builder.agencies, builder.now)

``actors`` and ``agencies`` are keyed "police" and "council" (others are ignored).
"""

import random
from datetime import date, datetime, timedelta
from typing import Any

from access.policy import Actor
from asb.actions import case_review as review
from asb.actions.cases import do_record_pspo
from asb.actions.incidents import do_record_asb_incident

VICTIMS = [
    {"given_name": "Margaret", "family_name": "O'Brien", "date_of_birth": date(1948, 3, 12)},
    {"given_name": "Daniel", "family_name": "Armstrong", "date_of_birth": date(1979, 11, 2)},
    {"given_name": "Priya", "family_name": "Sharma", "date_of_birth": date(1990, 6, 21)},
]
ADDRESSES = [("12 High Street, Workington", "CA14 2AA"), ("4 Lowther Street, Whitehaven", "CA28 7AL"),
             ("Flat 3, 9 Castle Street, Carlisle", "CA3 8SY")]
TYPES = [("asb_personal", "intimidation", "Shouting abuse at the victim in the street"),
         ("asb_nuisance", "noise", "Loud music and banging late at night"),
         ("asb_nuisance", "rowdy", "Group gathering and throwing stones at windows"),
         ("asb_environmental", "litter", "Rubbish dumped in the shared garden")]


def _incidents(rng: random.Random, actors: dict[str, Actor], agencies: dict[str, Any], now: datetime) -> None:
    for index, victim in enumerate(VICTIMS):
        address, postcode = ADDRESSES[index]
        for n in range(3 + index):
            source = rng.choice(("police", "council"))
            category, asb_type, text = rng.choice(TYPES)
            typed = dict(victim)
            if index == 0 and n == 2:
                typed["family_name"] = "OBrian"  # a typo by the second agency: the matcher suggests, an officer decides
            when = now - timedelta(days=rng.randint(5, 300))
            do_record_asb_incident(
                acting=actors[source], source_agency=agencies[source], occurred_at=when, created_at=when,
                category=category, asb_type=asb_type, description=text, victim_fields=typed, victim_address=address,
                victim_postcode=postcode, location_text=address.split(",")[-1].strip())


def _applications(actors: dict[str, Actor], agencies: dict[str, Any], now: datetime) -> None:
    today = now.date()
    stages = ["received", "threshold_met", "threshold_not_met", "outcome_sent"]
    for number, stage in enumerate(stages):
        complaints = [{"behaviour_on": today - timedelta(days=70 - 20 * k), "complained_on": today - timedelta(
            days=69 - 20 * k), "agency_name": "Police" if k % 2 else "Council", "agency_reference": f"D{number}{k}"}
            for k in range(1 if stage == "threshold_not_met" else 3)]
        application, _secret = review.do_submit_application(acting=actors["council"], fields={
            "applicant_name": f"Demo Applicant {number + 1}", "applicant_email": f"applicant{number + 1}@example.org",
            # Where csphub already holds incidents, they count towards the threshold; the refusal is elsewhere.
            "address": "20 Quiet Lane, Cockermouth" if stage == "threshold_not_met" else ADDRESSES[number % 3][0],
            "postcode": "CA13 9AA" if stage == "threshold_not_met" else ADDRESSES[number % 3][1],
            "behaviour": "Noise and intimidation most nights for several months", "impact": "Cannot sleep; afraid",
            "received_on": today - timedelta(days=12 * number + 2)}, complaints=complaints)
        if stage == "received":
            continue
        review.do_decide_threshold(application=application, acting=actors["council"])
        if stage == "outcome_sent":
            review.do_schedule_review(application=application, held_at=now - timedelta(days=3),
                                      lead_agency=agencies["council"], acting=actors["council"])
            review.do_add_recommendation(application=application, acting=actors["council"],
                                         text="Noise monitoring for four weeks", owner_agency=agencies["council"],
                                         due_on=today + timedelta(days=28))
            review.do_record_review_held(application=application, held_on=today - timedelta(days=3),
                                         acting=actors["council"])
            review.do_send_outcome(application=application, letter=application.outcome_letter,
                                   acting=actors["council"])


def seed(rng: random.Random, actors: dict[str, Actor], agencies: dict[str, Any], now: datetime) -> None:
    _incidents(rng, actors, agencies, now)
    do_record_pspo(acting=actors["council"], area="Town centre, Workington", council=agencies["council"],
                   made_on=now.date() - timedelta(days=200), expires_on=now.date() + timedelta(days=895),
                   prohibitions="No drinking alcohol in the street when asked to stop. Dogs on leads.")
    _applications(actors, agencies, now)
