"""Sign-in rules, as plain functions."""

from datetime import datetime, timedelta


def lockout_after_failure(failures: int, now: datetime, *, max_failures: int, minutes: int) -> datetime | None:
    """When an account locks after its ``failures``-th consecutive failed sign-in, or None if it doesn't."""
    if failures >= max_failures:
        return now + timedelta(minutes=minutes)
    return None
