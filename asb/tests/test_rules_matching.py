"""Repeat-victim person matching: tolerant of case, spacing and common typos, never on names alone."""

from datetime import date

import pytest

from asb.rules.matching import PersonFacts, address_key, edit_distance, match_people, names_match

P = PersonFacts
BASE = P("Margaret", "O'Brien", date(1948, 3, 12), "12 High Street", "CA1 1AA")

CASES = [
    ("identical", BASE, "same"),
    ("case and spacing", P(" margaret ", "OBRIEN", date(1948, 3, 12), "12 high street", "ca11aa"), "same"),
    ("one-letter typo in the last name", P("Margaret", "O'Brian", date(1948, 3, 12), "", ""), "same"),
    ("swapped letters in the first name", P("Magraret", "O'Brien", date(1948, 3, 12)), "same"),
    ("day and month swapped in the date of birth", P("Margaret", "O'Brien", date(1948, 12, 3)), "same"),
    ("address written with St and no postcode space", P("Margaret", "OBrien", None, "12 High St", "CA11AA"), "same"),
    ("nickname, same date of birth", P("Maggie", "O'Brien", date(1948, 3, 12)), "possible"),
    ("same name, different date of birth (a namesake)", P("Margaret", "O'Brien", date(1990, 7, 1)), "different"),
    ("same name only, nothing to corroborate", P("Margaret", "O'Brien"), "different"),
    ("different person at the same address", P("John", "Smith", date(1980, 1, 1), "12 High Street", "CA1 1AA"),
     "different"),
]


@pytest.mark.parametrize(("name", "other", "verdict"), CASES, ids=[case[0] for case in CASES])
def test_match_people(name: str, other: PersonFacts, verdict: str) -> None:
    assert match_people(BASE, other).verdict == verdict, match_people(BASE, other)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("smith", "smith", 0), ("smith", "smyth", 1), ("smith", "msith", 1), ("jones", "jnoes", 1), ("", "abc", 3),
])
def test_edit_distance(a: str, b: str, expected: int) -> None:
    assert edit_distance(a, b) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Li", "Lu", False), ("Bob", "Robert", True), ("Catherine", "Katherine", True), ("Anne-Marie", "annemarie", True),
    ("Smith", "Smithson", False),
])
def test_names_match(a: str, b: str, same: bool) -> None:
    assert names_match(a, b) is same


def test_address_key_forgives_abbreviations_case_and_postcode_spacing() -> None:
    assert address_key("Flat 2, 12 High St.", "ca1 1aa") == address_key("flat 2 12 high street", "CA11AA")
