"""The parts of a case other apps hold (ASB plan, interventions and risk assessments; DHR and Channel records;
domestic abuse perpetrator interventions) are anonymised with the case, keeping their figures, or deleted
with it. Each case is removed by the schedule itself, as the nightly run would."""

from datetime import date, timedelta

import pytest

from access.models import LawfulBasis
from access.policy import actor_for_user
from asb.actions.cases import do_assess_risk, do_record_intervention, do_request_access, do_save_plan
from asb.actions.incidents import do_record_asb_incident
from asb.models import AccessRequest, AsbCasePlan, AsbIncident, Intervention, RiskAssessment
from asb.rules.risk import RISK_QUESTIONS
from audit.chain import verify_chain
from conftest import World
from core.actions import do_add_participant
from core.models import Case, CaseStatus, Incident, Person
from domestic_abuse import safeguarding_actions
from domestic_abuse.models import ChildSchool, DashAssessment, PerpetratorIntervention
from domestic_abuse.tests.fixtures import DaWorld, da  # noqa: F401 - the fixture
from retention.anonymise import ANONYMISED_PERSON
from retention.schedule import notice_days, run_schedule
from retention.tests.conftest import LONG_AGO, long_ago_at, rule
from reviews.actions import channel as channel_actions
from reviews.actions import dhr as dhr_actions
from reviews.models import (
    AgencyReport,
    ChannelReferral,
    DomesticHomicideReview,
    PostClosureReview,
    Recommendation,
    SupportProvision,
    SupportReview,
    VulnerabilityAssessment,
)

pytestmark = pytest.mark.usefixtures("no_default_rules", "no_notice")

# Words that appear only in the free text the tests write: none may be left once a case is anonymised.
SECRETS = ("Jordan", "Casey", "garage", "Garage", "sister", "Hillside", "Mosque", "mentor Sue", "Perry", "knife")


def close_long_ago(case: Case) -> Case:
    Case.objects.filter(pk=case.pk).update(status=CaseStatus.CLOSED, closed_on=LONG_AGO)
    case.refresh_from_db()
    return case


def assert_no_secrets(*rows: object) -> None:
    for row in rows:
        text = " ".join(str(value) for value in vars(row).values())
        assert not [word for word in SECRETS if word in text], row


def add_person(case: Case, world: World, given: str, role: str) -> Person:
    return do_add_participant(
        case=case,
        person_fields={"given_name": given, "family_name": "Example"},
        role=role,
        basis=LawfulBasis.SAFEGUARDING,
        basis_explanation="",
        acting=actor_for_user(world.practitioner_a),
    ).person


# ASB: the problem-solving plan, the interventions, the victim risk assessment, access requests.


@pytest.fixture
def asb_case(world: World) -> dict:
    """Case A (ASB, council): Jordan (in this case only) and Casey (also in case B) have interventions;
    Alex, the victim, has a risk assessment; the police asked to join. Closed in 2018."""
    acting = actor_for_user(world.practitioner_a)
    case = world.case_a
    jordan = add_person(case, world, "Jordan", "perpetrator")
    casey = add_person(case, world, "Casey", "perpetrator")
    world.case_b.participants.create(person=casey, role="witness")  # the same Casey, in the police's case too
    alex = case.participants.get(person__given_name="Alex").person
    do_save_plan(case=case, problem="Jordan revs motorbikes in the garage", plan="Warn Jordan", acting=acting)
    first = do_record_intervention(
        case=case,
        acting=acting,
        step="advice",
        subject=jordan,
        on=LONG_AGO - timedelta(days=90),
        owner_agency=world.council,
        outcome="Jordan said his sister started it",
    )
    second = do_record_intervention(
        case=case,
        acting=acting,
        step="warning_letter",
        subject=casey,
        on=LONG_AGO - timedelta(days=60),
        owner_agency=world.council,
        breached=True,
        outcome="Casey kept a knife by the door",
    )
    answers = {question.code: index == 0 for index, question in enumerate(RISK_QUESTIONS)}
    assessment = do_assess_risk(case=case, person=alex, answers=answers, officer_says_high=False, acting=acting)
    request = do_request_access(
        case=case, reason="Casey is known to us at Hillside", acting=actor_for_user(world.practitioner_b)
    )
    return {
        "case": close_long_ago(case),
        "jordan": jordan,
        "casey": casey,
        "alex": alex,
        "interventions": [first, second],
        "assessment": assessment,
        "request": request,
    }


