"""``seed_demo``: idempotent, complete, audited, and believable (places, times of day)."""

from collections.abc import Iterator
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from access.policy import actor_for_user, visible_cases
from audit.chain import verify_chain
from audit.models import AuditEvent
from core import demo
from core.kinds import get_kind
from core.models import Action, Case, CaseStatus, Incident
from partnership.models import Agency, AgencyKind, Membership, Role, User

# Small enough to be quick, big enough for every kind and a stable time-of-day profile.
SIZE = {"cases": 20, "incidents": 100}
CUMBRIA = {"lat": (54.15, 55.10), "lon": (-3.70, -2.60)}


def run_seed(**options: int) -> str:
    """The shared case file only: the domain apps test their own demo data (and test_full_demo below)."""
    out = StringIO()
    call_command("seed_demo", stdout=out, core_only=True, **{**SIZE, **options})
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker) -> Iterator[str]:  # noqa: ANN001 - pytest-django fixtures
    """Seed once for the module, inside a transaction rolled back afterwards; the tests only read."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield run_seed()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def seeded(seeded_once: str, db) -> str:  # noqa: ANN001 - pytest-django fixture
    return seeded_once


def test_second_run_changes_nothing_and_prints_the_sign_ins(seeded: str) -> None:
    before = {**demo.demo_counts(), "audit events": AuditEvent.objects.count()}
    again = run_seed()
    after = {**demo.demo_counts(), "audit events": AuditEvent.objects.count()}

    assert after == before
    assert before["agencies"] == len(demo.AGENCIES)
    assert before["users"] == len(demo.USERS)
    assert before["cases"] == SIZE["cases"]
    assert Incident.objects.filter(cases__isnull=True).count() == SIZE["incidents"]
    assert "already loaded" in again
    for output in (seeded, again):
        assert demo.DEMO_PASSWORD in output
        assert "CSPHUB_DEMO=1" in output
        for email, _role, agency in demo.sign_in_rows():
            assert email in output
            assert agency in output


def test_every_role_and_agency_kind_is_present_and_signs_in(seeded: str) -> None:
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    expected_kinds = {"council", "police", "fire", "health", "probation", "voluntary", "reporting_centre"}
    assert set(Agency.objects.values_list("kind", flat=True)) == expected_kinds
    for user in User.objects.all():
        assert user.email.endswith(".demo.csphub.test")
        assert user.check_password(demo.DEMO_PASSWORD)
    coordinator = User.objects.get(email="coordinator@council.demo.csphub.test")
    assert coordinator.memberships.get().panel_kinds() == {"marac", "channel", "dhr"}


def test_marac_cases_are_restricted_with_the_charity_police_and_health_on_the_team(seeded: str) -> None:
    marac = list(Case.objects.filter(kind="marac"))
    assert marac
    assert get_kind("marac").restricted
    needed = {AgencyKind.VOLUNTARY, AgencyKind.POLICE, AgencyKind.HEALTH}
    for case in marac:
        assert case.is_restricted
        team_kinds = set(case.team.filter(user__isnull=True).values_list("agency__kind", flat=True))
        assert needed <= team_kinds, case.reference

    # The panel sees them; a practitioner without a MARAC seat does not.
    idva = actor_for_user(User.objects.get(email="practitioner@charity.demo.csphub.test"))
    asb_officer = actor_for_user(User.objects.get(email="practitioner@council.demo.csphub.test"))
    marac_ids = {case.pk for case in marac}
    assert marac_ids <= set(visible_cases(idva).values_list("pk", flat=True))
    assert not marac_ids & set(visible_cases(asb_officer).values_list("pk", flat=True))


def test_the_audit_chain_verifies(seeded: str) -> None:
    assert AuditEvent.objects.filter(object_type="core.case", action="create").count() == SIZE["cases"]
    assert verify_chain() is None


def test_cases_are_believable(seeded: str) -> None:
    today = timezone.localdate()
    for case in Case.objects.all():
        assert today - timedelta(days=365) <= case.opened_on <= today
        assert (case.closed_on is not None) == (case.status == CaseStatus.CLOSED)
        assert 1 <= case.participants.count() <= 3
        assert 2 <= case.incidents.count() <= 8
        if case.kind == "asb":
            categories = set(case.incidents.values_list("category", flat=True))
            assert categories <= {"asb_personal", "asb_nuisance", "asb_environmental"}
        for participant in case.participants.select_related("person"):
            assert participant.person.sharing_bases.exists()
    kinds = set(Case.objects.values_list("kind", flat=True))
    assert {"asb", "domestic_abuse", "marac"} <= kinds
    overdue = [action for action in Action.objects.filter(status="open") if action.is_overdue]
    assert overdue
    assert Action.objects.filter(status="done").exists()


def test_incidents_are_in_the_last_year_in_cumbria_and_peak_at_night(seeded: str) -> None:
    now = timezone.now()
    incidents = list(Incident.objects.all())
    assert len(incidents) > SIZE["incidents"]
    for incident in incidents:
        assert now - timedelta(days=365) <= incident.occurred_at <= now
        assert CUMBRIA["lat"][0] <= incident.latitude <= CUMBRIA["lat"][1]
        assert CUMBRIA["lon"][0] <= incident.longitude <= CUMBRIA["lon"][1]
        assert incident.location_text.startswith("On or near ")
    local_hours = [timezone.localtime(incident.occurred_at).hour for incident in incidents]
    night = sum(1 for hour in local_hours if hour >= 20 or hour < 2)
    assert night / len(incidents) > 9 / 24  # six hours would be 8/24 if incidents were spread evenly


@pytest.mark.parametrize("total", [0, 1, 3, 7, 20, 60, 61])
def test_kind_counts_add_up_and_include_the_main_kinds(total: int) -> None:
    counts = demo.kind_counts(total)
    assert sum(counts.values()) == total
    assert all(count >= 0 for count in counts.values())
    if total >= 3:
        assert all(counts[kind] >= 1 for kind in ("asb", "domestic_abuse", "marac"))

