"""The case screens as staff use them: creating, reading, adding to and searching cases."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from access.models import BreakGlassGrant
from audit.chain import verify_chain
from audit.models import AuditAction, AuditEvent
from conftest import World, signed_in_client
from core.models import Action, Attachment, Case, CaseTeamMember, Incident, Note, Person

pytestmark = pytest.mark.django_db


def error_summary(response) -> str:  # noqa: ANN001
    html = response.content.decode()
    assert "govuk-error-summary" in html, "expected the GOV.UK error summary"
    return html


def test_opening_a_case_gives_a_reference_and_puts_the_creator_on_the_team(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    response = client.post(reverse("core:case_create"), {
        "kind": "asb", "title": "Repeated noise at a block of flats", "lead_agency": world.council.pk,
        "risk_level": "standard",
    })
    case = Case.objects.get(title="Repeated noise at a block of flats")
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    assert re.fullmatch(rf"ASB-{timezone.localdate().year}-\d{{5}}", case.reference)
    assert set(case.team.values_list("agency_id", "user_id")) == {(world.council.pk, None),
                                                                   (None, world.practitioner_a.pk)}
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_type="core.case",
                                     object_id=str(case.pk)).exists()


@pytest.mark.parametrize("bad", [
    {"kind": "", "title": "x", "lead_agency": "1"},
    {"kind": "asb", "title": "", "lead_agency": "1"},
    {"kind": "not-a-kind", "title": "x", "lead_agency": "1"},
    {"kind": "asb", "title": "x", "lead_agency": "999999"},
])
def test_opening_a_case_with_bad_input_saves_nothing(world: World, bad: dict) -> None:
    before = Case.objects.count()
    response = signed_in_client(world.practitioner_a).post(reverse("core:case_create"),
                                                           {"risk_level": "standard", **bad})
    assert response.status_code == 200
    error_summary(response)
    assert Case.objects.count() == before


def test_reading_a_case_is_audited_and_shown_in_its_access_log(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    response = client.get(world.case_a.get_absolute_url())
    assert response.status_code == 200
    event = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(world.case_a.pk)).latest("sequence")
    assert event.actor_id == world.practitioner_a.pk and event.agency_label == "Test Council"
    assert "Who has accessed this case" in response.content.decode()
    assert verify_chain() is None


def test_unknown_and_invisible_cases_look_the_same(world: World) -> None:
    client = signed_in_client(world.practitioner_b)
    unknown = client.get(reverse("core:case_detail", args=["ASB-2026-99999"]))
    invisible = client.get(world.case_a.get_absolute_url())
    assert unknown.status_code == invisible.status_code == 404
    def without_nonces(html: bytes) -> bytes:
        return re.sub(rb'(nonce|value)="[^"]*"', b"", html)  # per-response CSP nonce and CSRF token

    assert without_nonces(unknown.content) == without_nonces(invisible.content)


def test_sensitive_fields_are_hidden_from_a_team_agency_without_sensitive_access(world: World) -> None:
    person = world.marac.participants.get().person
    url = reverse("core:person_detail", args=[world.marac.reference, person.public_id])
    police_view = signed_in_client(world.practitioner_b).get(url).content.decode()
    idva_view = signed_in_client(world.idva).get(url).content.decode()
    assert "07700 900123" not in police_view and "Recorded, but not shown to you" in police_view
    assert "07700 900123" in idva_view
    assert AuditEvent.objects.filter(object_type="core.person", object_id=str(person.pk),
                                     action=AuditAction.VIEW).count() == 2


def test_break_glass_needs_a_reason_is_audited_and_shown_to_the_team(world: World) -> None:
    client = signed_in_client(world.coordinator)
    response = client.get(world.case_b.get_absolute_url())
    assert response.status_code == 302 and response["Location"].endswith("/break-glass/")
    short = client.post(response["Location"], {"reason": "checking"})
    error_summary(short)
    assert not BreakGlassGrant.objects.exists()
    reason = "Tension monitoring: the same address appears in a hate crime report"
    client.post(response["Location"], {"reason": reason})
    assert client.get(world.case_b.get_absolute_url()).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.BREAK_GLASS, reason=reason).exists()
    team_view = signed_in_client(world.practitioner_b).get(world.case_b.get_absolute_url()).content.decode()
    assert reason in team_view
    # Read-only: breaking the glass does not let the coordinator change the case.
    assert client.get(reverse("core:case_edit", args=[world.case_b.reference])).status_code == 403


def test_break_glass_expires(world: World) -> None:
    BreakGlassGrant.objects.create(case=world.case_b, user=world.coordinator, reason="x" * 30,
                                   expires_at=timezone.now() - timedelta(minutes=1))
    response = signed_in_client(world.coordinator).get(world.case_b.get_absolute_url())
    assert response.status_code == 302


def test_practitioners_cannot_break_glass(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    assert client.get(reverse("core:break_glass", args=[world.case_b.reference])).status_code == 404
    assert client.post(reverse("core:break_glass", args=[world.case_b.reference]),
                       {"reason": "I would like to see this case please"}).status_code == 404


def test_adding_an_agency_records_the_lawful_basis_relied_on(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    client.post(reverse("core:add_team_agency", args=[world.case_a.reference]),
                {"agency": world.police.pk, "sensitive_access": ""})
    member = CaseTeamMember.objects.get(case=world.case_a, agency=world.police)
    assert "consented" in member.lawful_basis
    assert AuditEvent.objects.filter(action=AuditAction.SHARE, object_id=str(world.case_a.pk)).exists()
    assert signed_in_client(world.practitioner_b).get(world.case_a.get_absolute_url()).status_code == 200


def test_adding_an_agency_is_refused_without_a_basis_for_every_person(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    client.post(reverse("core:add_participant", args=[world.case_a.reference]),
                {"given_name": "Chris", "family_name": "Neighbour", "role": "perpetrator", "basis": ""})
    response = client.post(reverse("core:add_team_agency", args=[world.case_a.reference]),
                           {"agency": world.police.pk})
    html = error_summary(response)
    assert "Chris Neighbour" in html
    assert not CaseTeamMember.objects.filter(case=world.case_a, agency=world.police).exists()


def test_participant_basis_other_than_consent_needs_an_explanation(world: World) -> None:
    before = Person.objects.count()
    response = signed_in_client(world.practitioner_a).post(
        reverse("core:add_participant", args=[world.case_a.reference]),
        {"given_name": "Pat", "role": "child", "basis": "safeguarding", "basis_explanation": ""},
    )
    error_summary(response)
    assert Person.objects.count() == before


@pytest.mark.parametrize("bad", [
    {"occurred_at": "", "category": "asb_nuisance", "description": "Loud music"},
    {"occurred_at": "2099-01-01T22:00", "category": "asb_nuisance", "description": "Loud music"},
    {"occurred_at": "2026-02-30T22:00", "category": "asb_nuisance", "description": "Loud music"},
    {"occurred_at": "2026-01-10T22:00", "category": "nonsense", "description": "Loud music"},
    {"occurred_at": "2026-01-10T22:00", "category": "asb_nuisance", "description": ""},
    {"occurred_at": "2026-01-10T22:00", "category": "asb_nuisance", "description": "x", "latitude": "95"},
])
def test_recording_an_incident_with_bad_input_saves_nothing(world: World, bad: dict) -> None:
    response = signed_in_client(world.practitioner_a).post(
        reverse("core:add_incident", args=[world.case_a.reference]), bad)
    error_summary(response)
    assert not Incident.objects.exists()


def test_recording_an_incident_links_it_to_the_case(world: World) -> None:
    signed_in_client(world.practitioner_a).post(
        reverse("core:add_incident", args=[world.case_a.reference]),
        {"occurred_at": "2026-01-10T22:30", "category": "asb_nuisance", "description": "Loud music after midnight",
         "location_text": "On or near Botchergate", "latitude": "54.8897", "longitude": "-2.9297"},
    )
    incident = Incident.objects.get()
    assert list(incident.cases.all()) == [world.case_a]
    assert incident.source_agency == world.council


def test_actions_need_an_owner_and_can_be_completed_by_the_team(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    url = reverse("core:add_action", args=[world.case_a.reference])
    error_summary(client.post(url, {"title": "Visit", "due_on": "2026-12-01"}))
    assert not Action.objects.exists()
    client.post(url, {"title": "Visit", "due_on": "2026-12-01", "owner_agency": world.council.pk})
    action = Action.objects.get()
    complete = reverse("core:complete_action", args=[world.case_a.reference, action.pk])
    assert signed_in_client(world.practitioner_b).post(complete, {"outcome": "Done"}).status_code == 404
    error_summary(client.post(complete, {"outcome": ""}))
    client.post(complete, {"outcome": "Visited; victim safe"})
    action.refresh_from_db()
    assert action.status == "done" and action.completed_by == world.practitioner_a


def test_overdue_actions_appear_on_the_owner_dashboard(world: World) -> None:
    Action.objects.create(case=world.case_a, title="Send warning letter", owner_user=world.practitioner_a,
                          due_on=timezone.localdate() - timedelta(days=3))
    html = signed_in_client(world.practitioner_a).get(reverse("core:dashboard")).content.decode()
    assert "Send warning letter" in html and "Overdue" in html
    assert "Send warning letter" not in signed_in_client(world.practitioner_b).get(
        reverse("core:dashboard")).content.decode()


@pytest.mark.parametrize(("name", "content", "message"), [
    ("virus.exe", b"MZ...", "must be a PDF"),
    ("report.pdf", b"MZ not a pdf", "do not match"),
    ("big.txt", b"x" * 2048, "smaller than"),
])
def test_bad_attachments_are_refused(world: World, settings, name: str, content: bytes, message: str) -> None:  # noqa: ANN001
    settings.ATTACHMENT_MAX_BYTES = 1024
    response = signed_in_client(world.practitioner_a).post(
        reverse("core:add_attachment", args=[world.case_a.reference]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert message in error_summary(response)
    assert not Attachment.objects.exists()


def test_attachment_round_trip_is_audited(world: World, tmp_path, settings) -> None:  # noqa: ANN001
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    client = signed_in_client(world.practitioner_a)
    client.post(reverse("core:add_attachment", args=[world.case_a.reference]),
                {"file": SimpleUploadedFile("statement.pdf", b"%PDF-1.4 statement"), "description": "Statement"})
    attachment = Attachment.objects.get()
    assert "statement" not in attachment.file.name  # stored under a random name
    response = client.get(reverse("core:download_attachment", args=[world.case_a.reference, attachment.public_id]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 statement"
    assert AuditEvent.objects.filter(object_type="core.attachment", action=AuditAction.VIEW).exists()
    assert signed_in_client(world.practitioner_b).get(
        reverse("core:download_attachment", args=[world.case_a.reference, attachment.public_id])).status_code == 404


def test_search_is_a_post_and_never_returns_out_of_scope_cases(world: World) -> None:
    url = reverse("core:search")
    own = signed_in_client(world.practitioner_a).post(url, {"q": "Victimson"}).content.decode()
    other = signed_in_client(world.practitioner_b).post(url, {"q": "Victimson"}).content.decode()
    assert world.case_a.reference in own
    assert world.case_a.reference not in other
    marac_search = signed_in_client(world.practitioner_a).post(url, {"q": "Survivor"}).content.decode()
    assert world.marac.reference not in marac_search
    by_reference = signed_in_client(world.practitioner_b).post(url, {"q": world.case_a.reference}).content.decode()
    assert "0 cases found" in by_reference and f'href="{world.case_a.get_absolute_url()}"' not in by_reference
    error_summary(signed_in_client(world.practitioner_a).post(url, {"q": ""}))
    assert AuditEvent.objects.filter(action=AuditAction.SEARCH).count() == 4


def test_case_list_shows_only_visible_cases_with_bounded_queries(world: World, django_assert_max_num_queries) -> None:  # noqa: ANN001
    client = signed_in_client(world.practitioner_b)
    with django_assert_max_num_queries(15):
        html = client.get(reverse("core:case_list")).content.decode()
    assert world.case_b.reference in html and world.marac.reference in html
    assert world.case_a.reference not in html
    filtered = client.get(reverse("core:case_list"), {"kind": "hate"}).content.decode()
    assert world.case_b.reference in filtered and world.marac.reference not in filtered


def test_notes_appear_in_the_chronology(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    error_summary(client.post(reverse("core:add_note", args=[world.case_a.reference]), {"text": ""}))
    client.post(reverse("core:add_note", args=[world.case_a.reference]), {"text": "Spoke to housing officer"})
    assert Note.objects.get().author_agency == world.council
    assert "Spoke to housing officer" in client.get(world.case_a.get_absolute_url()).content.decode()


def test_figures_are_aggregates_with_small_numbers_suppressed(world: World) -> None:
    html = signed_in_client(world.analyst).get(reverse("core:figures")).content.decode()
    assert "fewer than 5" in html
    assert "Victimson" not in html and world.case_a.reference not in html


def test_closing_a_case_sets_the_closed_date(world: World) -> None:
    client = signed_in_client(world.practitioner_a)
    client.post(reverse("core:case_edit", args=[world.case_a.reference]),
                {"title": world.case_a.title, "status": "closed", "risk_level": "standard"})
    world.case_a.refresh_from_db()
    assert world.case_a.status == "closed" and world.case_a.closed_on == timezone.localdate()


def test_an_empty_post_shows_errors_rather_than_a_blank_form(world: World) -> None:
    response = signed_in_client(world.practitioner_a).post(reverse("core:add_note", args=[world.case_a.reference]))
    error_summary(response)
    assert not Note.objects.exists()
