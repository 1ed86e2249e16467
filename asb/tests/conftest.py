"""Objects the asb tests share: an ASB incident, a suggested match and a Case Review application."""

from datetime import timedelta

import pytest
from django.utils import timezone

from access.policy import actor_for_user
from asb.actions.case_review import do_request_information, do_submit_application
from asb.actions.cases import do_record_intervention, do_request_access
from asb.actions.incidents import do_record_asb_incident
from asb.models import PersonMatch
from conftest import World

VICTIM = {"given_name": "Margaret", "family_name": "O'Brien", "date_of_birth": "1948-03-12",
          "address": "12 High Street", "postcode": "CA1 1AA"}


def record_incident(world: World, user=None, days_ago: int = 10, victim: dict | None = None, **extra):  # noqa: ANN001, ANN201
    user = user or world.practitioner_a
    acting = actor_for_user(user)
    when = timezone.now() - timedelta(days=days_ago)
    fields = {"occurred_at": when, "created_at": when, "category": "asb_personal",
              "description": "Shouting and banging on the door", "source_agency_id": acting.audit_agency[0],
              "asb_type": "intimidation", "victim_fields": dict(victim or VICTIM), "victim_address": "12 High Street",
              "victim_postcode": "CA1 1AA"}
    fields.update(extra)
    return do_record_asb_incident(acting=acting, **fields)


@pytest.fixture
def asb_objects(world: World) -> dict:
    incident, _flags = record_incident(world)
    record_incident(world, days_ago=5, victim={**VICTIM, "family_name": "OBrian"})
    match = PersonMatch.objects.first()
    application, secret = do_submit_application(
        acting=None,
        fields={"applicant_name": "Pat Applicant", "applicant_email": "pat@example.test", "address": "12 High Street",
                "postcode": "CA1 1AA", "behaviour": "Noise every night", "impact": "Cannot sleep"},
        complaints=[{"behaviour_on": timezone.localdate() - timedelta(days=20),
                     "complained_on": timezone.localdate() - timedelta(days=19), "agency_name": "Council",
                     "agency_reference": "C1"}])
    access_request = do_request_access(case=world.case_a, reason="Same address",
                                       acting=actor_for_user(world.practitioner_b))
    intervention = do_record_intervention(case=world.case_a, acting=actor_for_user(world.practitioner_a),
                                          step="advice", on=timezone.localdate(), owner_agency=world.council)
    information = do_request_information(application=application, acting=actor_for_user(world.coordinator),
                                         agency=world.police, asked_for="Incident log for the address",
                                         due_on=timezone.localdate() + timedelta(days=10))
    return {"incident": incident, "match": match, "application": application, "secret": secret,
            "access_request": access_request, "intervention": intervention, "information": information}
