"""The hate reporting rules, with real-world cases."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hate_crime import rules

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("received", "days", "due"),
    [
        (date(2026, 3, 2), 2, date(2026, 3, 4)),  # Monday → Wednesday
        (date(2026, 3, 6), 2, date(2026, 3, 10)),  # Friday → Tuesday, weekend skipped
        (date(2026, 4, 2), 2, date(2026, 4, 8)),  # Thursday before Easter: Good Friday and Easter Monday skipped
        (date(2025, 12, 24), 2, date(2025, 12, 30)),  # Christmas Eve: Christmas, Boxing Day and the weekend skipped
        (date(2026, 5, 1), 1, date(2026, 5, 5)),  # Friday before the early May bank holiday
        (date(2026, 3, 7), 2, date(2026, 3, 10)),  # made on a Saturday: counts from Monday
        (date(2026, 3, 2), 5, date(2026, 3, 9)),  # a partnership that sets five working days
    ],
)
def test_acknowledgement_due_in_working_days(received: date, days: int, due: date) -> None:
    assert rules.acknowledgement_due(received, days) == due


def test_acknowledgement_target_comes_from_settings(settings) -> None:  # noqa: ANN001
    settings.HATE_CRIME_ACK_WORKING_DAYS = 3
    assert rules.acknowledgement_due(date(2026, 3, 2)) == date(2026, 3, 5)


@pytest.mark.parametrize(
    ("received", "today", "acknowledged", "overdue"),
    [
        (date(2026, 3, 6), date(2026, 3, 10), False, False),  # due Tuesday, still Tuesday
        (date(2026, 3, 6), date(2026, 3, 11), False, True),
        (date(2026, 3, 6), date(2026, 3, 11), True, False),
    ],
)
def test_overdue(received: date, today: date, acknowledged: bool, overdue: bool) -> None:
    assert rules.acknowledgement_overdue(received, today, acknowledged, 2) is overdue


NOW = datetime(2026, 6, 1, 12, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("mine", "earlier_days_ago", "theirs", "repeat"),
    [
        ({"email": "a@x.test"}, 30, {"email": "A@X.test "}, True),
        ({"phone": "07700 900123"}, 200, {"phone": "+44 7700 900123"}, True),
        (
            {"location_text": "12 High St", "postcode": "CA1 1AA"},
            100,
            {"location_text": "12 high st.", "postcode": "CA1 1AA"},
            True,
        ),
        ({"email": "a@x.test"}, 400, {"email": "a@x.test"}, False),  # more than 12 months ago
        (
            {"location_text": "Bus station", "postcode": "CA1 1AA", "target_is_reporter_or_property": False},
            10,
            {"location_text": "Bus station", "postcode": "CA1 1AA", "target_is_reporter_or_property": False},
            False,
        ),
        ({}, 10, {}, False),  # two anonymous reports never match
        ({"postcode": "CA1 1AA"}, 10, {"postcode": "CA1 1AA"}, False),  # a postcode alone is not an address
    ],
)
def test_repeat_victim(mine: dict, earlier_days_ago: int, theirs: dict, repeat: bool) -> None:
    earlier = [(NOW - timedelta(days=earlier_days_ago), rules.identity_of(**theirs))]
    found, reason = rules.repeat_victim(rules.identity_of(**mine), earlier, NOW, 365)
    assert found is repeat, reason


@pytest.mark.parametrize(
    ("consent", "allowed"), [("no", False), ("anonymous", True), ("with_details", True), ("", False)]
)
def test_routing_needs_consent(consent: str, allowed: bool) -> None:
    assert rules.may_route_to_police(consent)[0] is allowed


def test_anonymous_consent_strips_personal_details() -> None:
    report = {
        "reference": "HC-AAAA-BBBB",
        "police_consent": "anonymous",
        "what_happened": "x",
        "name": "N",
        "email": "e@x.test",
        "phone": "1",
        "safe_times": "",
        "safe_to_leave_message": False,
        "equality": {},
    }
    payload = rules.police_payload(report)
    assert "name" not in payload and "email" not in payload and "contact" not in payload
    with_details = rules.police_payload({**report, "police_consent": "with_details"})
    assert with_details["contact"]["email"] == "e@x.test"
    with pytest.raises(ValueError):
        rules.police_payload({**report, "police_consent": "no"})


@pytest.mark.parametrize(
    ("typed", "normal"),
    [
        ("ca1 1aa", "CA1 1AA"),
        ("CA11AA", "CA1 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("m1 1ae", "M1 1AE"),
        ("12345", None),
        ("CA1", None),
        ("", None),
    ],
)
def test_postcodes(typed: str, normal: str | None) -> None:
    assert rules.normalise_postcode(typed) == normal


@pytest.mark.parametrize(
    ("count", "shown"), [(0, "0"), (1, "fewer than 5"), (4, "fewer than 5"), (5, "5"), (120, "120")]
)
def test_small_numbers_suppressed(count: int, shown: str) -> None:
    assert rules.suppress(count) == shown


@pytest.mark.parametrize(
    ("num", "den", "shown"),
    [
        (0, 0, "no reports"),
        (3, 20, "not shown (small numbers)"),
        (18, 20, "not shown (small numbers)"),
        (10, 20, "50%"),
        (0, 20, "0%"),
        (20, 20, "100%"),
    ],
)
def test_shares_never_reveal_small_numbers(num: int, den: int, shown: str) -> None:
    assert rules.share(num, den) == shown


def test_local_strands_are_configurable(settings) -> None:  # noqa: ANN001
    settings.HATE_CRIME_LOCAL_STRANDS = [("sex_worker", "Sex workers")]
    codes = [code for code, _label in rules.strand_choices()]
    assert codes == ["race", "religion", "sexual_orientation", "disability", "transgender", "sex_worker", "not_sure"]


@pytest.mark.parametrize(
    ("transition", "status", "allowed"),
    [
        ("acknowledge", "new", True),
        ("acknowledge", "assigned", False),
        ("close", "closed", False),
        ("route", "with_police", True),
        ("reopen", "closed", True),
    ],
)
def test_transitions(transition: str, status: str, allowed: bool) -> None:
    assert rules.may_transition(transition, status) is allowed
