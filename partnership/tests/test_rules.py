"""The sign-in lockout rule, as a table: how many consecutive failures lock an account, and for how long."""

from datetime import UTC, datetime, timedelta

import pytest

from partnership.rules import lockout_after_failure

NOW = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("failures", "max_failures", "minutes", "expected"),
    [
        # Below the limit: never locked.
        (0, 5, 15, None),
        (1, 5, 15, None),
        (4, 5, 15, None),
        # At the limit: locked for the configured time, counted from now.
        (5, 5, 15, NOW + timedelta(minutes=15)),
        # Past the limit (e.g. two failures raced): still locked, not for longer.
        (6, 5, 15, NOW + timedelta(minutes=15)),
        (50, 5, 15, NOW + timedelta(minutes=15)),
        # A limit of one locks on the first failure.
        (1, 1, 15, NOW + timedelta(minutes=15)),
        (0, 1, 15, None),
        # The duration comes from the setting, not a constant.
        (3, 3, 1, NOW + timedelta(minutes=1)),
        (3, 3, 60 * 24, NOW + timedelta(days=1)),
        (2, 3, 60 * 24, None),
    ],
)
def test_lockout_after_failure_locks_only_at_the_limit_for_the_configured_minutes(
    failures: int, max_failures: int, minutes: int, expected: datetime | None
) -> None:
    assert lockout_after_failure(failures, NOW, max_failures=max_failures, minutes=minutes) == expected


def test_lockout_keeps_the_time_zone_of_now() -> None:
    locked_until = lockout_after_failure(5, NOW, max_failures=5, minutes=15)

    assert locked_until is not None
    assert locked_until.tzinfo is UTC
    assert locked_until > NOW
