"""A person with records in every app, as the demo data would give them, and the other people around them."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from access.models import LawfulBasis
from access.policy import actor_for_user
from asb.models import AsbIncident, CaseReviewApplication, RepeatVictimFlag, RiskAssessment
from conftest import World
from core.actions import do_add_action, do_add_note, do_add_participant, do_create_case, do_record_incident
from core.models import Attachment, Case, Person
from domestic_abuse.models import (
    ChildSchool,
    DashAnswer,
    DashAssessment,
    DashQuestion,
    EncompassNotification,
    MaracReferral,
    PerpetratorIntervention,
    School,
    SelfReferral,
    SupportService,
)
from hate_crime.models import HateReport
from reviews.actions.channel import do_receive_channel_referral
from reviews.models import VulnerabilityAssessment
from tension.models import TensionArea, TensionReport

LONDON = ZoneInfo("Europe/London")
EMAIL, PHONE = "dana.example@example.test", "07700 900456"


@dataclass
class Subject:
    person: Person
    perpetrator: Person
    child: Person
    da_case: Case
    young_person: Person


def _participant(case: Case, acting, given: str, family: str, role: str, **extra) -> Person:  # noqa: ANN001, ANN003
    fields = {"given_name": given, "family_name": family, **extra}
    return do_add_participant(
        case=case,
        person_fields=fields,
        role=role,
        basis=LawfulBasis.CONSENT,
        basis_explanation="Agreed at first contact",
        acting=acting,
    ).person


@pytest.fixture
def subject(world: World) -> Subject:  # noqa: PLR0914 - one person's records across every app
    acting = actor_for_user(world.idva)
    when = datetime(2025, 11, 3, 22, 15, tzinfo=LONDON)
    case = do_create_case(
        acting=acting,
        kind="domestic_abuse",
        title="Repeat call-outs to a flat",
        lead_agency=world.charity,
        lead_officer=world.idva,
    )
    dana = _participant(
        case,
        acting,
        "Dana",
        "Example",
        "victim",
        email=EMAIL,
        phone=PHONE,
        postcode="CA2 4AB",
        date_of_birth=date(1991, 1, 31),
        safe_contact="Text first, never call after 6pm",
    )
    lee = _participant(case, acting, "Lee", "Otherperson", "perpetrator", address="9 Other Road")
    sky = _participant(case, acting, "Sky", "Example", "child", date_of_birth=date(2016, 5, 1))
    incident = do_record_incident(
        acting=acting,
        cases=[case],
        people=[dana, lee],
        occurred_at=when,
        category="domestic_abuse",
        description="Police called after Lee broke a door.",
        source_agency=world.police,
    )
    do_add_note(case=case, text="Dana says Otherperson has been sending messages again.", acting=acting)
    do_add_note(case=case, text="Safety plan reviewed with Dana.", acting=acting)
    do_add_action(
        case=case, acting=acting, title="Fit a door chain", owner_agency=world.council, due_on=date(2025, 12, 1)
    )
    Attachment.objects.create(
        case=case,
        file="attachments/x/statement",
        original_name="statement.pdf",
        content_type="application/pdf",
        size=2048,
        description="Witness statement",
    )

    # ASB: the same person is also a repeat ASB victim, and applied for an ASB Case Review by email
    asb_case = world.case_a
    asb_event = do_record_incident(
        acting=actor_for_user(world.practitioner_a),
        cases=[asb_case],
        people=[dana],
        occurred_at=when - timedelta(days=30),
        category="asb_personal",
        description="Shouting in the stairwell",
        source_agency=world.council,
    )
    asb_incident = AsbIncident.objects.create(
        incident=asb_event,
        asb_type="intimidation",
        victim=dana,
        victim_address="Flat 2, 10 Example Street",
        victim_postcode="CA2 4AB",
    )
    asb_incident.perpetrators.add(lee)
    RiskAssessment.objects.create(
        case=asb_case, person=dana, score=14, level="high", answers={"q1": "yes"}, reasons="Frightened to leave home"
    )
    RepeatVictimFlag.objects.create(
        key=f"person:{dana.pk}", person=dana, latest_incident=incident, reason="3 incidents in 90 days"
    )
    CaseReviewApplication.objects.create(
        reference="ACR-2025-00007",
        applicant_name="Dana Example",
        applicant_email="Dana.Example@example.test",
        behaviour="Noise every night",
        impact="Cannot sleep",
    )

    # Domestic abuse: DASH, MARAC referral, Clare's Law about the perpetrator, a request for help, the child's school
    question = DashQuestion.objects.create(version=99, number=1, text="Has the current incident resulted in injury?")
    dash = DashAssessment.objects.create(
        case=case,
        victim=dana,
        version=99,
        score=15,
        result="high",
        result_reason="15 ticks",
        agency=world.charity,
        assessed_by=world.idva,
    )
    DashAnswer.objects.create(assessment=dash, question=question, answer="yes", notes="Lee pushed her down stairs")
    MaracReferral.objects.create(
        case=case,
        victim=dana,
        referring_agency=world.charity,
        status="referred",
        safe_contact="Only via the IDVA",
        criteria_reasons=["Visible high risk"],
    )
    PerpetratorIntervention.objects.create(perpetrator=lee, case=case, kind="dvds_ask", notes="Previous partner")
    service = SupportService.objects.create(
        slug="idva",
        name="IDVA service",
        category="idva",
        description="Help",
        eligibility="Adults",
        area="Cumberland",
        referral_route="Online",
    )
    SelfReferral.objects.create(
        reference="SR-0001",
        service=service,
        name="D",
        contact_method="phone",
        contact_detail="+44 7700 900456",
        message="Please call after 10am",
    )
    school = School.objects.create(name="Example Primary", key_adult_email="dsl@school.test")
    ChildSchool.objects.create(child=sky, school=school)
    EncompassNotification.objects.create(incident=incident, child=sky, school=school, due_at=when + timedelta(hours=12))

    # Hate crime: her own report (matched by email) and a neighbour's report about her case
    common = {
        "reporter_role": "victim",
        "location_kind": "place",
        "target": "me",
        "police_consent": "no",
        "contact_preference": "email",
        "secret_hash": "x",
    }
    HateReport.objects.create(
        reference="HC-R-0001", what_happened="Slurs shouted at me", email=EMAIL, name="Dana", **common
    )
    HateReport.objects.create(
        reference="HC-R-0002",
        what_happened="Saw abuse at the flats",
        name="Pat Neighbour",
        phone="07700 900999",
        case=case,
        **{**common, "reporter_role": "witness"},
    )

    # Community tension: a report that gives her full name
    area = TensionArea.objects.create(name="Workington")
    TensionReport.objects.create(
        area=area,
        summary="Rumours online naming Dana Example as an informant.",
        sources="Facebook group",
        grade="experienced",
        confidence="medium",
        judged_level="elevated",
    )

    # Reviews: a young person referred to Channel, with the panel's assessment
    referral = do_receive_channel_referral(
        acting=actor_for_user(world.coordinator),
        title="Young person",
        received_on=date(2025, 6, 2),
        screened_by=world.police,
        lead_agency=world.council,
    )
    young = _participant(referral.case, actor_for_user(world.coordinator), "Rowan", "Young", "subject")
    VulnerabilityAssessment.objects.create(
        referral=referral,
        assessed_on=date(2025, 6, 20),
        factors=["grievance"],
        engagement_notes="Watching extremist videos",
    )
    return Subject(dana, lee, sky, case, young)