def test_anonymising_an_asb_case_blanks_its_plan_outcomes_and_reasons_and_keeps_the_ladder(asb_case: dict) -> None:
    case = asb_case["case"]
    steps_before = list(Intervention.objects.filter(case=case).values_list("step", "on", "breached", "owner_agency"))
    rule("case.asb", "closure", "anonymise")
    run = run_schedule()
    assert run.counts["case.asb"]["anonymised"] == 1
    plan = AsbCasePlan.objects.get(case=case)
    assert (plan.problem, plan.plan) == ("Anonymised", "Anonymised")
    interventions = list(Intervention.objects.filter(case=case).order_by("on"))
    assert [(i.step, i.on, i.breached, i.owner_agency_id) for i in interventions] == steps_before
    assert [i.outcome for i in interventions] == ["", ""]
    # Jordan was in this case only: anonymised with it and still the subject (repeat-step rules still count).
    jordan, casey = asb_case["jordan"], asb_case["casey"]
    jordan.refresh_from_db()
    casey.refresh_from_db()
    assert interventions[0].subject == jordan and jordan.given_name == ANONYMISED_PERSON
    # Casey is in the police's case too: left as he is there, and unlinked from this case's intervention.
    assert interventions[1].subject is None and casey.given_name == "Casey"
    assessment = RiskAssessment.objects.get(case=case)
    before = asb_case["assessment"]
    assert (assessment.score, assessment.level, assessment.answers, assessment.person_id) == (
        before.score,
        before.level,
        before.answers,
        asb_case["alex"].pk,
    )
    assert assessment.reasons == ""
    request, asked = AccessRequest.objects.get(case=case), asb_case["request"]
    assert request.reason == "Anonymised"
    assert (request.status, request.agency_id, request.requested_by_id) == (
        asked.status,
        asked.agency_id,
        asked.requested_by_id,
    )
    assert_no_secrets(plan, *interventions, assessment, request)
    assert verify_chain() is None


def test_deleting_an_asb_case_deletes_its_asb_records_and_frees_its_people(asb_case: dict) -> None:
    case = asb_case["case"]
    rule("case.asb", "closure", "delete")
    run = run_schedule()
    assert run.counts["case.asb"] == {"due": 1, "held": 0, "deleted": 1, "anonymised": 0, "blocked": 0}
    for model in (AsbCasePlan, Intervention, RiskAssessment, AccessRequest):
        assert not model.objects.filter(case_id=case.pk).exists(), model
    # Nothing protects Jordan any longer: in no other case, he is deleted; Casey stays with the police's case.
    assert not Person.objects.filter(pk=asb_case["jordan"].pk).exists()
    assert Person.objects.get(pk=asb_case["casey"].pk).given_name == "Casey"


# Reviews: a Domestic Homicide Review and a Channel referral, each the heart of its restricted case.


