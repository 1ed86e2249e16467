import pytest
from django.urls import reverse

from audit.chain import append_event
from audit.models import AuditAction, AuditEvent
from conftest import World, signed_in_client

pytestmark = pytest.mark.django_db


def test_viewer_filters_events(world: World) -> None:
    client = signed_in_client(world.administrator)
    html = client.get(reverse("audit:viewer"), {"action": "break_glass"}).content.decode()
    assert "No events match." in html
    html = client.get(reverse("audit:viewer"), {"object_type": "core.case", "action": "create"}).content.decode()
    assert "core.case" in html


def test_viewer_rejects_a_backwards_date_range(world: World) -> None:
    response = signed_in_client(world.administrator).get(
        reverse("audit:viewer"), {"date_from": "2026-05-01", "date_to": "2026-04-01"})
    html = response.content.decode()
    assert "govuk-error-summary" in html and "on or after the start date" in html


def test_csv_export_is_audited_and_safe_to_open_in_a_spreadsheet(world: World) -> None:
    append_event(action=AuditAction.VIEW, object_type="core.case", object_id="1", reason="=HYPERLINK(\"x\")")
    response = signed_in_client(world.administrator).get(reverse("audit:export"))
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines()[0].startswith("sequence,created_at")
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_only_administrators_see_the_audit_trail(world: World) -> None:
    for user in (world.coordinator, world.practitioner_a, world.analyst):
        assert signed_in_client(user).get(reverse("audit:export")).status_code == 403
