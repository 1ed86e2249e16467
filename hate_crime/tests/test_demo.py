"""The demo hate reports (``hate_crime.demo``, run by ``seed_demo``): a believable year, written through the
actions with a verifiable audit trail, and the same plan every time for the same seed."""

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from audit.chain import verify_chain
from audit.models import AuditEvent
from core.demo import TOWNS
from hate_crime import demo, queries
from hate_crime.models import (
    Channel,
    HateReport,
    PoliceReferral,
    ReportingFeedback,
    ReportStatus,
    ReportUpdate,
)
from intake.models import DeliveryState
from partnership.models import Agency, User

MONITORED = ("race", "sexual_orientation", "disability", "religion", "transgender")


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker) -> Iterator[str]:  # noqa: ANN001 - pytest-django fixtures
    """Seed once for the module (few cases, the full year of hate reports), rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            out = StringIO()
            call_command("seed_demo", cases=12, incidents=0, stdout=out)
            yield out.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def seeded(seeded_once: str, db) -> str:  # noqa: ANN001 - pytest-django fixture
    return seeded_once


def test_the_plan_is_the_same_for_the_same_seed() -> None:
    now = datetime(2026, 3, 14, 12, 30, tzinfo=UTC)
    first = demo.plan_reports(random.Random(7), now)
    assert first == demo.plan_reports(random.Random(7), now)
    assert first != demo.plan_reports(random.Random(8), now)
    # Whatever the seed, the mix is the one the demo promises.
    for seed in range(5):
        plan = demo.plan_reports(random.Random(seed), now)
        counts = demo.summary(plan)
        assert [counts["strands"][s] for s in MONITORED] == [39, 16, 12, 10, 6]
        assert set(counts["statuses"]) == set(ReportStatus.values)
        assert counts["channels"][Channel.ONLINE] > counts["channels"][Channel.THIRD_PARTY] > 0


def test_summary_line_and_counts(seeded: str) -> None:
    assert f"{demo.REPORTS} hate reports" in seeded
    assert HateReport.objects.count() == demo.REPORTS


def test_strands_channels_and_who_reported(seeded: str) -> None:
    reports = list(HateReport.objects.all())
    strands = Counter(strand for report in reports for strand in report.strands)
    ordered = [strands[strand] for strand in MONITORED]
    assert ordered == sorted(ordered, reverse=True) and len(set(ordered)) == len(ordered) and ordered[-1] > 0
    assert sum(1 for report in reports if len(report.strands) > 1) >= 5

    channels = Counter(report.channel for report in reports)
    assert set(channels) == set(Channel.values)
    assert channels.most_common(1)[0][0] == Channel.ONLINE
    hub = Agency.objects.get(kind="reporting_centre")
    volunteer = User.objects.get(email="reporting-centre@hub.demo.csphub.test")
    for report in reports:
        assert (report.channel == Channel.THIRD_PARTY) == (report.reporting_centre_id == hub.pk)
        if report.channel == Channel.THIRD_PARTY:
            assert report.submitted_by == volunteer
        if report.channel == Channel.ONLINE:
            assert report.submitted_by is None

    anonymous = sum(1 for report in reports if report.is_anonymous)
    assert 0.2 < anonymous / len(reports) < 0.6
    consents = Counter(report.police_consent for report in reports)
    assert set(consents) == {"no", "anonymous", "with_details"}
    assert all(report.name for report in reports if report.police_consent == "with_details")


def test_the_queue_has_every_status_and_some_overdue_acknowledgements(seeded: str) -> None:
    reports = queries.with_deadlines(list(HateReport.objects.all()))
    assert set(Counter(report.status for report in reports)) == set(ReportStatus.values)
    overdue = [report for report in reports if report.ack_overdue]
    assert len(overdue) >= demo.OVERDUE
    assert all(report.status == ReportStatus.NEW and report.acknowledged_at is None for report in overdue)
    assert sum(report.repeat_victim for report in reports) >= 4


def test_police_get_reports_only_with_consent_and_delivery_states_are_mixed(seeded: str) -> None:
    referrals = list(PoliceReferral.objects.select_related("report", "message"))
    assert referrals
    for referral in referrals:
        report = referral.report
        assert report.police_consent in ("anonymous", "with_details")
        if report.police_consent == "anonymous":
            for detail in (report.email, report.phone, report.name):
                assert not detail or detail not in referral.message.body
    states = {referral.message.state for referral in referrals}
    assert states == {DeliveryState.SENT, DeliveryState.PENDING, DeliveryState.RETRYING, DeliveryState.FAILED}
    routed = {referral.report_id for referral in referrals}
    assert set(HateReport.objects.filter(status=ReportStatus.WITH_POLICE).values_list("pk", flat=True)) <= routed


def test_history_updates_and_feedback(seeded: str) -> None:
    kinds = Counter(ReportUpdate.objects.values_list("kind", flat=True))
    assert set(kinds) == set(ReportUpdate.Kind.values)
    for report in HateReport.objects.exclude(status=ReportStatus.NEW):
        assert report.updates.filter(kind=ReportUpdate.Kind.FOR_REPORTER).exists()
    feedback = list(ReportingFeedback.objects.select_related("report"))
    assert len(feedback) >= 5
    assert all(answer.report.channel == Channel.ONLINE == answer.channel for answer in feedback)
    assert {answer.confidence for answer in feedback} <= {1, 2, 3, 4, 5}


def test_times_and_places_are_believable(seeded: str) -> None:
    now = timezone.now()
    districts = {district for town in TOWNS for district in town.postcode_districts}
    town_names = tuple(town.name for town in TOWNS)
    for report in HateReport.objects.prefetch_related("updates"):
        assert now - timedelta(days=366) <= report.created_at <= now
        assert (report.status == ReportStatus.NEW) == (report.acknowledged_at is None)
        assert (report.status == ReportStatus.CLOSED) == (report.closed_at is not None)
        if report.acknowledged_at:
            assert report.created_at < report.acknowledged_at <= now
        if report.closed_at:
            assert report.acknowledged_at < report.closed_at <= now
        if report.first_contact_at:
            assert report.created_at < report.first_contact_at <= now
        assert report.occurred_on is None or report.occurred_on <= timezone.localtime(report.created_at).date()
        for update in report.updates.all():
            assert report.created_at <= update.created_at <= now
        if report.location_kind == "online":
            assert report.locality == "online" and report.platform
        else:
            assert report.location_text.endswith(town_names)
            assert report.locality in districts | {""}


def test_the_audit_trail_is_complete_and_verifies(seeded: str) -> None:
    created = AuditEvent.objects.filter(object_type="hate_crime.hatereport", action="create").count()
    assert created == demo.REPORTS
    assert AuditEvent.objects.filter(object_type="hate_crime.hatereport", action="share").exists()
    assert verify_chain() is None
