"""Rules for trends: pure functions, data in, answer out. Table-tested in tests/test_trend_rules.py."""

from dataclasses import dataclass
from datetime import date

from analytics.config import SMALL_NUMBER, suppress

# Which category sets a partner's free-text category belongs to, by words in it. Partners name things their
# own way; these defaults cover common fire, council and hospital exports and are replaceable in settings.
PARTNER_KEYWORDS: dict[str, tuple[str, ...]] = {
    "violence": ("assault", "violence", "wounding", "sexual"),
    "vawg": ("assault", "violence", "wounding", "sexual", "harassment", "stalking", "domestic", "spiking"),
    "public_order": ("disorder", "public order", "fighting"),
    "asb": ("asb", "anti-social", "antisocial", "noise", "rowdy", "nuisance", "street drinking", "secondary fire"),
    "all": ("",),
}

# The shared case file's incident categories in each category set.
INCIDENT_CATEGORIES: dict[str, tuple[str, ...]] = {
    "violence": ("violence", "sexual_offence"),
    "vawg": ("violence", "sexual_offence", "public_order", "domestic_abuse"),
    "public_order": ("public_order",),
    "asb": ("asb_personal", "asb_nuisance", "asb_environmental"),
    "all": ("*",),
}


def partner_category_in_set(category: str, set_code: str, keywords: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Does a partner's category (e.g. "Assault attendance") belong to a category set (e.g. "vawg")?"""
    words = (keywords or PARTNER_KEYWORDS).get(set_code, ())
    text = category.lower()
    return any(word in text for word in words)


def add_months(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class MonthTrend:
    month: date
    count: int
    last_year: int | None  # None when the month a year before is outside the data
    shown: str
    last_year_shown: str
    change: str  # "+12%", "-3%", "" when either side is too small to compare without revealing a small count


def year_on_year(series: dict[date, int], months: list[date], first_held: date | None) -> list[MonthTrend]:
    """Each month's count next to the same month a year before, with the change in per cent.

    The change is left blank when either count is below the small-number threshold: a percentage of a
    suppressed count would let a reader work the count back out."""
    rows = []
    for month in months:
        count = series.get(month, 0)
        before_month = add_months(month, -12)
        last = series.get(before_month, 0) if first_held and before_month >= first_held else None
        change = ""
        if last is not None and last >= SMALL_NUMBER and (count >= SMALL_NUMBER or count == 0):
            change = f"{(count - last) / last:+.0%}"
        rows.append(MonthTrend(month, count, last, suppress(count),
                               "" if last is None else suppress(last), change))
    return rows


def months_between(start: date, end: date) -> list[date]:
    out, month = [], start.replace(day=1)
    while month <= end:
        out.append(month)
        month = add_months(month, 1)
    return out


def heat_level(count: int, peak: int, levels: int = 5) -> int:
    """Shade 0 (none) to ``levels`` for a heat-map cell. Counts below the threshold all share the first shade
    so the shading does not reveal a suppressed count."""
    if count <= 0 or peak <= 0:
        return 0
    if count < SMALL_NUMBER:
        return 1
    return max(1, min(levels, 1 + int((levels - 1) * count / peak + 0.5)))


def repeat_locations(counts: dict[tuple[str, str], int], minimum: int, limit: int = 20) -> list[tuple[str, str, int]]:
    """Places with at least ``minimum`` records, most first; ties by name so the order is stable."""
    found = [(place, area, n) for (place, area), n in counts.items() if n >= minimum and place]
    return sorted(found, key=lambda row: (-row[2], row[0], row[1]))[:limit]
