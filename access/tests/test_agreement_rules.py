"""The rules for information sharing agreements, as tables of real situations."""

from datetime import date

import pytest

from access.rules import (
    AgreementStatus,
    AgreementTerms,
    agreement_problems,
    agreement_status,
    covering_agreement,
    covers,
    end_problem,
    review_due,
)

TODAY = date(2026, 3, 16)
COUNCIL, POLICE, FIRE = 1, 2, 3


def terms(
    key: str = "isa",
    *,
    parties: tuple[int, ...] = (COUNCIL, POLICE),
    purposes: tuple[str, ...] = ("case_team",),
    starts: date = date(2025, 4, 1),
    review: date = date(2027, 3, 31),
    ends: date | None = None,
) -> AgreementTerms:
    return AgreementTerms(
        key=key,
        party_ids=frozenset(parties),
        purposes=frozenset(purposes),
        starts_on=starts,
        review_on=review,
        ends_on=ends,
    )


@pytest.mark.parametrize(
    ("starts", "review", "ends", "status"),
    [
        (date(2026, 3, 17), date(2027, 3, 17), None, AgreementStatus.DRAFT),  # starts tomorrow
        (date(2026, 3, 16), date(2027, 3, 16), None, AgreementStatus.ACTIVE),  # starts today
        (date(2025, 3, 16), date(2026, 3, 16), None, AgreementStatus.ACTIVE),  # review due today: not overdue yet
        (date(2025, 3, 15), date(2026, 3, 15), None, AgreementStatus.REVIEW_OVERDUE),  # review was yesterday
        (date(2024, 1, 1), date(2025, 1, 1), date(2026, 3, 15), AgreementStatus.ENDED),  # ended yesterday
        (
            date(2024, 1, 1),
            date(2027, 1, 1),
            date(2026, 3, 16),
            AgreementStatus.ENDED,
        ),  # ends today: covers nothing today
        (date(2024, 1, 1), date(2027, 1, 1), date(2026, 3, 17), AgreementStatus.ACTIVE),  # ends tomorrow
        (date(2026, 4, 1), date(2027, 4, 1), date(2026, 3, 10), AgreementStatus.ENDED),  # a draft abandoned
    ],
)
def test_status(starts: date, review: date, ends: date | None, status: AgreementStatus) -> None:
    assert agreement_status(starts, review, ends, TODAY) == status


@pytest.mark.parametrize(
    ("agreement", "purpose", "agencies", "covered"),
    [
        (terms(), "case_team", {COUNCIL, POLICE}, True),
        (terms(), "referral", {COUNCIL, POLICE}, False),  # purpose not listed
        (terms(), "case_team", {COUNCIL, FIRE}, False),  # fire has not signed
        (terms(parties=(COUNCIL, POLICE, FIRE)), "case_team", {COUNCIL, FIRE}, True),  # both among the signatories
        (terms(parties=(POLICE, COUNCIL)), "encompass", {POLICE}, False),
        (terms(parties=(POLICE, COUNCIL), purposes=("encompass",)), "encompass", {POLICE}, True),  # one sender
        (terms(starts=date(2026, 3, 17)), "case_team", {COUNCIL, POLICE}, False),  # starts tomorrow
        (terms(ends=date(2026, 3, 15)), "case_team", {COUNCIL, POLICE}, False),  # ended yesterday
        (terms(ends=date(2026, 3, 16)), "case_team", {COUNCIL, POLICE}, False),  # ends today
        (terms(review=date(2026, 1, 31)), "case_team", {COUNCIL, POLICE}, True),  # review overdue: still counts
    ],
)
def test_covers(agreement: AgreementTerms, purpose: str, agencies: set[int], covered: bool) -> None:
    assert covers(agreement, purpose, agencies, TODAY) is covered


def test_covering_agreement_prefers_one_in_date_for_review_then_the_newest() -> None:
    overdue = terms("overdue", starts=date(2025, 6, 1), review=date(2026, 1, 1))
    older = terms("older", starts=date(2024, 1, 1))
    newer = terms("newer", starts=date(2025, 1, 1))
    ended = terms("ended", starts=date(2025, 12, 1), ends=date(2026, 2, 1))
    assert covering_agreement([overdue, older, newer, ended], "case_team", {COUNCIL, POLICE}, TODAY).key == "newer"
    assert covering_agreement([overdue, ended], "case_team", {COUNCIL, POLICE}, TODAY).key == "overdue"
    assert covering_agreement([ended], "case_team", {COUNCIL, POLICE}, TODAY) is None
    assert covering_agreement([], "case_team", {COUNCIL, POLICE}, TODAY) is None


@pytest.mark.parametrize(
    ("review", "ends", "due"),
    [
        (date(2026, 4, 15), None, True),  # 30 days away
        (date(2026, 4, 16), None, False),  # 31 days away
        (date(2026, 1, 1), None, True),  # overdue
        (date(2026, 1, 1), date(2026, 2, 1), False),  # ended: nothing to review
        (date(2026, 3, 20), date(2026, 6, 1), True),  # ending later, review still due
    ],
)
def test_review_due(review: date, ends: date | None, due: bool) -> None:
    assert review_due(date(2025, 1, 1), review, ends, TODAY) is due


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, set()),
        ({"review_on": date(2025, 4, 1)}, {"review_on"}),  # same day as the start
        ({"review_on": date(2025, 1, 1)}, {"review_on"}),  # before the start
        ({"party_ids": [COUNCIL]}, {"parties"}),
        ({"party_ids": [COUNCIL, COUNCIL]}, {"parties"}),  # the same agency twice is one agency
        ({"purposes": []}, {"purposes"}),
        ({"owner_id": FIRE}, {"owner_agency"}),  # the owner has not signed it
        ({"party_ids": [], "purposes": [], "review_on": date(2024, 1, 1)}, {"parties", "purposes", "review_on"}),
    ],
)
def test_agreement_problems(changes: dict, fields: set[str]) -> None:
    values = {
        "starts_on": date(2025, 4, 1),
        "review_on": date(2026, 4, 1),
        "party_ids": [COUNCIL, POLICE],
        "purposes": ["case_team"],
        "owner_id": COUNCIL,
        **changes,
    }
    assert set(agreement_problems(**values)) == fields


@pytest.mark.parametrize(
    ("ends", "status", "refused"),
    [
        (date(2026, 3, 16), AgreementStatus.ACTIVE, False),
        (date(2025, 4, 1), AgreementStatus.ACTIVE, False),  # the start date itself
        (date(2025, 3, 31), AgreementStatus.ACTIVE, True),  # before it started
        (date(2026, 3, 16), AgreementStatus.ENDED, True),  # already ended
    ],
)
def test_end_problem(ends: date, status: AgreementStatus, refused: bool) -> None:
    assert bool(end_problem(starts_on=date(2025, 4, 1), ends_on=ends, status=status)) is refused