@pytest.fixture
def dhr(world: World) -> DomesticHomicideReview:
    """A review through decision, progress and quality assurance, with an IMR and a recommendation, closed."""
    acting = actor_for_user(world.coordinator)
    review = dhr_actions.do_notify_dhr(
        acting=acting,
        title="Death of a woman aged 40 to 50",
        notified_on=date(2017, 1, 6),
        notifying_agency=world.police,
        lead_agency=world.council,
        date_of_death=date(2017, 1, 2),
    )
    dhr_actions.do_decide_dhr(
        review=review, hold=True, decided_on=date(2017, 1, 20), reasons="Her sister told police", acting=acting
    )
    dhr_actions.do_record_dhr_progress(
        review=review,
        acting=acting,
        changes={
            "chair_name": "Mosque trustee",
            "chair_appointed_on": date(2017, 2, 1),
            "terms_of_reference": "The garage incidents",
            "family_involvement": "Her sister met the chair",
            "draft_version": 2,
        },
    )
    dhr_actions.do_request_agency_report(
        review=review, agency=world.police, kind="imr", requested_on=date(2017, 2, 3), acting=acting
    )
    item = dhr_actions.do_add_recommendation(
        review=review,
        acting=acting,
        theme="risk_assessment",
        lesson="DASH not repeated after the knife incident",
        recommendation="Repeat DASH at Hillside",
        owner_agency=world.police,
        due_on=date(2017, 9, 1),
    )
    dhr_actions.do_complete_recommendation(item=item, on=date(2017, 8, 1), evidence="Sister informed", acting=acting)
    dhr_actions.do_submit_dhr_to_qa(review=review, on=date(2017, 6, 1), acting=acting)
    dhr_actions.do_record_qa_feedback(
        review=review, on=date(2017, 7, 1), feedback="Name the sister less", acting=acting
    )
    close_long_ago(review.case)
    review.refresh_from_db()
    return review


@pytest.fixture
def channel(world: World) -> ChannelReferral:
    """A referral adopted, assessed, supported, reviewed, closed and reviewed after closure."""
    acting = actor_for_user(world.coordinator)
    referral = channel_actions.do_receive_channel_referral(
        acting=acting,
        title="Young person, online material",
        received_on=date(2017, 1, 10),
        screened_by=world.police,
        lead_agency=world.council,
        concern_type="Mixed or unclear",
    )
    channel_actions.do_record_consent(
        referral=referral, consent="given", consent_on=date(2017, 1, 15), consent_by="His sister", acting=acting
    )
    channel_actions.do_decide_channel(referral=referral, outcome="channel", decided_on=date(2017, 1, 20), acting=acting)
    channel_actions.do_assess_vulnerability(
        referral=referral,
        assessed_on=date(2017, 1, 25),
        factors=["c1", "e1"],
        engagement_notes="Posts from the garage",
        intent_notes="Talked of a knife",
        capability_notes="Hillside forum",
        acting=acting,
    )
    channel_actions.do_add_support(
        referral=referral,
        provider="mentor Sue at Hillside",
        support_type="Mentoring",
        started_on=date(2017, 2, 1),
        acting=acting,
    )
    channel_actions.do_record_support_review(
        referral=referral,
        held_on=date(2017, 4, 1),
        progress="Jordan engages well",
        continue_support=True,
        acting=acting,
    )
    channel_actions.do_close_channel(
        referral=referral, closed_on=date(2017, 6, 30), reason="Jordan moved away", acting=acting
    )
    for review in PostClosureReview.objects.filter(referral=referral):
        channel_actions.do_complete_post_closure_review(
            review=review, completed_on=review.due_on, outcome="Jordan settled at his sister's", acting=acting
        )
    close_long_ago(referral.case)
    referral.refresh_from_db()
    return referral


def dhr_figures(review: DomesticHomicideReview) -> tuple:
    review.refresh_from_db()
    fields = (
        "stage",
        "notified_on",
        "date_of_death",
        "decision_on",
        "chair_appointed_on",
        "draft_version",
        "qa_submitted_on",
        "qa_feedback_on",
        "notifying_agency_id",
    )
    recommendations = list(
        review.recommendations.values_list("theme", "owner_agency", "due_on", "status", "completed_on")
    )
    return tuple(getattr(review, name) for name in fields), recommendations, review.agency_reports.count()


def channel_figures(referral: ChannelReferral) -> tuple:
    referral.refresh_from_db()
    fields = ("stage", "received_on", "concern_type", "outcome", "decided_on", "consent", "consent_on", "closed_on")
    return (
        tuple(getattr(referral, name) for name in fields),
        list(referral.assessments.values_list("assessed_on", "factors")),
        list(referral.support.values_list("support_type", "started_on", "ended_on")),
        list(referral.support_reviews.values_list("due_on", "held_on", "continue_support")),
        list(referral.post_closure_reviews.values_list("months_after_closure", "due_on", "completed_on")),
    )


