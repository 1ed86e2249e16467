"""The screens added after the first release: updating an intervention later (outcome, breach, officer), naming
the officer when it is recorded, and marking a Case Review information request as received."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from access.testing import make_sharing_agreement
from asb.actions.case_review import do_request_information
from asb.actions.cases import do_record_intervention, do_update_intervention
from asb.models import InformationRequest, Intervention
from audit.models import AuditAction, AuditEvent
from conftest import World, signed_in_client
from core.actions import do_add_participant, do_add_team_agency
from intake.models import OutboundMessage

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _advice(world: World, **extra) -> Intervention:  # noqa: ANN003
    fields = {"step": "advice", "on": TODAY - timedelta(days=3), "owner_agency": world.council, **extra}
    return do_record_intervention(case=world.case_a, acting=actor_for_user(world.practitioner_a), **fields)


def _edit_url(world: World, intervention: Intervention) -> str:
    return reverse("asb:intervention_edit", args=[world.case_a.reference, intervention.public_id])


def _form(world: World, **changes) -> dict:  # noqa: ANN003
    data = {"owner_agency": world.council.pk, "owner_user": "", "outcome": "", **changes}
    return {k: v for k, v in data.items() if v is not None}


# --- Updating an intervention --------------------------------------------------------------------------


def test_the_outcome_breach_and_officer_are_added_later_audited_and_the_officer_told(world: World) -> None:
    intervention = _advice(world)
    client = signed_in_client(world.practitioner_a)
    page = client.get(reverse("asb:case", args=[world.case_a.reference])).content.decode()
    assert _edit_url(world, intervention) in page and "No officer named" in page
    response = client.post(_edit_url(world, intervention), _form(
        world, owner_user=world.coordinator.pk, outcome="Behaviour stopped for two weeks, then resumed",
        breached="on"))
    assert response.status_code == 302
    intervention.refresh_from_db()
    assert (intervention.owner_user, intervention.breached) == (world.coordinator, True)
    assert intervention.outcome.startswith("Behaviour stopped")
    event = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="asb.intervention").get()
    assert event.reason == "changed: owner_user, outcome, breached"
    email = OutboundMessage.objects.get(purpose="asb_intervention_officer")
    assert email.to == world.coordinator.email and world.case_a.reference in email.subject
    page = client.get(reverse("asb:case", args=[world.case_a.reference])).content.decode()
    assert "Behaviour stopped for two weeks" in page and "Breached" in page and world.coordinator.full_name in page


def test_saving_without_a_change_records_nothing(world: World) -> None:
    intervention = _advice(world)
    response = signed_in_client(world.practitioner_a).post(_edit_url(world, intervention), _form(world))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="asb.intervention").exists()


def _assert_refused(response, message: str, intervention: Intervention) -> None:  # noqa: ANN001
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content, content[:2000]
    assert message in content
    before = Intervention.objects.get(pk=intervention.pk)
    assert (before.outcome, before.owner_user_id, before.breached) == ("", None, intervention.breached)


def test_an_officer_outside_the_case_team_cannot_be_chosen(world: World) -> None:
    intervention = _advice(world)
    response = signed_in_client(world.practitioner_a).post(
        _edit_url(world, intervention), _form(world, owner_user=world.practitioner_b.pk, outcome="Done"))
    _assert_refused(response, "Choose an officer from the list", intervention)


def test_the_officer_must_work_for_the_agency_that_owns_the_step(world: World) -> None:
    make_sharing_agreement(world.council, world.fire)  # fire joins the council's case under an agreement
    do_add_team_agency(case=world.case_a, agency=world.fire, sensitive_access=False,
                       acting=actor_for_user(world.practitioner_a))
    intervention = _advice(world)
    client = signed_in_client(world.practitioner_a)
    page = client.get(_edit_url(world, intervention)).content.decode()
    assert world.outsider.full_name in page  # fire is on the team now, so its officer is offered
    response = client.post(_edit_url(world, intervention), _form(world, owner_user=world.outsider.pk, outcome="x"))
    _assert_refused(response, "Choose an officer who works for Test Council, or change the agency", intervention)
    assert client.post(_edit_url(world, intervention), _form(
        world, owner_agency=world.fire.pk, owner_user=world.outsider.pk)).status_code == 302


def test_unmarking_the_breach_a_later_notice_relied_on_is_refused_and_nothing_changes(world: World) -> None:
    person = do_add_participant(case=world.case_a, person_fields={"given_name": "Pete", "family_name": "Noisy"},
                                role="perpetrator", basis=None, basis_explanation="",
                                acting=actor_for_user(world.practitioner_a)).person
    acting = actor_for_user(world.practitioner_a)
    warned = TODAY - timedelta(days=30)
    warning = do_record_intervention(case=world.case_a, acting=acting, step="cpw", subject=person, subject_age=30,
                                     on=warned, comply_by=warned + timedelta(days=14), breached=True,
                                     owner_agency=world.council)
    do_record_intervention(case=world.case_a, acting=acting, step="cpn", subject=person, subject_age=30, on=TODAY,
                           owner_agency=world.council)
    response = signed_in_client(world.practitioner_a).post(_edit_url(world, warning), _form(world, outcome="Ignored"))
    _assert_refused(response, "relies on it", warning)
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="asb.intervention").exists()
    # Adding an outcome while keeping the breach is fine.
    done = do_update_intervention(intervention=warning, acting=acting, outcome="Ignored", breached=True)
    assert Intervention.objects.get(pk=done.pk).outcome == "Ignored"


def test_the_step_and_its_date_cannot_be_changed_afterwards(world: World) -> None:
    intervention = _advice(world)
    with pytest.raises(ValueError, match="cannot change"):
        do_update_intervention(intervention=intervention, acting=actor_for_user(world.practitioner_a), step="cpn")


def test_an_intervention_of_another_case_is_not_found_through_this_one(world: World) -> None:
    intervention = _advice(world)
    other = do_record_intervention(case=world.case_b, acting=actor_for_user(world.practitioner_b), step="advice",
                                   on=TODAY, owner_agency=world.police)
    client = signed_in_client(world.practitioner_a)
    assert client.get(reverse("asb:intervention_edit", args=[world.case_a.reference, other.public_id])
                      ).status_code == 404
    assert client.get(_edit_url(world, intervention)).status_code == 200


def test_the_officer_is_named_when_the_intervention_is_recorded(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    url = reverse("asb:intervention_create", args=[world.case_a.reference])
    assert client.post(url, {"step": "warning_letter", "on": TODAY.isoformat(), "owner_agency": world.council.pk,
                             "owner_user": world.coordinator.pk}).status_code == 302
    assert Intervention.objects.get().owner_user == world.coordinator
    assert OutboundMessage.objects.filter(purpose="asb_intervention_officer", to=world.coordinator.email).exists()
    # Naming yourself sends no email.
    assert client.post(url, {"step": "advice", "on": TODAY.isoformat(), "owner_agency": world.council.pk,
                             "owner_user": world.practitioner_a.pk}).status_code == 302
    assert OutboundMessage.objects.filter(purpose="asb_intervention_officer").count() == 1


# --- Information received ----------------------------------------------------------------------------


@pytest.fixture
def asked(world: World, asb_objects: dict) -> InformationRequest:
    return asb_objects["information"]


def _received_url(asb_objects: dict, asked: InformationRequest) -> str:
    return reverse("asb:information_received", args=[asb_objects["application"].public_id, asked.pk])


def test_information_is_marked_received_and_audited(world: World, asb_objects: dict,
                                                    asked: InformationRequest) -> None:
    client = signed_in_client(world.coordinator)
    detail = reverse("asb:review_detail", args=[asb_objects["application"].public_id])
    assert _received_url(asb_objects, asked) in client.get(detail).content.decode()
    response = client.post(_received_url(asb_objects, asked), {"received_on": TODAY.isoformat()})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.received_on == TODAY
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="asb.informationrequest",
                                     reason="information received").exists()
    page = client.get(detail).content.decode()
    assert "Received" in page and _received_url(asb_objects, asked) not in page
    # Once received, the page sends you back rather than letting it be received twice.
    assert client.get(_received_url(asb_objects, asked)).status_code == 302


BAD_DATES = [
    ("missing", "", "Enter the date"),
    ("impossible", "2026-02-30", "Enter a real date"),
    ("in the future", (TODAY + timedelta(days=1)).isoformat(), "must be today or in the past"),
    ("before it was asked for", (TODAY - timedelta(days=1)).isoformat(), "on or after the date it was asked for"),
]


@pytest.mark.parametrize(("why", "value", "message"), BAD_DATES, ids=[b[0] for b in BAD_DATES])
def test_a_bad_date_shows_the_error_summary_and_saves_nothing(world: World, asb_objects: dict,
                                                              asked: InformationRequest, why: str, value: str,
                                                              message: str) -> None:
    response = signed_in_client(world.coordinator).post(_received_url(asb_objects, asked), {"received_on": value})
    content = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in content and message in content, why
    asked.refresh_from_db()
    assert asked.received_on is None


def test_a_request_of_another_application_is_not_found_through_this_one(world: World, asb_objects: dict) -> None:
    from asb.actions.case_review import do_submit_application

    other, _secret = do_submit_application(acting=None, fields={
        "applicant_name": "Other", "behaviour": "Noise", "impact": "Tired"}, complaints=[])
    theirs = do_request_information(application=other, acting=actor_for_user(world.coordinator),
                                    agency=world.council, asked_for="Log", due_on=TODAY + timedelta(days=5))
    url = reverse("asb:information_received", args=[asb_objects["application"].public_id, theirs.pk])
    assert signed_in_client(world.coordinator).get(url).status_code == 404
