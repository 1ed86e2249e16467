"""The tension rules, table by table, with cases from the domain notes (Southport 2024, weekly returns)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tension import rules

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 1, 14, 12, 0, tzinfo=LONDON)


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("normal", "elevated", "rising"),     # a national trigger lifts a quiet town
    ("high", "moderate", "falling"),      # after the stand-down
    ("moderate", "moderate", "steady"),
    ("retired_code", "low", "rising"),    # a code no longer on the scale counts as below it
])
def test_trend(before: str, after: str, expected: str) -> None:
    assert rules.trend(before, after) == expected


def test_level_at_takes_the_last_assessment_before_the_moment() -> None:
    history = [(NOW - timedelta(days=10), "low"), (NOW - timedelta(days=2), "high"), (NOW + timedelta(days=1), "low")]
    assert rules.level_at(history, NOW - timedelta(days=20), "normal") == "normal"
    assert rules.level_at(history, NOW - timedelta(days=5), "normal") == "low"
    assert rules.level_at(history, NOW, "normal") == "high"


@pytest.mark.parametrize(("status", "current", "new", "allowed"), [
    ("active", "high", "critical", True),
    ("active", "high", "high", False),        # not an escalation
    ("active", "high", "elevated", False),
    ("active", "high", "nonsense", False),
    ("stood_down", "high", "critical", False),
])
def test_can_escalate(status: str, current: str, new: str, allowed: bool) -> None:
    assert rules.can_escalate(status, current, new).allowed is allowed


@pytest.mark.parametrize(("level", "prompt"), [("elevated", False), ("high", True), ("critical", True)])
def test_declaring_is_suggested_from_high(level: str, prompt: bool) -> None:
    assert rules.should_consider_declaring(level) is prompt


def test_declaring_threshold_is_configurable(settings) -> None:  # noqa: ANN001
    settings.TENSION_DECLARE_RANK = 4
    assert rules.should_consider_declaring("elevated")


def test_the_scale_is_configurable(settings) -> None:  # noqa: ANN001
    settings.TENSION_LEVELS = [("green", "Green", ""), ("amber", "Amber", ""), ("red", "Red", "")]
    assert rules.trend("green", "red") == "rising"
    assert not rules.check_new_level("green", "high").allowed


@pytest.mark.parametrize(("hours", "ok"), [(1, True), (4, True), (336, True), (0, False), (337, False)])
def test_due_at_in_hours(hours: int, ok: bool) -> None:
    if ok:
        assert rules.due_at(NOW, hours) == NOW + timedelta(hours=hours)
    else:
        with pytest.raises(ValueError, match="hours"):
            rules.due_at(NOW, hours)


def test_one_alert_per_partner_agency() -> None:
    contacts = [(1, "a@police.test"), (1, "b@police.test"), (2, ""), (3, "duty@fire.test")]
    assert rules.alert_recipients(contacts) == [(1, "a@police.test"), (3, "duty@fire.test")]


@pytest.mark.parametrize(("current", "target", "verified", "approved", "allowed"), [
    ("monitoring", "countering", True, True, True),
    ("monitoring", "countering", False, True, False),   # facts not verified yet
    ("monitoring", "countering", True, False, False),   # counter-message not reviewed
    ("monitoring", "subsided", False, False, True),
    ("countering", "subsided", True, True, True),
    ("subsided", "monitoring", True, True, True),       # the claim resurfaced
    ("subsided", "countering", True, True, False),      # must be looked at again first
])
def test_rumour_lifecycle(current: str, target: str, verified: bool, approved: bool, allowed: bool) -> None:
    decision = rules.rumour_transition(current, target, verified=verified, counter_message_approved=approved)
    assert decision.allowed is allowed


@pytest.mark.parametrize(("status", "trend", "hours_ago", "spreading"), [
    ("monitoring", "rising", 200, True),     # rising, however long ago first noticed
    ("countering", "steady", 10, True),      # seen today
    ("monitoring", "falling", 100, False),   # not seen for four days and falling
    ("subsided", "rising", 1, False),
])
def test_spreading_now(status: str, trend: str, hours_ago: int, spreading: bool) -> None:
    assert rules.is_spreading(status, trend, NOW - timedelta(hours=hours_ago), NOW) is spreading


def test_spreading_order_puts_high_risk_rising_and_wide_reach_first() -> None:
    claims = [("low", "rising", 50000), ("high", "steady", 100), ("high", "rising", 10), ("high", "rising", 900)]
    assert sorted(claims, key=lambda c: rules.spreading_order(*c))[0] == ("high", "rising", 900)


@pytest.mark.parametrize(("text", "point", "inside"), [
    ("On or near Finkle Street, Workington", None, True),
    ("Harrington Road", None, True),                        # another of the area's place names
    ("On or near Main Street, Keswick", None, False),
    ("Workingtonshire", None, False),                       # whole words only
    ("", (54.6500, -3.5500), True),                         # under a kilometre from the centre
    ("Workington", (54.8925, -2.9329), False),              # the point (Carlisle) wins over the text
])
def test_in_area(text: str, point: tuple | None, inside: bool) -> None:
    assert rules.in_area(text, point, ["Workington", "Harrington"], (54.643, -3.548), 3.0) is inside


@pytest.mark.parametrize(("text", "found"), [
    ("A group of around 30 people gathered outside the mosque", []),
    ("Leaflets from Patriotic Alternative posted in the town centre", []),   # naming a group is allowed
    ("Contact him on 07700 900123", ["a mobile phone number"]),
    ("email jo.bloggs@example.com", ["an email address"]),
    ("lives at 14 Finkle Street", ["a house number and street"]),
    ("postcode CA14 3XY", ["a full postcode"]),
    ("posted by @localpatriot99", ["a social media handle"]),
    ("Ring 01900 325000", ["a phone number"]),
])
def test_personal_data_found(text: str, found: list[str]) -> None:
    assert rules.personal_data_found(text) == found