def test_anonymising_a_dhr_keeps_its_stage_dates_and_themes_and_blanks_its_narrative(
    dhr: DomesticHomicideReview,
) -> None:
    before = dhr_figures(dhr)
    rule("case.dhr", "closure", "anonymise")
    assert run_schedule().counts["case.dhr"]["anonymised"] == 1
    assert dhr_figures(dhr) == before
    assert (dhr.decision_reasons, dhr.chair_name, dhr.terms_of_reference, dhr.family_involvement, dhr.qa_feedback) == (
        "",
        "",
        "",
        "",
        "",
    )
    item = dhr.recommendations.get()
    assert (item.lesson, item.recommendation, item.evidence) == ("Anonymised", "", "")
    assert_no_secrets(dhr, item)


def test_anonymising_a_channel_case_keeps_its_stages_and_factors_and_blanks_what_was_said(
    channel: ChannelReferral,
) -> None:
    before = channel_figures(channel)
    assert len(before[4]) > 0  # reviews after closure were scheduled and completed
    rule("case.channel", "closure", "anonymise")
    assert run_schedule().counts["case.channel"]["anonymised"] == 1
    assert channel_figures(channel) == before
    assert (channel.consent_by, channel.closure_reason) == ("", "")
    rows = [
        *VulnerabilityAssessment.objects.filter(referral=channel),
        *SupportProvision.objects.filter(referral=channel),
        *SupportReview.objects.filter(referral=channel),
        *PostClosureReview.objects.filter(referral=channel),
    ]
    assert_no_secrets(channel, *rows)
    assert SupportProvision.objects.get(referral=channel).provider == "Anonymised"


def test_deleting_dhr_and_channel_cases_deletes_their_records(
    dhr: DomesticHomicideReview, channel: ChannelReferral
) -> None:
    rule("case.dhr", "closure", "delete")
    rule("case.channel", "closure", "delete")
    run = run_schedule()
    assert (run.counts["case.dhr"]["deleted"], run.counts["case.channel"]["deleted"]) == (1, 1)
    assert not DomesticHomicideReview.objects.exists() and not ChannelReferral.objects.exists()
    for model in (
        AgencyReport,
        Recommendation,
        VulnerabilityAssessment,
        SupportProvision,
        SupportReview,
        PostClosureReview,
    ):
        assert not model.objects.exists(), model
    assert not Case.objects.filter(pk__in=[dhr.case_id, channel.case_id]).exists()


# Domestic abuse: perpetrator interventions (and the child's school) on a closed case.


@pytest.fixture
def da_closed(da: DaWorld) -> DaWorld:  # noqa: F811 - the imported fixture
    """The DA case closed in 2018, with a Clare's Law disclosure whose notes name the perpetrator."""
    officer = actor_for_user(da.world.practitioner_a)
    safeguarding_actions.do_decide_intervention(
        intervention=da.intervention,
        outcome="disclosed",
        decided_on=date(2026, 3, 10),
        notes="Perry kept a knife in the garage",
        acting=officer,
    )
    close_long_ago(da.case)
    return da


def remove_marac_case(da_world: DaWorld) -> None:
    """The MARAC case the referral opened (everyone in the DA case was copied into it), deleted first."""
    close_long_ago(da_world.referral.marac_case)
    rule("case.marac", "closure", "delete")
    assert run_schedule().counts["case.marac"]["deleted"] == 1


