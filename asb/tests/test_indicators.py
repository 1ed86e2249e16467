"""The ASB indicators the strategy computes live, on hand-made data with the answers worked out by hand.

The quarter is January to March 2026; records just outside it (31 December, 1 April) must not count.
"""

from datetime import date, datetime
from itertools import count

import pytest
from django.utils import timezone

from asb import indicators
from asb.models import ApplicationStatus, CaseReviewApplication, Recommendation, RepeatVictimFlag
from core.models import Incident
from partnership.models import Agency, AgencyKind
from strategy.indicators import get_computed

pytestmark = pytest.mark.django_db
Q1 = (date(2026, 1, 1), date(2026, 3, 31))
_numbers = count(1)
S = ApplicationStatus


def application(received: date, status: str = S.RECEIVED, decided: date | None = None,
                reviewed: date | None = None, recommendations: int = 0) -> CaseReviewApplication:
    made = CaseReviewApplication.objects.create(
        reference=f"CR-TEST-{next(_numbers)}", applicant_name="Applicant", behaviour="Noise", impact="Tired",
        received_on=received, status=status, decided_on=decided, reviewed_on=reviewed)
    council = Agency.objects.get_or_create(name="Council", kind=AgencyKind.COUNCIL)[0]
    for _ in range(recommendations):
        Recommendation.objects.create(application=made, text="Do something", owner_agency=council,
                                      due_on=date(2026, 6, 1))
    return made


def test_applications_received_count_those_received_in_the_quarter() -> None:
    for day in (date(2025, 12, 31), date(2026, 1, 1), date(2026, 2, 10), date(2026, 3, 31), date(2026, 4, 1)):
        application(day)
    assert indicators.applications_received(*Q1) == 3  # 1 January, 10 February, 31 March


@pytest.fixture
def decided_and_reviewed() -> None:
    """Seven decisions in the quarter (two not met, five met) and one after it; four reviews held in it."""
    jan = date(2026, 1, 5)
    application(jan, S.THRESHOLD_NOT_MET, decided=date(2026, 1, 9))
    application(jan, S.THRESHOLD_NOT_MET, decided=date(2026, 3, 31))
    application(jan, S.THRESHOLD_MET, decided=date(2026, 1, 1))
    application(jan, S.THRESHOLD_MET, decided=date(2026, 2, 2))
    application(jan, S.REVIEW_HELD, decided=date(2026, 1, 12), reviewed=date(2026, 2, 1))
    application(jan, S.OUTCOME_SENT, decided=date(2026, 1, 13), reviewed=date(2026, 3, 1), recommendations=2)
    application(date(2025, 11, 1), S.OUTCOME_SENT, decided=date(2026, 1, 2), reviewed=date(2026, 1, 20),
                recommendations=1)
    # Outside the quarter: decided in April; a review decided in December but held in April, with recommendations.
    application(date(2026, 3, 20), S.THRESHOLD_NOT_MET, decided=date(2026, 4, 1))
    application(date(2025, 12, 1), S.OUTCOME_SENT, decided=date(2025, 12, 10), reviewed=date(2026, 4, 2),
                recommendations=3)
    # Held on the last day of the quarter, decided in the previous one.
    application(date(2025, 12, 1), S.REVIEW_HELD, decided=date(2025, 12, 12), reviewed=date(2026, 3, 31))


@pytest.mark.usefixtures("decided_and_reviewed")
def test_threshold_decisions_reviews_and_recommendations() -> None:
    assert indicators.threshold_not_met(*Q1) == 2
    assert indicators.threshold_met_percent(*Q1) == 71.4  # 5 of the 7 decided in the quarter
    assert indicators.reviews_held(*Q1) == 4  # 1 February, 1 March, 20 January, 31 March
    assert indicators.reviews_with_recommendations(*Q1) == 2  # 1 March and 20 January


def test_a_threshold_rate_of_fewer_than_five_decisions_is_not_given() -> None:
    for status in (S.THRESHOLD_MET, S.THRESHOLD_MET, S.THRESHOLD_NOT_MET, S.REVIEW_HELD):
        application(date(2026, 1, 5), status, decided=date(2026, 1, 20))
    assert indicators.threshold_met_percent(*Q1) is None
    application(date(2026, 1, 5), S.THRESHOLD_NOT_MET, decided=date(2026, 1, 21))
    assert indicators.threshold_met_percent(*Q1) == 60.0  # 3 of 5


def test_an_empty_quarter_gives_zero_counts_and_no_rate() -> None:
    assert [compute(*Q1) for _code, _label, _text, compute in indicators.INDICATORS] == [0, None, 0, 0, 0, 0]


def _flag(key: str, when: datetime) -> None:
    agency = Agency.objects.get_or_create(name="Police", kind=AgencyKind.POLICE)[0]
    incident = Incident.objects.create(occurred_at=when, category="asb_personal", description="x",
                                       source_agency=agency)
    RepeatVictimFlag.objects.create(key=key, latest_incident=incident, raised_at=when, reason="3 in 12 months")


def test_repeat_victims_flagged_count_each_person_or_address_once() -> None:
    local = timezone.get_current_timezone()
    _flag("person:1", datetime(2026, 1, 10, 12, tzinfo=local))
    _flag("person:1", datetime(2026, 2, 10, 12, tzinfo=local))  # the same person again: still one
    _flag("address:12 high street ca11aa", datetime(2026, 3, 31, 23, 30, tzinfo=local))
    _flag("person:2", datetime(2026, 4, 1, 0, 30, tzinfo=local))  # next quarter
    _flag("person:3", datetime(2025, 12, 31, 23, 30, tzinfo=local))  # last quarter
    assert indicators.repeat_victims_flagged(*Q1) == 2


def test_the_indicators_are_registered_with_the_strategy_without_taking_its_own_codes() -> None:
    for code, label, _definition, compute in indicators.INDICATORS:
        computed = get_computed(code)
        assert computed is not None and computed.compute is compute and computed.label == label
    # The strategy's own case-based repeat-victim rate is still its own.
    from strategy.builtin_indicators import asb_repeat_victim_rate

    assert get_computed("asb_repeat_victims").compute is asb_repeat_victim_rate


def test_the_seeded_case_review_indicators_become_live() -> None:
    from strategy.models import Indicator
    from strategy.report import value_for
    from strategy.seed import seed_strategy

    seed_strategy()
    application(date(2026, 2, 1))
    received = Indicator.objects.get(code="case_review_applications")
    assert received.label == "ASB Case Review applications" and received.is_count_of_people
    assert value_for(received, Q1[0], {}) == 1
