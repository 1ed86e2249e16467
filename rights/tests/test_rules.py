from datetime import date

import pytest

from rights import rules


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 9, 3), date(2026, 10, 3)),  # the ICO's own example: the corresponding date next month
        (date(2026, 1, 31), date(2026, 2, 28)),  # no 31 February: the last day of the month
        (date(2024, 1, 31), date(2024, 2, 29)),  # ... which in a leap year is the 29th
        (date(2024, 1, 29), date(2024, 2, 29)),
        (date(2026, 1, 28), date(2026, 2, 28)),
        (date(2026, 3, 31), date(2026, 4, 30)),
        (date(2026, 8, 31), date(2026, 9, 30)),
        (date(2026, 12, 15), date(2027, 1, 15)),  # over the year end
        (date(2026, 12, 31), date(2027, 1, 31)),
    ],
)
def test_response_is_due_one_calendar_month_after_receipt(received: date, due: date) -> None:
    assert rules.response_due(received) == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 9, 3), date(2026, 12, 3)),
        (date(2026, 1, 31), date(2026, 4, 30)),  # from receipt, not from 28 February (which would give 28 April)
        (date(2023, 11, 30), date(2024, 2, 29)),  # into a leap February
        (date(2025, 11, 30), date(2026, 2, 28)),
        (date(2026, 11, 15), date(2027, 2, 15)),
    ],
)
def test_extended_response_is_due_three_months_after_receipt(received: date, due: date) -> None:
    assert rules.response_due(received, extended=True) == due


@pytest.mark.parametrize(
    ("due", "today", "complete", "state"),
    [
        (date(2026, 2, 28), date(2026, 2, 1), False, "open"),
        (date(2026, 2, 28), date(2026, 2, 21), False, "due_soon"),  # a week to go
        (date(2026, 2, 28), date(2026, 2, 28), False, "due_soon"),  # due today is not yet late
        (date(2026, 2, 28), date(2026, 3, 1), False, "overdue"),
        (date(2026, 2, 28), date(2026, 3, 1), True, "complete"),  # answered: never overdue
    ],
)
def test_request_state(due: date, today: date, complete: bool, state: str) -> None:
    assert rules.request_state(due_on=due, today=today, complete=complete).code == state


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lee broke the door", True),
        ("lee broke the door", True),  # case does not matter
        ("Fleet Street", False),  # inside another word
        ("Otherperson's messages", True),  # possessive
        ("Safety plan reviewed", False),
        ("", False),
    ],
)
def test_free_text_naming_another_person(text: str, found: bool) -> None:
    words = rules.other_people_words(["Dana", "Example"], [["Lee", "Otherperson"], ["Sky", "Example"]])
    assert rules.mentions_any(text, words) is found


def test_a_shared_family_name_is_not_taken_for_someone_else_but_short_names_are_ignored() -> None:
    words = rules.other_people_words(["Dana", "Example"], [["Sky", "Example"], ["Al", "Li"]])
    assert words == {"sky"}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("07700 900456", "+44 7700 900456", True),
        ("07700900456", "(07700) 900-456", True),
        ("07700 900456", "07700 900457", False),
        ("", "", False),  # no number matches nothing
    ],
)
def test_phone_numbers_compare_by_digits(a: str, b: str, same: bool) -> None:
    assert (bool(rules.normalise_phone(a)) and rules.normalise_phone(a) == rules.normalise_phone(b)) is same


@pytest.mark.parametrize(
    ("granted", "ground", "reason", "problem"),
    [
        (True, "", "", ""),
        (True, "legal_hold", "", "A granted request has no ground for refusal"),
        (False, "", "Needed", "Select the ground for refusing the request"),
        (False, "legal_hold", " ", "Explain why the request is refused: the person must be told"),
        (False, "statutory_function", "MARAC records are kept for 6 years", ""),
    ],
)
def test_erasure_decision_needs_a_ground_and_reasons_to_refuse(
    granted: bool, ground: str, reason: str, problem: str
) -> None:
    assert rules.refusal_problem(granted=granted, ground=ground, reason=reason) == problem
