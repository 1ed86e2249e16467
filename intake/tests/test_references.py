"""Public references people can read out over the phone, and the status secrets that go with them."""

import re

import pytest

from intake.references import (
    UNAMBIGUOUS_ALPHABET,
    make_public_reference,
    make_status_secret,
    normalise_reference,
    status_secret_matches,
)

CONFUSABLE = "0O1ILUV"


def test_the_alphabet_leaves_out_characters_people_confuse() -> None:
    assert not set(CONFUSABLE) & set(UNAMBIGUOUS_ALPHABET)
    assert len(set(UNAMBIGUOUS_ALPHABET)) == len(UNAMBIGUOUS_ALPHABET)


@pytest.mark.parametrize("prefix", ["HC", "ASB", "TF"])
def test_a_reference_is_the_prefix_and_two_groups_of_four(prefix: str) -> None:
    group = f"[{re.escape(UNAMBIGUOUS_ALPHABET)}]{{4}}"
    pattern = re.compile(rf"{re.escape(prefix)}-{group}-{group}")
    for _ in range(200):
        reference = make_public_reference(prefix)
        assert pattern.fullmatch(reference), reference
        assert not set(reference.removeprefix(prefix)) & set(CONFUSABLE), reference


@pytest.mark.parametrize(("groups", "group_size"), [(1, 4), (3, 4), (2, 6)])
def test_groups_and_their_size_can_be_chosen(groups: int, group_size: int) -> None:
    prefix, *chunks = make_public_reference("HC", groups=groups, group_size=group_size).split("-")
    assert prefix == "HC"
    assert len(chunks) == groups
    assert all(len(chunk) == group_size and set(chunk) <= set(UNAMBIGUOUS_ALPHABET) for chunk in chunks)


def test_two_thousand_references_are_all_different() -> None:
    references = [make_public_reference("HC") for _ in range(2000)]
    assert len(set(references)) == 2000


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("HC-7K3M-9QX2", "HC-7K3M-9QX2"),
        ("hc-7k3m-9qx2", "HC-7K3M-9QX2"),
        ("  Hc-7K3m-9qX2  ", "HC-7K3M-9QX2"),
        ("HC - 7K3M - 9QX2", "HC-7K3M-9QX2"),
        ("hc-7k3m -9qx2\n", "HC-7K3M-9QX2"),
        ("HC-7K3M\t-9QX2", "HC-7K3M-9QX2"),
        ("", ""),
    ],
)
def test_normalise_reference_forgives_case_and_spaces(typed: str, expected: str) -> None:
    assert normalise_reference(typed) == expected


def test_a_status_secret_is_ten_unambiguous_characters() -> None:
    plain, _stored = make_status_secret()
    assert len(plain) == 10
    assert set(plain) <= set(UNAMBIGUOUS_ALPHABET)


def test_only_a_hash_of_the_status_secret_is_stored() -> None:
    plain, stored = make_status_secret()
    assert stored != plain
    assert plain not in stored
    assert plain.lower() not in stored.lower()
    assert stored.startswith("hmac-sha256$")


def test_a_stored_secret_still_matches_after_the_secret_key_is_rotated(settings) -> None:  # noqa: ANN001
    plain, stored = make_status_secret()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "x" * 50
    assert status_secret_matches(plain, stored)
    settings.SECRET_KEY_FALLBACKS = []
    assert not status_secret_matches(plain, stored)


def test_codes_stored_by_the_password_hasher_still_match() -> None:
    from django.contrib.auth.hashers import make_password

    assert status_secret_matches("abcd efgh 23", make_password("ABCDEFGH23"))


def test_two_secrets_differ_and_so_do_their_hashes() -> None:
    (plain_a, stored_a), (plain_b, stored_b) = make_status_secret(), make_status_secret()
    assert plain_a != plain_b
    assert stored_a != stored_b


@pytest.mark.parametrize(
    "typing",
    [
        lambda s: s,
        str.lower,
        lambda s: f"  {s}  ",
        lambda s: f"{s[:5]} {s[5:]}",
        lambda s: " ".join(s.lower()),
    ],
    ids=["as shown", "lower case", "padded", "split in two", "spaced out and lower case"],
)
def test_the_secret_matches_however_it_is_typed(typing) -> None:  # noqa: ANN001
    plain, stored = make_status_secret()
    assert status_secret_matches(typing(plain), stored)


def test_a_wrong_secret_does_not_match() -> None:
    plain, stored = make_status_secret()
    other, _ = make_status_secret()
    assert not status_secret_matches(other, stored)
    assert not status_secret_matches(plain[:-1], stored)
    assert not status_secret_matches("", stored)
    assert not status_secret_matches(stored, stored)
