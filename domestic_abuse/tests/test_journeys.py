"""Behaviour through the pages: writes, outbox, audit, bad input, and MARAC kept from non-members."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import signed_in_client
from core.models import Case
from domestic_abuse.models import DashAssessment, EncompassStatus, SelfReferral
from domestic_abuse.safeguarding_actions import escalate_overdue_encompass
from domestic_abuse.tests.fixtures import DaWorld
from intake.models import OutboundMessage
from partnership.models import ApiKey


def test_dash_with_missing_answers_shows_errors_and_saves_nothing(da: DaWorld) -> None:
    before = DashAssessment.objects.count()
    client = signed_in_client(da.world.practitioner_a)
    response = client.post(reverse("domestic_abuse:dash_new", args=[da.case.reference]),
                           {"victim": da.victim.pk, "q1": "yes", "professional_judgement": "on"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert b"Answer question 2" in response.content
    assert b"Give the reason for your professional judgement" in response.content
    assert DashAssessment.objects.count() == before


def test_completing_a_high_dash_proposes_a_referral_and_sets_risk(da: DaWorld) -> None:
    da.case.refresh_from_db()
    assert da.case.risk_level == "high"
    assert da.assessment.criteria == ["visible_high_risk"]
    assert da.referral.marac_case is not None and da.referral.marac_case.kind == "marac"
    assert OutboundMessage.objects.filter(purpose="marac_referral").exists()
    body = OutboundMessage.objects.get(purpose="marac_referral").body
    assert "Vicky" not in body  # the coordinator's email carries the reference only


def test_encompass_notification_queued_and_escalated(da: DaWorld) -> None:
    message = da.notification.message
    assert message.to == "dsl@school.test" and "Charlie" in message.body
    assert "Perry" not in message.body and "Call-out" not in message.body  # only what the school needs
    assert timezone.localtime(da.notification.due_at).strftime("%a %H:%M") == "Mon 08:30"  # Friday night call-out
    assert escalate_overdue_encompass(da.notification.due_at + timedelta(minutes=1)) == 1
    da.notification.refresh_from_db()
    assert da.notification.status == EncompassStatus.ESCALATED
    assert OutboundMessage.objects.filter(purpose="encompass_escalation").count() == 1


def test_school_acknowledges_without_signing_in(da: DaWorld, client) -> None:  # noqa: ANN001
    url = reverse("domestic_abuse:encompass_acknowledge", args=[da.notification.public_id])
    assert client.post(url).status_code == 200
    da.notification.refresh_from_db()
    assert da.notification.status == EncompassStatus.ACKNOWLEDGED


def test_self_referral_flow_routes_to_the_service(da: DaWorld, client) -> None:  # noqa: ANN001
    base = "domestic_abuse:self_referral:question"
    client.post(reverse(base, args=["service"]), {"service": da.service.pk})
    response = client.post(reverse(base, args=["contact"]), {"contact_method": "email", "contact_detail": "nope"})
    assert b"Enter an email address" in response.content and b"govuk-error-summary" in response.content
    client.post(reverse(base, args=["name"]), {"name": "Ash"})
    client.post(reverse(base, args=["contact"]), {"contact_method": "phone", "contact_detail": "07700 900982"})
    client.post(reverse(base, args=["safety"]), {"leave_message": "no"})
    client.post(reverse(base, args=["message"]), {"message": ""})
    check = client.get(reverse("domestic_abuse:self_referral:check"))
    assert b"Exit this page" in check.content
    token = check.context["form"].initial["token"]
    client.post(reverse("domestic_abuse:self_referral:check"), {"token": token})
    referral = SelfReferral.objects.get(name="Ash")
    email = OutboundMessage.objects.get(purpose="da_self_referral")
    assert email.to == "referrals@idva.test" and "do not leave a message" in email.body
    assert not hasattr(referral, "ip_address")


def test_non_marac_practitioner_cannot_see_marac_case_anywhere(da: DaWorld) -> None:
    marac: Case = da.referral.marac_case
    outsider = da.world.outsider  # fire practitioner, no MARAC seat
    client = signed_in_client(outsider)
    for url in (reverse("core:case_detail", args=[marac.reference]),
                reverse("domestic_abuse:case", args=[marac.reference]),
                reverse("domestic_abuse:meeting_detail", args=[da.meeting.pk]),
                reverse("domestic_abuse:agenda_export", args=[da.meeting.pk]),
                reverse("domestic_abuse:marac_home"), reverse("domestic_abuse:marac_actions")):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert marac.reference.encode() not in response.content
    for url in (reverse("core:case_list"), reverse("domestic_abuse:home"), reverse("domestic_abuse:perpetrators"),
                reverse("domestic_abuse:encompass")):
        assert marac.reference.encode() not in client.get(url).content, url
    for query in (marac.reference, "Vicky"):  # the page echoes the query, so look at the results
        assert client.post(reverse("core:search"), {"q": query}).context["results"] == []
    _key, plain = ApiKey.issue(agency=da.world.fire, name="Fire system", created_by=None)
    api = client.get("/api/v1/cases", headers={"Authorization": f"Bearer {plain}"})
    assert marac.reference not in api.content.decode()
    one = client.get(f"/api/v1/cases/{marac.reference}", headers={"Authorization": f"Bearer {plain}"})
    assert one.status_code == 404


def test_marac_meeting_marks_repeats_and_records_research(da: DaWorld) -> None:
    police = signed_in_client(da.world.practitioner_b)
    url = reverse("domestic_abuse:research", args=[da.meeting.pk, da.item.pk])
    bad = police.post(url, {"holds_information": "yes", "summary": ""})
    assert b"Say what your agency holds" in bad.content
    police.post(url, {"holds_information": "yes", "summary": "Two call-outs"})
    page = police.get(reverse("domestic_abuse:meeting_detail", args=[da.meeting.pk]))
    assert b"Two call-outs" in page.content and b"Research from each agency is due by" in page.content
    assert AuditEvent.objects.filter(object_type="domestic_abuse.maracresearch").exists()


def test_figures_suppress_small_numbers(da: DaWorld) -> None:
    page = signed_in_client(da.world.analyst).get(reverse("domestic_abuse:figures"))
    assert b"fewer than 5" in page.content
    assert b"Vicky" not in page.content


def test_perpetrator_priority_lists_the_case_perpetrator(da: DaWorld) -> None:
    page = signed_in_client(da.world.practitioner_a).get(reverse("domestic_abuse:perpetrators"))
    assert b"Perry" in page.content
    assert datetime  # imported for readers of the fixture's times
