"""Channel referral figures over time, for Prevent oversight and the board: counts only, small numbers hidden."""

from datetime import date

from django.db.models import Count
from django.db.models.functions import ExtractMonth, ExtractYear

from reviews.models import ChannelReferral
from reviews.rules import suppress


def quarter_of(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def referral_counts(start: date | None = None, end: date | None = None) -> dict[str, int]:
    """Referrals received per calendar quarter (raw counts: callers outside casework must suppress)."""
    rows = ChannelReferral.objects.all()
    if start:
        rows = rows.filter(received_on__gte=start)
    if end:
        rows = rows.filter(received_on__lte=end)
    counts: dict[str, int] = {}
    grouped = rows.annotate(y=ExtractYear("received_on"), m=ExtractMonth("received_on")).values("y", "m")
    for row in grouped.annotate(n=Count("id")):
        key = f"{row['y']} Q{(row['m'] - 1) // 3 + 1}"
        counts[key] = counts.get(key, 0) + row["n"]
    return dict(sorted(counts.items()))


def referrals_by_quarter() -> list[tuple[str, str]]:
    return [(quarter, suppress(n)) for quarter, n in referral_counts().items()]
