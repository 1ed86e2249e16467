"""Data leaves for another agency only under an active sharing agreement that covers the purpose, and the
record says which agreement it relied on: adding an agency to a case team (also through MARAC listing),
passing a hate report to the police, and Operation Encompass notifications to schools."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.models import SharingAgreement, SharingPurpose
from access.policy import actor_for_user
from access.testing import make_sharing_agreement
from audit.models import AuditEvent
from conftest import World, signed_in_client
from core.actions import do_add_team_agency, do_create_case
from core.models import CaseTeamMember, Incident
from domestic_abuse import actions as da_actions
from domestic_abuse import safeguarding_actions as safeguarding
from domestic_abuse.models import EncompassNotification, MaracReferral, School
from domestic_abuse.tests.fixtures import add_person, yes_answers
from hate_crime.models import PoliceDestination, PoliceReferral, ReportStatus
from hate_crime.tests.helpers import make_report
from intake.models import OutboundMessage

LONDON = ZoneInfo("Europe/London")


def _add_fire(client, world: World):  # noqa: ANN001, ANN202
    return client.post(
        reverse("core:add_team_agency", args=[world.case_a.reference]),
        {"agency": world.fire.pk, "sensitive_access": ""},
    )


def _shares(case) -> int:  # noqa: ANN001
    return AuditEvent.objects.filter(action="share", object_type="core.case", object_id=str(case.pk)).count()


# -- Case teams ---------------------------------------------------------------------------------------------


def test_adding_an_agency_without_an_agreement_is_refused_and_nothing_is_saved(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    team_before, shares_before = world.case_a.team.count(), _shares(world.case_a)
    response = _add_fire(client, world)
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html
    assert (
        "There is no active information sharing agreement for multi-agency case work (sharing with the case "
        "team) covering Test Council and Test Fire."
    ) in html
    assert world.case_a.team.count() == team_before and _shares(world.case_a) == shares_before


@pytest.mark.parametrize(
    "dates",
    [
        {"starts_on": "tomorrow"},
        {"ends_on": "yesterday"},
        {"ends_on": "today"},
        {"purposes": ("referral",)},
    ],
)
def test_an_agreement_not_in_force_or_for_another_purpose_is_not_relied_on(dates: dict, world: World) -> None:
    today = timezone.localdate()
    days = {"tomorrow": today + timedelta(days=1), "yesterday": today - timedelta(days=1), "today": today}
    make_sharing_agreement(world.council, world.fire, **{k: days.get(v, v) for k, v in dates.items()})
    with pytest.raises(ValidationError, match="no active information sharing agreement"):
        do_add_team_agency(
            case=world.case_a, agency=world.fire, sensitive_access=False, acting=actor_for_user(world.practitioner_a)
        )
    assert not world.case_a.team.filter(agency=world.fire).exists()


def test_adding_an_agency_records_and_shows_the_agreement_relied_on(world: World) -> None:
    agreement = make_sharing_agreement(world.council, world.fire, reference="ISA-FIRE")
    client = signed_in_client(world.practitioner_a)
    response = _add_fire(client, world)
    assert response.status_code == 302
    member = CaseTeamMember.objects.get(case=world.case_a, agency=world.fire)
    assert member.sharing_agreement == agreement
    share = AuditEvent.objects.filter(action="share", object_id=str(world.case_a.pk)).latest("sequence")
    assert share.reason.endswith(f"sharing agreement {agreement.pk}") and "Alex" not in share.reason
    html = client.get(world.case_a.get_absolute_url()).content.decode()
    assert "Sharing agreement:" in html and f'href="{agreement.get_absolute_url()}">ISA-FIRE</a>' in html


def test_an_agreement_past_its_review_date_still_counts(world: World) -> None:
    overdue = make_sharing_agreement(world.council, world.fire, review_on=timezone.localdate() - timedelta(days=10))
    member = do_add_team_agency(
        case=world.case_a, agency=world.fire, sensitive_access=False, acting=actor_for_user(world.practitioner_a)
    )
    assert member.sharing_agreement == overdue


def test_the_lead_agency_must_have_signed_not_just_the_agency_added(world: World) -> None:
    make_sharing_agreement(world.police, world.fire)  # case_a is led by the council
    with pytest.raises(ValidationError):
        do_add_team_agency(
            case=world.case_a, agency=world.fire, sensitive_access=False, acting=actor_for_user(world.practitioner_a)
        )


def test_the_world_marac_team_relied_on_the_partnership_agreement(world: World) -> None:
    member = world.marac.team.get(agency=world.police, user__isnull=True)
    assert member.sharing_agreement.reference == "ISA-WORLD"


# -- MARAC listing brings the meeting's agencies onto the case team -------------------------------------------


def test_listing_at_a_marac_refuses_an_agency_without_an_agreement(world: World) -> None:
    officer = actor_for_user(world.practitioner_a)
    case = do_create_case(acting=officer, kind="domestic_abuse", title="DA case", lead_agency=world.council)
    victim = add_person(case, world.practitioner_a, "Vicky", "victim")
    assessment = da_actions.do_complete_dash(
        case=case,
        victim=victim,
        answers=yes_answers(15),
        version=1,
        professional_judgement=False,
        judgement_reason="",
        acting=officer,
    )
    referral = MaracReferral.objects.get(assessment=assessment)
    da_actions.do_submit_referral(
        referral=referral, idva_engaged=True, victim_aware=True, safe_contact="x", basis="safeguarding", acting=officer
    )
    coordinator = actor_for_user(world.coordinator)
    meeting = da_actions.do_create_meeting(
        title="March MARAC",
        held_at=datetime(2026, 3, 12, 10, tzinfo=LONDON),
        location="",
        agencies=[world.police, world.fire],
        acting=coordinator,
    )
    with pytest.raises(ValidationError, match="Test Fire"):
        da_actions.do_list_referral(meeting=meeting, referral=referral, acting=coordinator)
    referral.refresh_from_db()
    assert referral.status == "referred" and not meeting.agenda.exists()
    make_sharing_agreement(world.council, world.fire)
    da_actions.do_list_referral(meeting=meeting, referral=referral, acting=coordinator)
    assert referral.marac_case.team.filter(agency=world.fire, sharing_agreement__isnull=False).exists()


# -- Hate reports to the police -----------------------------------------------------------------------------


@pytest.fixture
def destination(world: World) -> PoliceDestination:
    return PoliceDestination.objects.create(agency=world.police, method="email", address="hate@police.test")


def _route(world: World, report, destination: PoliceDestination):  # noqa: ANN001, ANN202
    return signed_in_client(world.coordinator).post(
        reverse("hate_crime:route", args=[report.public_id]), {"destination": destination.pk}
    )


def test_routing_without_a_referral_agreement_is_refused_and_nothing_is_sent(
    world: World, destination: PoliceDestination
) -> None:
    world_agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    world_agreement.purposes = [SharingPurpose.CASE_TEAM]
    world_agreement.save()
    report = make_report(police_consent="anonymous")
    response = _route(world, report, destination)
    html = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in html
    assert (
        "There is no active information sharing agreement for referral to a partner agency or service "
        "covering Test Council and Test Police."
    ) in html
    assert not PoliceReferral.objects.exists() and not OutboundMessage.objects.filter(purpose="hate_police").exists()
    report.refresh_from_db()
    assert report.status == ReportStatus.NEW


def test_routing_records_and_shows_the_agreement_relied_on(world: World, destination: PoliceDestination) -> None:
    report = make_report(police_consent="anonymous")
    assert _route(world, report, destination).status_code == 302
    referral = PoliceReferral.objects.get(report=report)
    assert referral.sharing_agreement.reference == "ISA-WORLD"
    share = AuditEvent.objects.get(action="share", object_type="hate_crime.hatereport", object_id=str(report.pk))
    assert share.reason.endswith(f"sharing agreement {referral.sharing_agreement.pk}")
    page = signed_in_client(world.coordinator).get(reverse("hate_crime:report_detail", args=[report.public_id]))
    assert ">ISA-WORLD</a>" in page.content.decode()


# -- Operation Encompass ------------------------------------------------------------------------------------


def _call_out_with_a_child_at_school(world: World):  # noqa: ANN202
    officer = actor_for_user(world.practitioner_b)  # the police record the call-out
    case = do_create_case(acting=officer, kind="domestic_abuse", title="DA case", lead_agency=world.police)
    child = add_person(case, world.practitioner_b, "Charlie", "child")
    school = School.objects.create(name="Test Primary", key_adult_email="dsl@school.test")
    safeguarding.do_set_child_school(case=case, child=child, school=school, acting=officer)
    return case, officer


def test_encompass_needs_an_agreement_the_police_force_has_signed(world: World) -> None:
    world_agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    world_agreement.ends_on = timezone.localdate()
    world_agreement.save()
    case, officer = _call_out_with_a_child_at_school(world)
    # The call-out is the police's own record and is kept; the schools are not told, and that is audited.
    incident = safeguarding.do_record_police_attendance(
        case=case, occurred_at=timezone.now(), description="Call-out", location_text="", acting=officer
    )
    assert incident.encompass_withheld and Incident.objects.filter(cases=case).count() == 1
    assert not EncompassNotification.objects.exists()
    withheld = AuditEvent.objects.get(action="update", object_type="core.incident", object_id=str(incident.pk))
    assert withheld.reason == f"Encompass withheld: no sharing agreement signed by agency {world.police.pk}"

    encompass = make_sharing_agreement(world.police, world.council, purposes=[SharingPurpose.ENCOMPASS])
    safeguarding.do_record_police_attendance(
        case=case, occurred_at=timezone.now(), description="Call-out", location_text="", acting=officer
    )
    notification = EncompassNotification.objects.get()
    share = AuditEvent.objects.get(action="share", object_type="domestic_abuse.encompassnotification")
    assert share.reason == f"Encompass to school {notification.school_id}, sharing agreement {encompass.pk}"


def test_the_officer_is_told_when_schools_were_not_notified(world: World) -> None:
    SharingAgreement.objects.filter(reference="ISA-WORLD").update(ends_on=timezone.localdate())
    case, _ = _call_out_with_a_child_at_school(world)
    client = signed_in_client(world.practitioner_b)
    url = reverse("domestic_abuse:attendance_new", args=[case.reference])
    form = {"occurred_at": "2026-03-13 21:00", "location_text": "Workington", "description": "Call-out"}
    page = client.post(url, form, follow=True).content.decode()
    assert "Call-out recorded" in page and "Schools have NOT been notified" in page
    assert not EncompassNotification.objects.exists()

    make_sharing_agreement(world.police, world.council, purposes=[SharingPurpose.ENCOMPASS])
    page = client.post(url, form, follow=True).content.decode()
    assert "The schools of 1 child on the case have been notified" in page
    assert "Schools have NOT been notified" not in page
    assert EncompassNotification.objects.count() == 1
