"""The retention demo: a hold on a closed case, one lifted, and a plan a notice period old, so the
administrator's and coordinator's retention pages show something after ``make demo``. It removes nothing."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from audit.chain import verify_chain
from audit.models import AuditEvent
from conftest import World, signed_in_client
from core.models import Case, CaseStatus
from retention import demo
from retention.models import LegalHold, RetentionPlan, RetentionRule
from retention.schedule import notice_days


def close(case: Case, days_ago: int) -> None:
    Case.objects.filter(pk=case.pk).update(
        status=CaseStatus.CLOSED, closed_on=timezone.localdate() - timedelta(days=days_ago)
    )


def test_the_demo_holds_the_latest_closed_case_and_records_a_plan(world: World) -> None:
    close(world.case_a, days_ago=40)
    close(world.case_b, days_ago=10)
    cases_before = Case.objects.count()
    today = timezone.localdate()
    demo.seed(world.coordinator, today)

    held = LegalHold.objects.get(lifted_at__isnull=True)
    lifted = LegalHold.objects.get(lifted_at__isnull=False)
    assert (held.object_id, held.label) == (world.case_b.pk, world.case_b.reference)
    assert (lifted.object_id, lifted.lift_reason) == (world.case_a.pk, demo.LIFT_REASON)
    # Audited by id, never with the reason.
    events = AuditEvent.objects.filter(object_type="retention.legalhold")
    assert events.count() == 3 and not events.filter(reason__icontains="claim").exists()
    assert verify_chain() is None

    planned = RetentionPlan.objects.filter(planned_on=today - timedelta(days=notice_days()))
    assert planned.count() == RetentionRule.objects.filter(active=True).count() > 0
    assert Case.objects.count() == cases_before  # nothing removed

    coordinator_page = signed_in_client(world.coordinator).get(reverse("retention:holds")).content.decode()
    assert world.case_b.reference in coordinator_page and world.case_a.reference in coordinator_page
    admin_page = signed_in_client(world.administrator).get(reverse("retention:overview")).content.decode()
    assert "Nothing has been due for the whole notice period yet." not in admin_page


def test_the_demo_places_no_hold_when_no_case_is_closed(world: World) -> None:
    demo.seed(world.coordinator, timezone.localdate())
    assert not LegalHold.objects.exists()
    assert RetentionPlan.objects.exists()
