"""Declaring, escalating and standing down: the alerts (one per partner, retried until delivered), the
timeline with who and why, actions due in hours, and the situation report's content as HTML and PDF."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from access.testing import make_sharing_agreement
from audit.models import AuditEvent
from conftest import World, signed_in_client
from intake import outbox
from intake.models import DeliveryState, OutboundMessage
from partnership.models import Agency
from tension import actions
from tension.actions.incidents import ALERT_PURPOSE
from tension.models import IncidentStatus, TimelineKind


def alerts() -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(purpose=ALERT_PURPOSE).order_by("pk"))


def test_declaring_alerts_each_partner_once_and_sets_up_the_case(world: World, tension) -> None:  # noqa: ANN001
    incident = tension.incident
    assert [m.to for m in alerts()] == ["duty@police.test"]
    assert "declared" in alerts()[0].subject and incident.reference in alerts()[0].subject
    assert incident.case.kind == "tension" and incident.reference.startswith("CT-")
    assert incident.case.team.filter(agency=world.police).exists()
    tension.town.refresh_from_db()
    assert tension.town.current_level == "high"  # the area's level follows the declaration
    declared = incident.timeline.get(kind=TimelineKind.DECLARED)
    assert declared.by == world.coordinator and declared.reason == "Reports and online calls to gather"


def test_escalating_alerts_every_partner_once_even_with_two_contacts_and_a_partner_without_email(
        world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    make_sharing_agreement(world.council, world.fire)  # fire joins the incident's team under an agreement
    actions.do_add_partner_contact(incident=tension.incident, agency=world.fire, role="Fire liaison",
                                   email="ops@fire.test", acting=coordinator)
    actions.do_add_partner_contact(incident=tension.incident, agency=world.charity, role="Community support",
                                   acting=coordinator)  # no address: shown as "phone them"
    before = len(alerts())
    actions.do_escalate_incident(incident=tension.incident, level="critical", reason="Crowd gathering",
                                 acting=coordinator)
    sent = alerts()[before:]
    assert sorted(m.to for m in sent) == ["duty@police.test", "ops@fire.test"]
    assert all("escalated" in m.subject for m in sent)
    assert tension.incident.timeline.filter(kind=TimelineKind.ESCALATED, reason="Crowd gathering").exists()


def test_escalating_to_a_lower_level_is_refused_and_alerts_nobody(world: World, tension) -> None:  # noqa: ANN001
    before = len(alerts())
    with pytest.raises(ValidationError):
        actions.do_escalate_incident(incident=tension.incident, level="moderate", reason="x",
                                     acting=actor_for_user(world.coordinator))
    tension.incident.refresh_from_db()
    assert tension.incident.level == "high" and len(alerts()) == before


def test_alerts_are_retried_until_delivered(world: World, tension, monkeypatch) -> None:  # noqa: ANN001
    message = alerts()[0]
    calls = {"n": 0}
    real_send = outbox.send_now

    def flaky(msg: OutboundMessage) -> None:
        calls["n"] += 1
        if calls["n"] < 3:
            raise ConnectionError("mail server down")
        real_send(msg)

    monkeypatch.setattr(outbox, "send_now", flaky)
    for expected in (DeliveryState.RETRYING, DeliveryState.RETRYING, DeliveryState.SENT):
        outbox.deliver_message.call(message.pk)
        message.refresh_from_db()
        assert message.state == expected
    assert message.attempts == 3
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["duty@police.test"]


def test_standing_down_alerts_partners_closes_the_case_and_cannot_be_repeated(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    actions.do_stand_down_incident(incident=tension.incident, reason="Protest passed peacefully", acting=coordinator)
    tension.incident.refresh_from_db()
    assert tension.incident.status == IncidentStatus.STOOD_DOWN
    assert tension.incident.case.status == "closed"
    assert "stood down" in alerts()[-1].subject
    with pytest.raises(ValidationError):
        actions.do_stand_down_incident(incident=tension.incident, reason="again", acting=coordinator)


def test_actions_are_due_in_hours(world: World, tension) -> None:  # noqa: ANN001
    action = tension.police_action
    assert timedelta(hours=3, minutes=59) < action.due_at - action.created_at <= timedelta(hours=4, seconds=5)


def test_partner_completes_their_own_action(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:complete_action", args=[tension.incident.reference, tension.police_action.pk])
    response = signed_in_client(world.practitioner_b).post(url, {"outcome": "Two patrols posted"})
    assert response.status_code == 302
    tension.police_action.refresh_from_db()
    assert tension.police_action.status == "done"


def test_sitrep_holds_what_partners_need(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    tension.rumour.incidents.add(tension.incident)
    sitrep = actions.do_issue_sitrep(incident=tension.incident, acting=coordinator, next_review_hours=6)
    html = sitrep.html
    for expected in ("Situation report 1", tension.incident.reference, "Workington", "5 High",
                     "Protest planned after national incident", "Residents of the hotel afraid to go out",
                     "Claim that the attacker was housed at the local hotel", "Patrol plan for the hotel",
                     "Test Police", "Next review"):
        assert expected in html, expected
    review = timezone.localtime(tension.incident.next_review_at)
    tension.incident.refresh_from_db()
    assert tension.incident.next_review_at < review  # brought forward from 12 to 6 hours
    assert actions.do_issue_sitrep(incident=tension.incident, acting=coordinator).number == 2


def test_an_issued_sitrep_does_not_change_afterwards(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    sitrep = actions.do_issue_sitrep(incident=tension.incident, acting=coordinator)
    actions.do_escalate_incident(incident=tension.incident, level="critical", reason="x", acting=coordinator)
    page = signed_in_client(world.practitioner_b).get(
        reverse("tension:sitrep_detail", args=[tension.incident.reference, sitrep.number]))
    assert "5 High" in page.content.decode() and "6 Critical" not in page.content.decode()


def test_sitrep_pdf_is_a_pdf_and_the_export_is_audited(world: World, tension) -> None:  # noqa: ANN001
    actions.do_issue_sitrep(incident=tension.incident, acting=actor_for_user(world.coordinator))
    response = signed_in_client(world.practitioner_b).get(
        reverse("tension:sitrep_pdf", args=[tension.incident.reference, 1]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="export", object_type="tension.situationreport").exists()


def test_declare_form_with_bad_input_saves_nothing(world: World, tension) -> None:  # noqa: ANN001
    from tension.models import HighTensionIncident

    before = (HighTensionIncident.objects.count(), OutboundMessage.objects.count())
    response = signed_in_client(world.coordinator).post(reverse("tension:incident_declare"), {
        "area": tension.other.pk, "level": "loud", "what_happened": "Call 07700 900123", "review_hours": "0"})
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Give the reason for declaring" in body and "Enter at least 1 hour" in body
    assert "Remove a mobile phone number" in body
    assert (HighTensionIncident.objects.count(), OutboundMessage.objects.count()) == before


def test_declare_form_happy_path(world: World, tension) -> None:  # noqa: ANN001
    response = signed_in_client(world.coordinator).post(reverse("tension:incident_declare"), {
        "area": tension.other.pk, "level": "high", "what_happened": "Leaflets and a planned march",
        "reason": "Several partner reports", "partners": [world.police.pk], "review_hours": "24"})
    assert response.status_code == 302
    assert tension.other.incidents.count() == 1


def test_decision_needs_a_reason(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:add_timeline_entry", args=[tension.incident.reference])
    count = tension.incident.timeline.count()
    response = signed_in_client(world.practitioner_a).post(url, {
        "kind": "decision", "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "text": "Open a hub"})
    assert "Give the reason for the decision" in response.content.decode()
    assert tension.incident.timeline.count() == count


def test_duplicate_partner_on_call_list_is_an_error(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:add_partner", args=[tension.incident.reference])
    response = signed_in_client(world.coordinator).post(url, {"agency": world.police.pk, "role": "Gold"})
    assert "already on the call list" in response.content.decode()
    assert tension.incident.call_list.count() == 1


def test_action_form_refuses_hours_out_of_range(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:add_action", args=[tension.incident.reference])
    count = tension.incident.actions.count()
    response = signed_in_client(world.coordinator).post(url, {"title": "x", "owner_agency": world.police.pk,
                                                              "due_in_hours": "9999"})
    assert "Enter no more than 336 hours" in response.content.decode()
    assert tension.incident.actions.count() == count
    assert Agency.objects.count() == 5


def test_overdue_response_actions_are_on_the_owning_agencys_dashboard(world: World, tension) -> None:  # noqa: ANN001
    action = tension.police_action
    dashboard = reverse("core:dashboard")
    assert "Patrol plan for the hotel" not in signed_in_client(world.practitioner_b).get(dashboard).content.decode()
    action.due_at = timezone.now() - timedelta(hours=2)  # due in hours: overdue the same day
    action.save(update_fields=["due_at"])
    html = signed_in_client(world.practitioner_b).get(dashboard).content.decode()  # police, on the incident team
    assert "Patrol plan for the hotel" in html and tension.incident.reference in html and "Overdue" in html
    assert tension.incident.get_absolute_url() in html
    # Another agency's staff, and the police once it is done, do not see it.
    assert "Patrol plan for the hotel" not in signed_in_client(world.outsider).get(dashboard).content.decode()
    actions.do_complete_response_action(action=action, outcome="Patrols in place",
                                        acting=actor_for_user(world.practitioner_b))
    assert "Patrol plan for the hotel" not in signed_in_client(world.practitioner_b).get(dashboard).content.decode()
