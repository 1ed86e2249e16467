"""Tension reports, area levels with history, the weekly assessment, figures and the rumour register."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.policy import actor_for_user
from audit.models import AuditEvent
from conftest import World, signed_in_client
from core.actions import do_record_incident
from tension import actions, queries
from tension.models import AreaLevelChange, Rumour, RumourStatus, TensionReport


def test_level_history_keeps_every_assessment_with_who_and_why(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    actions.do_set_area_level(area=tension.other, level="moderate", reason="Graffiti near the mosque",
                              acting=coordinator)
    actions.do_set_area_level(area=tension.other, level="moderate", reason="Weekly review: no change",
                              acting=coordinator)
    actions.do_set_area_level(area=tension.other, level="low", reason="Graffiti removed, no new reports",
                              acting=coordinator)
    tension.other.refresh_from_db()
    history = list(tension.other.level_changes.order_by("set_at", "id"))
    assert [(c.previous_level, c.level) for c in history] == [("normal", "moderate"), ("moderate", "moderate"),
                                                                ("moderate", "low")]
    assert history[0].set_by == world.coordinator and history[0].reason == "Graffiti near the mosque"
    assert tension.other.current_level == "low"
    # Reasons are free text about communities: kept in the history, never in the audit trail.
    assert not AuditEvent.objects.filter(reason__icontains="mosque").exists()


def test_a_level_off_the_scale_or_without_a_reason_is_refused(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    for level, reason in (("amber", "x"), ("low", "  ")):
        with pytest.raises(ValidationError):
            actions.do_set_area_level(area=tension.other, level=level, reason=reason, acting=coordinator)
    assert not AreaLevelChange.objects.filter(area=tension.other).exists()


def test_level_form_shows_errors_and_saves_nothing(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:area_set_level", args=[tension.other.public_id])
    response = signed_in_client(world.coordinator).post(url, {"level": "purple"})
    body = response.content.decode()
    assert "govuk-error-summary" in body and "Give the reason for the level" in body
    assert not tension.other.level_changes.exists()


def test_report_form_warns_and_refuses_personal_data(world: World, tension) -> None:  # noqa: ANN001
    client = signed_in_client(world.outsider)
    page = client.get(reverse("tension:report_create")).content.decode()
    assert "private individuals" in page
    before = TensionReport.objects.count()
    response = client.post(reverse("tension:report_create"), {
        "area": tension.town.pk, "observed_on": timezone.localdate().isoformat(), "indicators": ["gatherings"],
        "summary": "The organiser lives at 14 Finkle Street, call 07700 900456", "sources": "Resident",
        "grade": "experienced", "confidence": "low", "judged_level": "moderate", "latitude": "54.6"})
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "a mobile phone number" in body and "a house number and street" in body
    assert "Enter both latitude and longitude, or neither" in body
    assert TensionReport.objects.count() == before


def test_report_form_empty_shows_every_error(world: World, tension) -> None:  # noqa: ANN001
    response = signed_in_client(world.practitioner_a).post(reverse("tension:report_create"), {})
    body = response.content.decode()
    for message in ("Select the area", "Select at least one indicator", "Describe what you observed",
                    "Enter where the information came from", "Select how you know", "Select how confident you are",
                    "Select the level of tension you judge"):
        assert message in body


def test_report_is_sent_linked_to_a_claim_and_audited(world: World, tension) -> None:  # noqa: ANN001
    response = signed_in_client(world.outsider).post(reverse("tension:report_create"), {
        "area": tension.town.pk, "observed_on": timezone.localdate().isoformat(),
        "indicators": ["graffiti_leaflets", "national_triggers"], "summary": "Stickers on lamp posts near the hotel",
        "sources": "Fire crew on patrol", "grade": "evidenced", "confidence": "high", "judged_level": "elevated",
        "rumours": [tension.rumour.pk], "latitude": "54.644", "longitude": "-3.549"})
    assert response.status_code == 302
    report = TensionReport.objects.latest("submitted_at")
    assert report.submitted_agency == world.fire and report.latitude == Decimal("54.644000")
    assert list(report.rumours.all()) == [tension.rumour]
    assert AuditEvent.objects.filter(action="create", object_type="tension.tensionreport",
                                     object_id=str(report.pk)).exists()
    signed_in_client(world.idva).get(reverse("tension:report_detail", args=[report.public_id]))
    assert AuditEvent.objects.filter(action="view", object_type="tension.tensionreport").exists()


def test_coordinator_reviews_a_report_before_it_is_shared(world: World, tension) -> None:  # noqa: ANN001
    url = reverse("tension:report_review", args=[tension.report.public_id])
    signed_in_client(world.coordinator).post(url, {"decision": "cleared"})
    tension.report.refresh_from_db()
    assert tension.report.sharing == "cleared" and tension.report.reviewed_by == world.coordinator


def test_weekly_assessment_shows_level_trend_reports_and_incidents_beside(world: World, tension) -> None:  # noqa: ANN001
    practitioner = actor_for_user(world.practitioner_b)
    now = timezone.now()
    for category, where in (("hate", "On or near Finkle Street, Workington"), ("asb_nuisance", "Harrington Road"),
                            ("asb_personal", "Main Street, Keswick"), ("drugs", "Workington")):
        do_record_incident(acting=practitioner, occurred_at=now - timedelta(minutes=5), category=category,
                           description="x", source_agency=world.police, location_text=where)
    rows = {row.area.name: row for row in queries.weekly_assessment(timezone.localdate())}
    town = rows["Workington"]
    assert (town.level_at_end, town.trend, town.consider_declaring) == ("high", "rising", True)
    assert town.reports == [tension.report] and town.highest_judged == "elevated"
    assert (town.hate_count, town.asb_count) == (1, 1)
    assert (rows["Keswick"].hate_count, rows["Keswick"].asb_count, rows["Keswick"].trend) == (0, 1, "steady")
    page = signed_in_client(world.practitioner_a).get(reverse("tension:home")).content.decode()
    assert "Workington" in page and "Consider declaring" not in page  # only the coordinator is prompted
    assert "Consider declaring" in signed_in_client(world.coordinator).get(reverse("tension:home")).content.decode()


def test_weekly_assessment_of_an_earlier_week(world: World, tension) -> None:  # noqa: ANN001
    last_week = (timezone.localdate() - timedelta(days=7)).strftime("%G-W%V")
    page = signed_in_client(world.coordinator).get(reverse("tension:home"), {"week": last_week})
    assert page.status_code == 200
    assert queries.parse_week("nonsense", timezone.localdate()).weekday() == 0


def test_figures_suppress_small_numbers(world: World, tension) -> None:  # noqa: ANN001
    page = signed_in_client(world.analyst).get(reverse("tension:figures")).content.decode()
    assert "fewer than 5" in page
    assert "Claim that the attacker" not in page and "Workington" not in page


# --- The rumour register --------------------------------------------------------------------------------


def test_register_lifecycle_from_monitoring_to_countering_to_subsided(world: World, tension) -> None:  # noqa: ANN001
    coordinator, partner = actor_for_user(world.coordinator), actor_for_user(world.practitioner_b)
    rumour = tension.rumour
    with pytest.raises(ValidationError, match="verified facts"):
        actions.do_change_rumour_status(rumour=rumour, status="countering", note="go", acting=partner)
    actions.do_update_rumour(rumour=rumour, acting=partner, changes={
        "verified_facts": "The attacker did not live locally", "verified_by": "Police press office",
        "counter_message": "Police have confirmed the person arrested does not live in our area.",
        "internal_notes": "Accounts spreading it are linked to a national group"})
    with pytest.raises(ValidationError, match="reviewed"):
        actions.do_change_rumour_status(rumour=rumour, status="countering", note="go", acting=partner)
    actions.do_approve_counter_message(rumour=rumour, acting=coordinator)
    actions.do_change_rumour_status(rumour=rumour, status="countering", note="Publishing now", acting=partner)
    with pytest.raises(ValidationError):  # the published message is frozen while countering
        actions.do_update_rumour(rumour=rumour, acting=partner, changes={"counter_message": "Changed"})
    rumour.refresh_from_db()
    actions.do_change_rumour_status(rumour=rumour, status="subsided", note="No new posts", acting=coordinator)
    rumour.refresh_from_db()
    assert (rumour.status, rumour.trend) == (RumourStatus.SUBSIDED, "falling")
    assert [u.status for u in rumour.updates.order_by("at", "id")] == [
        "monitoring", "monitoring", "monitoring", "countering", "subsided"]


def test_changing_the_counter_message_needs_a_new_review(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    actions.do_update_rumour(rumour=tension.rumour, acting=coordinator, changes={"counter_message": "The facts."})
    actions.do_approve_counter_message(rumour=tension.rumour, acting=coordinator)
    actions.do_update_rumour(rumour=tension.rumour, acting=coordinator, changes={"counter_message": "New facts."})
    assert not tension.rumour.counter_message_approved


def test_counter_message_with_personal_data_cannot_be_approved(world: World, tension) -> None:  # noqa: ANN001
    tension.rumour.counter_message = "Contact jo@example.com"
    tension.rumour.save()
    response = signed_in_client(world.coordinator).post(
        reverse("tension:rumour_approve", args=[tension.rumour.public_id]))
    assert "an email address" in response.content.decode()
    tension.rumour.refresh_from_db()
    assert not tension.rumour.counter_message_approved


def test_community_message_and_internal_notes_are_shown_apart(world: World, tension) -> None:  # noqa: ANN001
    tension.rumour.counter_message, tension.rumour.internal_notes = "Public text", "Secret source"
    tension.rumour.save()
    page = signed_in_client(world.practitioner_a).get(
        reverse("tension:rumour_detail", args=[tension.rumour.public_id])).content.decode()
    community = page.index("For the community")
    internal = page.index("Internal notes")
    assert community < page.index("Public text") < internal < page.index("Secret source")
    assert "Not reviewed: do not publish" in page


def test_spreading_now_lists_rising_claims_not_subsided_ones(world: World, tension) -> None:  # noqa: ANN001
    coordinator = actor_for_user(world.coordinator)
    old = actions.do_record_rumour(acting=coordinator, claim="Old claim about the carnival",
                                   first_seen_at=timezone.now() - timedelta(days=30), first_seen_where="Leaflet",
                                   platforms=["leaflets"], estimated_reach=50, trend="falling", risk="low")
    spreading = queries.spreading_now(timezone.now())
    assert tension.rumour in spreading and old not in spreading
    page = signed_in_client(world.practitioner_b).get(reverse("tension:spreading")).content.decode()
    assert "Claim that the attacker" in page and "Old claim" not in page


def test_rumour_form_bad_input_saves_nothing(world: World, tension) -> None:  # noqa: ANN001
    before = Rumour.objects.count()
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = signed_in_client(world.practitioner_a).post(reverse("tension:rumour_create"), {
        "first_seen_at": future, "estimated_reach": "lots", "counter_message": "ring 07700 900999"})
    body = response.content.decode()
    for message in ("Enter the claim", "Enter where the claim was first seen", "Select at least one platform",
                    "Enter the reach as a whole number", "Select the risk the claim poses",
                    "The date must be today or in the past", "a mobile phone number"):
        assert message in body, message
    assert Rumour.objects.count() == before


def test_rumour_form_records_a_claim_with_links(world: World, tension) -> None:  # noqa: ANN001
    response = signed_in_client(world.practitioner_a).post(reverse("tension:rumour_create"), {
        "claim": "Claim that the council is closing the mosque", "first_seen_at": "2026-01-01T09:00",
        "first_seen_where": "Community WhatsApp group", "platforms": ["whatsapp"], "estimated_reach": "300",
        "trend": "rising", "risk": "medium", "reports": [tension.report.pk], "incidents": [tension.incident.pk]})
    assert response.status_code == 302
    rumour = Rumour.objects.get(claim__startswith="Claim that the council")
    assert list(rumour.reports.all()) == [tension.report] and list(rumour.incidents.all()) == [tension.incident]
    assert rumour.last_seen_at == rumour.first_seen_at