def test_anonymising_a_da_case_blanks_perpetrator_intervention_notes_and_keeps_the_disclosure_figures(
    da_closed: DaWorld,
) -> None:
    case = da_closed.case
    kept = ("kind", "started_on", "decision_due", "status", "decided_on", "perpetrator_id")
    before = list(PerpetratorIntervention.objects.filter(case=case).values_list(*kept))
    dash_before = list(DashAssessment.objects.filter(case=case).values_list("score", "result", "assessed_on"))
    remove_marac_case(da_closed)
    rule("case.domestic_abuse", "closure", "anonymise")
    assert run_schedule().counts["case.domestic_abuse"]["anonymised"] == 1
    assert list(PerpetratorIntervention.objects.filter(case=case).values_list(*kept)) == before
    assert list(PerpetratorIntervention.objects.filter(case=case).values_list("notes", flat=True)) == [""]
    assert list(DashAssessment.objects.filter(case=case).values_list("score", "result", "assessed_on")) == dash_before
    # Perry and Charlie are now in this case only: anonymised with it, and Charlie's school forgotten.
    da_closed.perpetrator.refresh_from_db()
    assert da_closed.perpetrator.given_name == ANONYMISED_PERSON
    assert not ChildSchool.objects.filter(child=da_closed.child).exists()
    assert_no_secrets(*PerpetratorIntervention.objects.filter(case=case))


def test_a_childs_school_is_kept_while_the_child_is_in_a_live_case(da_closed: DaWorld) -> None:
    rule("case.domestic_abuse", "closure", "anonymise")
    assert run_schedule().counts["case.domestic_abuse"]["anonymised"] == 1
    # Charlie is in the open MARAC case as well: the school is still needed there.
    assert ChildSchool.objects.filter(child=da_closed.child).exists()
    assert list(PerpetratorIntervention.objects.filter(case=da_closed.case).values_list("notes", flat=True)) == [""]


def test_deleting_a_da_case_deletes_its_perpetrator_interventions_and_the_childs_school(da_closed: DaWorld) -> None:
    case = da_closed.case
    remove_marac_case(da_closed)
    rule("case.domestic_abuse", "closure", "delete")
    run = run_schedule()
    assert run.counts["case.domestic_abuse"]["deleted"] == 1, run.counts
    assert not PerpetratorIntervention.objects.filter(case_id=case.pk).exists()
    assert not ChildSchool.objects.filter(child_id=da_closed.child.pk).exists()
    assert not Person.objects.filter(pk=da_closed.perpetrator.pk).exists()


def test_the_notice_period_comes_from_settings_and_is_never_negative(settings) -> None:  # noqa: ANN001
    settings.RETENTION_NOTICE_DAYS = 30
    assert notice_days() == 30
    settings.RETENTION_NOTICE_DAYS = -5
    assert notice_days() == 0


# ASB detail of a shared incident (not part of a case): anonymised with the incident.


@pytest.fixture
def asb_incident(world: World) -> AsbIncident:
    incident, _flags = do_record_asb_incident(
        acting=actor_for_user(world.practitioner_a),
        asb_type="intimidation",
        victim_fields={"given_name": "Margaret", "family_name": "Hillside"},
        victim_address="12 Garage Lane",
        victim_postcode="CA1 1AA",
        perpetrator_description="Jordan and his sister",
        occurred_at=long_ago_at(),
        category="asb_personal",
        description="Shouting at the door",
        source_agency=world.council,
    )
    Incident.objects.filter(pk=incident.pk).update(created_at=long_ago_at())
    detail = AsbIncident.objects.get(incident=incident)
    detail.perpetrators.add(add_person(world.case_a, world, "Jordan", "perpetrator"))
    return detail


def test_anonymising_an_incident_drops_its_asb_victim_address_and_perpetrators(asb_incident: AsbIncident) -> None:
    rule("core.incident", "submission", "anonymise")
    assert run_schedule().counts["core.incident"]["anonymised"] == 1
    asb_incident.refresh_from_db()
    assert (asb_incident.asb_type, asb_incident.victim_postcode) == ("intimidation", "CA1")
    assert (asb_incident.victim, asb_incident.victim_address, asb_incident.address_key) == (None, "", "")
    assert asb_incident.perpetrator_description == "" and not asb_incident.perpetrators.exists()
    assert_no_secrets(asb_incident)


def test_deleting_an_incident_deletes_its_asb_detail(asb_incident: AsbIncident) -> None:
    rule("core.incident", "submission", "delete")
    assert run_schedule().counts["core.incident"]["deleted"] == 1
    assert not AsbIncident.objects.filter(pk=asb_incident.pk).exists()
