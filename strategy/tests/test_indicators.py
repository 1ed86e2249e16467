"""Each computed indicator against a small hand-made data set whose answer is stated."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings

from core.models import Action, Case, CaseParticipant, Incident, Person
from partnership.models import Agency
from reviews.models import ChannelReferral, DomesticHomicideReview
from strategy import builtin_indicators as b
from strategy.indicators import get_computed, register_indicator

Q1 = (date(2025, 1, 1), date(2025, 3, 31))
UK = ZoneInfo("Europe/London")


@pytest.fixture
def agency(db) -> Agency:  # noqa: ANN001
    return Agency.objects.create(name="Council", kind="council")


def case(agency: Agency, kind: str, opened: date, ref: str, victim: Person | None = None) -> Case:
    c = Case.objects.create(kind=kind, reference=ref, title="t", lead_agency=agency, opened_on=opened)
    if victim:
        CaseParticipant.objects.create(case=c, person=victim, role="victim")
    return c


def test_asb_repeat_victim_rate(agency: Agency) -> None:
    a, b_, c = (Person.objects.create(given_name=n) for n in "ABC")
    case(agency, "asb", date(2025, 2, 1), "ASB-1", a)
    case(agency, "asb", date(2024, 9, 1), "ASB-2", a)  # A: second ASB case within 12 months → repeat
    case(agency, "asb", date(2025, 3, 1), "ASB-3", b_)
    case(agency, "asb", date(2023, 1, 1), "ASB-4", b_)  # too long ago
    case(agency, "asb", date(2025, 1, 10), "ASB-5", c)
    assert b.asb_repeat_victim_rate(*Q1) == 33.3  # 1 of 3 victims


def test_marac_volume_rate_and_repeats(agency: Agency) -> None:
    a, b_ = Person.objects.create(given_name="A"), Person.objects.create(given_name="B")
    case(agency, "marac", date(2024, 6, 1), "M-1", a)
    case(agency, "marac", date(2025, 2, 1), "M-2", a)  # repeat: A was at MARAC 8 months earlier
    case(agency, "marac", date(2025, 3, 1), "M-3", b_)
    assert b.marac_cases(*Q1) == 2
    assert b.marac_repeat_rate(*Q1) == 50.0
    assert b.marac_per_10k(*Q1) is None  # no population set
    with override_settings(CSPHUB_WOMEN_16_PLUS=20000):
        assert b.marac_per_10k(*Q1) == 1.5  # 3 cases in the year to 31 March per 10,000 of 20,000 women


def test_hate_reports_and_overdue_actions(agency: Agency) -> None:
    for day in (date(2025, 1, 5), date(2025, 3, 31), date(2025, 4, 1)):
        Incident.objects.create(occurred_at=datetime(day.year, day.month, day.day, 12, tzinfo=UK), category="hate",
                                description="x", source_agency=agency)
    assert b.hate_reports(*Q1) == 2
    c = case(agency, "asb", date(2025, 1, 1), "ASB-9")
    made = datetime(2025, 1, 2, tzinfo=UK)
    Action.objects.create(case=c, title="late", owner_agency=agency, due_on=date(2025, 2, 1), created_at=made)
    Action.objects.create(case=c, title="not due", owner_agency=agency, due_on=date(2025, 5, 1), created_at=made)
    Action.objects.create(case=c, title="done", owner_agency=agency, due_on=date(2025, 2, 1), status="done",
                          completed_at=datetime(2025, 2, 1, tzinfo=UK), created_at=made)
    Action.objects.create(case=c, title="made later", owner_agency=agency, due_on=date(2025, 2, 1))
    assert b.overdue_actions(*Q1) == 1


def test_dhr_on_time_and_channel_referrals(agency: Agency) -> None:
    c = case(agency, "dhr", date(2025, 1, 6), "DHR-1")
    # Decision due 6 Feb (met on 30 Jan); Home Office due 6 Feb (told 10 Feb: late) → 1 of 2 on time.
    DomesticHomicideReview.objects.create(case=c, notified_on=date(2025, 1, 6), notifying_agency=agency,
                                          decision_on=date(2025, 1, 30), stage="in_progress",
                                          home_office_notified_on=date(2025, 2, 10))
    assert b.dhr_on_time(*Q1) == 50.0
    for n, day in enumerate((date(2025, 1, 3), date(2025, 3, 3), date(2025, 4, 3))):
        ChannelReferral.objects.create(case=case(agency, "channel", day, f"CH-{n}"), received_on=day,
                                       screened_by=agency)
    assert b.channel_referrals(*Q1) == 2


def test_registry_lets_other_apps_plug_in() -> None:
    def compute(start: date, end: date) -> int:
        return 7

    register_indicator("test_plugged", "Plugged in", "A test indicator", compute)
    assert get_computed("test_plugged").compute(*Q1) == 7
    with pytest.raises(ValueError, match="already registered"):
        register_indicator("test_plugged", "Again", "", lambda s, e: 1)
