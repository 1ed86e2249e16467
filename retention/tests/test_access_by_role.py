"""Every retention URL, walked as every persona, answers as the access policy says; the forms refuse bad
input with a message in the error summary and save nothing."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from audit.models import AuditEvent
from conftest import World, signed_in_client
from retention.actions import do_place_legal_hold
from retention.models import LegalHold, RetentionRule

URLS = {
    "retention:overview": "manage_retention",
    "retention:holds": "manage_legal_holds",
    "retention:hold_place": "manage_legal_holds",
    "retention:hold_lift": "manage_legal_holds",
}
URL_NAMES_TESTED = set(URLS)


@pytest.fixture
def hold(world: World) -> LegalHold:
    return do_place_legal_hold(
        obj=world.case_b, reason="Inquest", label=world.case_b.reference, acting=actor_for_user(world.coordinator)
    )


def url_for(name: str, hold: LegalHold) -> str:
    return reverse(name, kwargs={"hold_id": hold.pk} if name == "retention:hold_lift" else {})


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_retention_url_answers_as_the_policy_says(persona: str, world: World, hold: LegalHold) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    for name, capability in URLS.items():
        allowed = user is not None and can(actor_for_user(user), capability)
        response = client.get(url_for(name, hold))
        assert_answer(response, signed_in=user is not None, allowed=allowed, where=f"{persona} {name}")


def test_only_administrators_manage_the_schedule_and_coordinators_also_place_holds(world: World) -> None:
    allowed = {
        persona
        for persona in PERSONAS[1:]
        if can(actor_for_user(world.users_by_persona()[persona]), "manage_retention")
    }
    assert allowed == {"administrator"}
    allowed = {
        persona
        for persona in PERSONAS[1:]
        if can(actor_for_user(world.users_by_persona()[persona]), "manage_legal_holds")
    }
    assert allowed == {"administrator", "coordinator"}


def test_an_unknown_or_lifted_hold_is_not_found(world: World, hold: LegalHold) -> None:
    client = signed_in_client(world.coordinator)
    assert client.get(reverse("retention:hold_lift", kwargs={"hold_id": hold.pk + 100})).status_code == 404
    client.post(url_for("retention:hold_lift", hold), {"reason": "Inquest closed"})
    assert client.get(url_for("retention:hold_lift", hold)).status_code == 404


def test_the_overview_shows_counts_and_no_case_content(world: World) -> None:
    page = signed_in_client(world.administrator).get(reverse("retention:overview")).content.decode()
    assert "Retention schedule" in page and "Closed case: Antisocial behaviour" in page
    assert world.case_a.title not in page and "Victimson" not in page


def test_a_coordinator_places_and_lifts_a_hold_by_case_reference(world: World) -> None:
    client = signed_in_client(world.coordinator)
    response = client.post(
        reverse("retention:hold_place"), {"reference": world.case_a.reference.lower(), "reason": "Civil claim 2026/17"}
    )
    assert response.status_code == 302
    hold = LegalHold.objects.get(lifted_at__isnull=True, object_id=world.case_a.pk)
    assert hold.label == world.case_a.reference and hold.placed_by == world.coordinator
    assert world.case_a.reference in client.get(reverse("retention:holds")).content.decode()
    assert client.post(url_for("retention:hold_lift", hold), {"reason": "Settled"}).status_code == 302
    hold.refresh_from_db()
    assert hold.lifted_at is not None and hold.lifted_by == world.coordinator and hold.lift_reason == "Settled"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"reference": "", "reason": "Claim"}, "Enter the reference of the case or report to hold"),
        ({"reference": "ASB-1999-99999", "reason": "Claim"}, "No case or report has that reference"),
        ({"reference": "CASE", "reason": ""}, "Enter why the record must be kept"),
    ],
)
def test_placing_a_hold_with_bad_input_explains_and_saves_nothing(world: World, data: dict, message: str) -> None:
    if data["reference"] == "CASE":
        data = {**data, "reference": world.case_a.reference}
    events = AuditEvent.objects.count()
    response = signed_in_client(world.coordinator).post(reverse("retention:hold_place"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page and message in page
    assert not LegalHold.objects.exists() and AuditEvent.objects.count() == events


def test_a_second_hold_on_the_same_record_is_refused(world: World, hold: LegalHold) -> None:
    response = signed_in_client(world.coordinator).post(
        reverse("retention:hold_place"), {"reference": world.case_b.reference, "reason": "Another claim"}
    )
    assert "This record is already under a legal hold" in response.content.decode()
    assert LegalHold.objects.count() == 1


def test_lifting_a_hold_without_a_reason_is_refused(world: World, hold: LegalHold) -> None:
    response = signed_in_client(world.coordinator).post(url_for("retention:hold_lift", hold), {"reason": ""})
    assert "Enter why the hold can be lifted" in response.content.decode()
    hold.refresh_from_db()
    assert hold.lifted_at is None


@pytest.mark.parametrize(
    ("on", "message"), [("2026-02-30", "Enter a real date"), ("2001-01-01", "Enter today or a date in the future")]
)
def test_the_dry_run_date_with_bad_input_explains(world: World, on: str, message: str) -> None:
    page = signed_in_client(world.administrator).get(reverse("retention:overview"), {"on": on}).content.decode()
    assert "govuk-error-summary" in page and message in page


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"record_type": "no.such"}, "Select a valid choice"),
        ({"record_type": "core.attachment", "action": "anonymise"}, "This record type can only be deleted"),
        ({"record_type": "vawg.unsafeplacereport", "trigger": "closure"}, "cannot be counted from that date"),
        ({"period_months": "0"}, "Keep records for at least 1 month"),
    ],
)
def test_a_rule_with_bad_input_is_refused_in_the_admin(world: World, changes: dict, field_error: str) -> None:
    RetentionRule.objects.all().delete()
    data = {
        "record_type": "case.asb",
        "trigger": "closure",
        "period_months": "72",
        "action": "delete",
        "notes": "",
        "active": "on",
        **changes,
    }
    response = signed_in_client(world.administrator).post(reverse("admin:retention_retentionrule_add"), data)
    assert response.status_code == 200 and field_error in response.content.decode()
    assert not RetentionRule.objects.exists()


def test_an_administrator_adds_a_rule_in_the_admin_and_it_is_audited(world: World) -> None:
    RetentionRule.objects.all().delete()
    data = {
        "record_type": "case.asb",
        "trigger": "closure",
        "period_months": "72",
        "action": "delete",
        "notes": "MoPI",
        "active": "on",
    }
    response = signed_in_client(world.administrator).post(reverse("admin:retention_retentionrule_add"), data)
    assert response.status_code == 302
    made = RetentionRule.objects.get()
    assert AuditEvent.objects.filter(
        object_type="retention.retentionrule", object_id=str(made.pk), action="create"
    ).exists()
