"""A domestic abuse case with everything this module adds to it, built through the actions."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from access.models import LawfulBasis
from access.policy import actor_for_user
from conftest import World, make_user
from core.actions import do_add_participant, do_create_case
from core.models import AgendaItem, Case, Meeting, Person
from domestic_abuse import actions
from domestic_abuse import safeguarding_actions as safeguarding
from domestic_abuse.models import (
    DashAssessment,
    DashQuestion,
    EncompassNotification,
    MaracReferral,
    PerpetratorIntervention,
    School,
    SelfReferral,
    SupportService,
)
from partnership.models import Role

LONDON = ZoneInfo("Europe/London")


@dataclass
class DaWorld:
    world: World
    case: Case
    victim: Person
    child: Person
    perpetrator: Person
    assessment: DashAssessment
    referral: MaracReferral
    meeting: Meeting
    item: AgendaItem
    intervention: PerpetratorIntervention
    service: SupportService
    self_referral: SelfReferral
    notification: EncompassNotification
    marac_coordinator: object


def add_person(case: Case, user, given: str, role: str, **extra) -> Person:  # noqa: ANN001, ANN003
    return do_add_participant(case=case, person_fields={"given_name": given, "family_name": "Testperson", **extra},
                              role=role, basis=LawfulBasis.SAFEGUARDING, basis_explanation="",
                              acting=actor_for_user(user)).person


def yes_answers(count: int, version: int = 1) -> dict[int, tuple[str, str]]:
    numbers = DashQuestion.objects.filter(version=version).values_list("number", flat=True)
    return {n: ("yes" if n <= count else "no", "") for n in numbers}


@pytest.fixture
def da(world: World) -> DaWorld:
    officer = actor_for_user(world.practitioner_a)
    case = do_create_case(acting=officer, kind="domestic_abuse", title="DA case", lead_agency=world.council,
                          lead_officer=world.practitioner_a)
    victim = add_person(case, world.practitioner_a, "Vicky", "victim", safe_contact="Call after 10am only")
    child = add_person(case, world.practitioner_a, "Charlie", "child", date_of_birth=date(2016, 5, 1))
    perpetrator = add_person(case, world.practitioner_a, "Perry", "perpetrator")
    school = School.objects.create(name="Test Primary", key_adult_email="dsl@school.test")
    safeguarding.do_set_child_school(case=case, child=child, school=school, acting=officer)
    assessment = actions.do_complete_dash(case=case, victim=victim, answers=yes_answers(15), version=1,
                                          professional_judgement=False, judgement_reason="", acting=officer)
    referral = MaracReferral.objects.get(assessment=assessment)
    actions.do_submit_referral(referral=referral, idva_engaged=True, victim_aware=True, safe_contact="x",
                               basis=LawfulBasis.SAFEGUARDING, acting=officer)
    marac_coordinator = make_user("marac.coordinator@council.test", world.council, Role.COORDINATOR, panels="marac")
    meeting = actions.do_create_meeting(title="March MARAC", held_at=datetime(2026, 3, 12, 10, tzinfo=LONDON),
                                        location="", agencies=[world.police, world.charity],
                                        acting=actor_for_user(marac_coordinator))
    item = actions.do_list_referral(meeting=meeting, referral=referral, acting=actor_for_user(marac_coordinator))
    intervention = safeguarding.do_record_intervention(case=case, perpetrator=perpetrator, kind="dvds_ask",
                                                       started_on=date(2026, 3, 1), notes="", acting=officer)
    service = SupportService.objects.create(
        slug="idva-service", name="IDVA service", category="idva", description="Advice and support",
        eligibility="Anyone 16 or over", area="The whole county", phone="0800 000 000", referral_route="Call us",
        referral_email="referrals@idva.test", accepts_self_referral=True, agency=world.charity)
    self_referral = SelfReferral.objects.create(reference="DAS-2222-3333", service=service, name="Sam",
                                                contact_method="phone", contact_detail="07700 900123")
    safeguarding.do_record_police_attendance(case=case, occurred_at=datetime(2026, 3, 13, 21, tzinfo=LONDON),
                                             description="Call-out", location_text="", acting=officer)
    notification = EncompassNotification.objects.get(child=child)
    return DaWorld(world, case, victim, child, perpetrator, assessment, referral, meeting, item, intervention,
                   service, self_referral, notification, marac_coordinator)
