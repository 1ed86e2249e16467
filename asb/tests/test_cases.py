"""ASB case work: plan, interventions with their preconditions and effect, risk assessment escalation, PSPOs."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from asb.models import AsbCasePlan, Intervention, Pspo, RiskAssessment
from conftest import World, signed_in_client
from core.actions import do_add_participant
from core.models import AgendaItem, Meeting

TODAY = timezone.localdate()


def _perpetrator(world: World):  # noqa: ANN202
    return do_add_participant(case=world.case_a, person_fields={"given_name": "Pete", "family_name": "Noisy"},
                              role="perpetrator", basis=None, basis_explanation="",
                              acting=actor_for_user(world.practitioner_a)).person


def test_cpn_without_a_warning_says_what_is_missing_and_saves_nothing(world: World) -> None:
    person = _perpetrator(world)
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:intervention_create", args=[world.case_a.reference])
    response = client.post(url, {"step": "cpn", "subject": person.pk, "subject_age": "30", "on": TODAY.isoformat(),
                                 "owner_agency": world.council.pk})
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content
    assert "A written warning (Community Protection Warning) must be given first" in content
    assert not Intervention.objects.exists()


def test_warning_then_notice_is_allowed_after_the_time_to_comply(world: World) -> None:
    person = _perpetrator(world)
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:intervention_create", args=[world.case_a.reference])
    warned = TODAY - timedelta(days=30)
    assert client.post(url, {"step": "cpw", "subject": person.pk, "subject_age": "30", "on": warned.isoformat(),
                             "comply_by": (warned + timedelta(days=14)).isoformat(), "breached": "on",
                             "owner_agency": world.council.pk}).status_code == 302
    assert client.post(url, {"step": "cpn", "subject": person.pk, "subject_age": "30", "on": TODAY.isoformat(),
                             "owner_agency": world.council.pk}).status_code == 302
    assert list(Intervention.objects.values_list("step", flat=True)) == ["cpw", "cpn"]
    page = client.get(reverse("asb:case", args=[world.case_a.reference]))
    assert "Community Protection Notice" in page.content.decode()


def test_comply_by_before_the_date_is_refused(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:intervention_create", args=[world.case_a.reference])
    response = client.post(url, {"step": "advice", "on": TODAY.isoformat(), "comply_by": (TODAY - timedelta(days=1)),
                                 "owner_agency": world.council.pk})
    assert "The comply-by date must be on or after" in response.content.decode()
    assert not Intervention.objects.exists()


def test_high_risk_escalates_to_the_next_panel_and_tells_the_lead_agency(world: World) -> None:
    world.council.email = "asb@council.test"
    world.council.save()
    panel = Meeting.objects.create(kind=Meeting.Kind.ASB_PANEL, title="ASB panel",
                                   held_at=timezone.now() + timedelta(days=10))
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("asb:risk_create", args=[world.case_a.reference]),
                           {"targeted": "on", "hate": "on", "repeat_12_months": "on", "afraid_at_home": "on",
                            "health": "on"})
    assert response.status_code == 302
    world.case_a.refresh_from_db()
    assert world.case_a.risk_level == "high"
    assert RiskAssessment.objects.get().level == "high"
    assert AgendaItem.objects.filter(meeting=panel, case=world.case_a).exists()
    from intake.models import OutboundMessage
    assert OutboundMessage.objects.filter(purpose="asb_high_risk", to="asb@council.test").exists()


def test_standard_risk_does_not_escalate(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    client.post(reverse("asb:risk_create", args=[world.case_a.reference]), {"targeted": "on"})
    world.case_a.refresh_from_db()
    assert world.case_a.risk_level == "standard"


def test_plan_bad_input_then_saved(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:plan_edit", args=[world.case_a.reference])
    assert "Describe the problem" in client.post(url, {"problem": "", "plan": "x"}).content.decode()
    assert not AsbCasePlan.objects.exists()
    assert client.post(url, {"problem": "Noise", "plan": "Mediation"}).status_code == 302
    assert AsbCasePlan.objects.get().plan == "Mediation"


def test_pspo_longer_than_three_years_is_refused(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    data = {"area": "Town centre", "council": world.council.pk, "made_on": "2026-01-01", "expires_on": "2029-06-01",
            "prohibitions": "No street drinking"}
    assert "at most 3 years" in client.post(reverse("asb:pspo_create"), data).content.decode()
    assert not Pspo.objects.exists()
    assert client.post(reverse("asb:pspo_create"), {**data, "expires_on": "2028-12-31"}).status_code == 302
    assert "Town centre" in client.get(reverse("asb:pspo_list")).content.decode()


def test_figures_suppress_small_numbers(world: World) -> None:
    from asb.tests.conftest import record_incident

    for days in (30, 20, 10):
        record_incident(world, days_ago=days, victim=None)
    page = signed_in_client(world.analyst).get(reverse("asb:figures")).content.decode()
    assert "fewer than 5" in page and "Margaret" not in page


def test_risk_assessment_with_no_box_ticked_is_saved_as_standard(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    assert client.post(reverse("asb:risk_create", args=[world.case_a.reference]), {}).status_code == 302
    assert RiskAssessment.objects.get().level == "standard"
