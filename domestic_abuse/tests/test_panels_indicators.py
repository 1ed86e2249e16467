"""The safe-contact banner on the shared case page, and the strategy indicators this module computes."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from access.policy import actor_for_user, can
from access.testing import PERSONAS
from conftest import signed_in_client
from domestic_abuse import indicators
from domestic_abuse.models import EncompassNotification, MaracReferral, PerpetratorIntervention, SelfReferral
from domestic_abuse.tests.fixtures import DaWorld
from strategy.indicators import get_computed

SAFE = "Call after 10am only"


@pytest.mark.parametrize("persona", PERSONAS)
def test_safe_contact_banner_shows_only_to_people_who_may_see_sensitive_fields(da: DaWorld, persona: str) -> None:
    user = da.world.users_by_persona()[persona]
    for case in (da.case, da.referral.marac_case):
        response = signed_in_client(user).get(case.get_absolute_url())
        if response.status_code != 200:
            continue  # not allowed on the case at all: nothing to show
        page = response.content.decode()
        sensitive = can(actor_for_user(user), "view_sensitive", case)
        assert (SAFE in page) == sensitive, f"{persona} on {case.kind}"
        assert ("From the MARAC referral" in page) == (sensitive and case.kind == "marac")


def test_the_banner_is_seen_by_the_lead_and_not_by_a_team_agency_without_sensitive_access(da: DaWorld) -> None:
    marac = da.referral.marac_case
    assert SAFE in signed_in_client(da.world.practitioner_a).get(da.case.get_absolute_url()).content.decode()
    police = actor_for_user(da.world.practitioner_b)
    if can(police, "view_case", marac) and not can(police, "view_sensitive", marac):
        assert SAFE not in signed_in_client(da.world.practitioner_b).get(marac.get_absolute_url()).content.decode()


def test_no_banner_on_other_kinds(da: DaWorld) -> None:
    page = signed_in_client(da.world.practitioner_a).get(da.world.case_a.get_absolute_url()).content.decode()
    assert "Safe contact" not in page


# --- Indicators ------------------------------------------------------------------------------------------

YEAR = (date(2000, 1, 1), date(2100, 1, 1))


def test_the_module_registers_its_indicators_and_not_the_marac_ones_strategy_has() -> None:
    for code, *_rest in indicators.INDICATORS:
        assert get_computed(code) is not None
        assert not code.startswith("marac_")


def test_idva_engagement_and_encompass_on_time(da: DaWorld) -> None:
    assert indicators.marac_idva_engagement(*YEAR) == 100.0
    assert indicators.marac_idva_engagement(date(1990, 1, 1), date(1990, 2, 1)) is None
    assert indicators.encompass_on_time(*YEAR) == 0.0  # sent, not yet acknowledged
    acknowledged = datetime(2026, 3, 14, 7, tzinfo=timezone.get_current_timezone())
    EncompassNotification.objects.update(acknowledged_at=acknowledged)
    assert indicators.encompass_on_time(*YEAR) == 100.0
    MaracReferral.objects.update(idva_engaged=False)
    assert indicators.marac_idva_engagement(*YEAR) == 0.0


def test_dvds_on_time_counts_decisions_by_their_due_date(da: DaWorld) -> None:
    due = da.intervention.decision_due
    assert indicators.dvds_on_time(due, due) == 0.0  # still open
    PerpetratorIntervention.objects.filter(pk=da.intervention.pk).update(status="disclosed", decided_on=due)
    assert indicators.dvds_on_time(due, due) == 100.0
    PerpetratorIntervention.objects.filter(pk=da.intervention.pk).update(decided_on=due + timedelta(days=1))
    assert indicators.dvds_on_time(due, due) == 0.0


def test_median_hours_to_contact_needs_five_requests(da: DaWorld) -> None:
    start = datetime(2026, 1, 5, 21, tzinfo=timezone.get_current_timezone())
    for n, hours in enumerate((2, 4, 6, 30, 50)):
        SelfReferral.objects.create(reference=f"DAS-0000-00{n}0", service=da.service, name="A", contact_method="phone",
                                    contact_detail="07700 900000", received_at=start,
                                    first_contact_at=start + timedelta(hours=hours))
        if n == 3:
            assert indicators.self_referral_median_hours(date(2026, 1, 1), date(2026, 1, 31)) is None
    assert indicators.self_referral_median_hours(date(2026, 1, 1), date(2026, 1, 31)) == 6
