"""The module's demo seed: built through the actions, so the audit chain it leaves verifies."""

import random
from datetime import timedelta

from django.utils import timezone

from access.policy import actor_for_user
from access.testing import make_sharing_agreement
from audit.chain import verify_chain
from conftest import ALL_SHARING_PURPOSES, World, make_user
from core.models import Meeting
from domestic_abuse import queries
from domestic_abuse.demo import SERVICES, school_year_closures, seed
from domestic_abuse.models import (
    DashAssessment,
    EncompassNotification,
    MaracReferral,
    MaracResearch,
    PerpetratorIntervention,
    SchoolClosure,
    SelfReferral,
    SupportService,
)
from partnership.models import Agency, AgencyKind, Role


def _inputs(world: World) -> tuple[dict, dict]:
    health = Agency.objects.create(name="Demo health", kind=AgencyKind.HEALTH)
    probation = Agency.objects.create(name="Demo probation", kind=AgencyKind.PROBATION)
    agencies = {"council": world.council, "police": world.police, "charity": world.charity, "health": health,
                "probation": probation}
    make_sharing_agreement(*agencies.values(), purposes=ALL_SHARING_PURPOSES)  # the demo partnership's agreement
    users = {
        "admin": world.administrator, "council": world.practitioner_a, "police": world.practitioner_b,
        "charity": world.idva,
        "coordinator": make_user("marac.lead@council.test", world.council, Role.COORDINATOR, panels="marac"),
        "health": make_user("safeguarding@health.test", health, Role.PRACTITIONER, panels="marac"),
        "probation": make_user("officer@probation.test", probation, Role.PRACTITIONER, panels="marac"),
    }
    return users, agencies


def test_demo_seed_builds_every_part_and_the_audit_chain_verifies(world: World) -> None:
    users, agencies = _inputs(world)
    today = timezone.localdate()
    seed(random.Random(7), users, agencies, today)

    assert SupportService.objects.count() == len(SERVICES)
    assert SupportService.objects.filter(accepts_self_referral=True).exclude(referral_email="").count() == 2
    assert SchoolClosure.objects.count() == len(school_year_closures(today))
    assessments = DashAssessment.objects.all()
    assert assessments.count() >= 6
    assert {"high", "medium", "standard"} <= set(assessments.values_list("result", flat=True))
    assert assessments.exclude(criteria=[]).count() >= 4
    referred = MaracReferral.objects.exclude(referred_on=None)
    assert referred.filter(is_repeat=True).count() == 1
    assert MaracReferral.objects.filter(status="not_referred").count() <= 1
    meetings = Meeting.objects.filter(kind=Meeting.Kind.MARAC).order_by("held_at")
    assert meetings.count() == 3
    past, upcoming = meetings[1], meetings[2]
    assert past.held_at < timezone.now() < upcoming.held_at
    assert past.actions.count() == 3 * past.agenda.count()
    assert all(item.minutes for item in past.agenda.all())
    assert MaracResearch.objects.filter(agenda_item__meeting=upcoming, submitted_at=None).exists()
    assert MaracResearch.objects.filter(agenda_item__meeting=upcoming).exclude(submitted_at=None).exists()
    rows = queries.perpetrator_priority(actor_for_user(users["police"]))
    assert any(row.serial for row in rows)
    ask = PerpetratorIntervention.objects.get(kind="dvds_ask")
    assert ask.decision_due == ask.started_on + timedelta(days=28)
    assert PerpetratorIntervention.objects.get(kind="dvds_know").decision_overdue
    assert set(EncompassNotification.objects.values_list("status", flat=True)) == {
        "acknowledged", "escalated", "queued"}
    assert SelfReferral.objects.count() == 2
    assert SelfReferral.objects.exclude(first_contact_at=None).count() == 1
    assert verify_chain() is None


def test_school_year_closures_follow_the_english_pattern() -> None:
    from datetime import date

    closures = {name: (first, last) for name, first, last in school_year_closures(date(2026, 3, 15))}
    assert closures["October half-term"] == (date(2025, 10, 27), date(2025, 10, 31))
    assert closures["February half-term"] == (date(2026, 2, 16), date(2026, 2, 20))
    assert closures["Easter holiday"][0] <= date(2026, 4, 3) <= closures["Easter holiday"][1]  # Good Friday
    assert closures["May half-term"] == (date(2026, 5, 25), date(2026, 5, 29))


def test_demo_seed_runs_on_core_demo_builder(db) -> None:  # noqa: ANN001
    """The call core/demo.py makes, on its own partnership, staff and a few of its DA cases."""
    from core.demo import _Builder

    rng = random.Random(3)
    builder = _Builder(rng, timezone.now())
    builder.build_partnership()
    for days in (300, 200, 120, 60):
        builder.build_case("domestic_abuse", builder.today - timedelta(days=days))
    counts = seed(rng, users=builder.users, agencies=builder.agencies, today=builder.today)
    assert counts["marac_referrals"] == 5
    assert verify_chain() is None
