"""Demo data for analysis: two years of synthetic police.uk street-level records and partner incidents (fire,
council ASB, hospital assault attendances) around Cumberland's towns, busiest in the night-time economy.

Everything is invented. The data goes in through the real importers (a CSV written to a temporary folder and
read back), so the demo also shows the import history and its checks. It never reads ../shared/data.

Call from core/demo.py's ``seed`` after ``build_standalone_incidents`` (any time after the partnership)::

    from analytics.demo import seed as seed_analytics
    seed_analytics(rng, builder.now)
"""

import csv
import random
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from analytics.importer import import_police_file
from analytics.partner import ColumnMapping
from analytics.partner_import import import_partner_file
from analytics.policeuk import STREET_COLUMNS

LONDON = ZoneInfo("Europe/London")
FORCE = "Cumbria Constabulary"
MONTHS = 24


@dataclass(frozen=True)
class Spot:
    town: str
    district: str  # the LSOA name prefix
    street: str
    lat: float
    lon: float
    nte: bool  # a night-time economy street


# Real street names and approximate positions; the records themselves are invented.
SPOTS = (
    Spot("Carlisle", "Carlisle", "Botchergate", 54.8885, -2.9290, True),
    Spot("Carlisle", "Carlisle", "English Street", 54.8920, -2.9345, True),
    Spot("Carlisle", "Carlisle", "Lowther Street", 54.8945, -2.9320, True),
    Spot("Carlisle", "Carlisle", "Devonshire Street", 54.8925, -2.9330, True),
    Spot("Carlisle", "Carlisle", "Warwick Road", 54.8905, -2.9150, False),
    Spot("Carlisle", "Carlisle", "Dalston Road", 54.8830, -2.9480, False),
    Spot("Carlisle", "Carlisle", "Scotland Road", 54.9070, -2.9390, False),
    Spot("Workington", "Allerdale", "Finkle Street", 54.6430, -3.5500, True),
    Spot("Workington", "Allerdale", "Pow Street", 54.6440, -3.5485, True),
    Spot("Workington", "Allerdale", "Washington Street", 54.6420, -3.5515, True),
    Spot("Workington", "Allerdale", "Moorclose Road", 54.6480, -3.5300, False),
    Spot("Whitehaven", "Copeland", "King Street", 54.5490, -3.5880, True),
    Spot("Whitehaven", "Copeland", "Duke Street", 54.5480, -3.5905, True),
    Spot("Whitehaven", "Copeland", "Tangier Street", 54.5502, -3.5868, True),
    Spot("Whitehaven", "Copeland", "Coach Road", 54.5420, -3.5850, False),
    Spot("Maryport", "Allerdale", "Senhouse Street", 54.7135, -3.4950, False),
    Spot("Cockermouth", "Allerdale", "Main Street", 54.6630, -3.3620, False),
    Spot("Keswick", "Allerdale", "Main Street", 54.6013, -3.1347, False),
)
# Crime types with their share of police.uk records, and whether they gather in the night-time economy.
CRIME_TYPES = (
    ("Anti-social behaviour", 30, True), ("Violence and sexual offences", 26, True), ("Public order", 8, True),
    ("Criminal damage and arson", 10, False), ("Shoplifting", 7, False), ("Other theft", 6, False),
    ("Burglary", 4, False), ("Vehicle crime", 3, False), ("Drugs", 3, True), ("Other crime", 3, False),
)
OUTCOMES = ("Investigation complete; no suspect identified", "Unable to prosecute suspect",
            "Under investigation", "Offender given a caution", "Awaiting court outcome", "Local resolution")
NIGHT_HOURS = (8, 6, 3, 2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 10, 11, 11, 10)
WEEKDAYS = (0.8, 0.7, 0.8, 1.0, 2.0, 2.4, 1.1)


def _months(now: datetime) -> list[date]:
    """The ``MONTHS`` whole months before this one, oldest first (police.uk publishes a month behind)."""
    first = date(now.year, now.month, 1)
    out = []
    for _ in range(MONTHS):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return out[::-1]


def _near(rng: random.Random, spot: Spot, spread: float = 0.0015) -> tuple[float, float]:
    return spot.lon + rng.gauss(0, spread * 1.7), spot.lat + rng.gauss(0, spread)


def _lsoa(spot: Spot, main: bool) -> tuple[str, str]:
    """Each spot lies in one LSOA, with a neighbouring one for records snapped across the boundary."""
    number = SPOTS.index(spot) * 2 + (0 if main else 1)
    return f"E0101{9000 + number}", f"{spot.district} {number + 1:03d}{'AB'[number % 2]}"


def _street_rows(rng: random.Random, months: list[date]) -> list[list[str]]:
    rows = []
    names, weights = [c[0] for c in CRIME_TYPES], [c[1] for c in CRIME_TYPES]
    nte_spots, other_spots = [s for s in SPOTS if s.nte], [s for s in SPOTS if not s.nte]
    for index, month in enumerate(months):
        # A gentle rise in the second year, and a summer and December peak.
        volume = int(300 * (1 + 0.1 * (index >= 12)) * (1.2 if month.month in (6, 7, 8, 12) else 1.0))
        for _ in range(volume):
            crime = rng.choices(names, weights)[0]
            nte = dict((c[0], c[2]) for c in CRIME_TYPES)[crime] and rng.random() < 0.6
            spot = rng.choice(nte_spots if nte else other_spots + nte_spots)
            lon, lat = _near(rng, spot)
            crime_id = "" if crime == "Anti-social behaviour" else f"{rng.getrandbits(256):064x}"
            rows.append([crime_id, f"{month:%Y-%m}", FORCE, FORCE, f"{lon:.6f}", f"{lat:.6f}",
                         f"On or near {spot.street}", *_lsoa(spot, rng.random() < 0.8), crime,
                         "" if not crime_id else rng.choice(OUTCOMES), ""])
    # A handful of rows with no location, as police.uk has.
    for row in rows[:: max(1, len(rows) // 5)]:
        row[4] = row[5] = ""
    return rows


def _moment(rng: random.Random, month: date) -> datetime:
    while True:
        day = month + timedelta(days=rng.randint(0, 27))
        if rng.random() * 2.4 <= WEEKDAYS[day.weekday()]:
            break
    hour = rng.choices(range(24), NIGHT_HOURS)[0]
    return datetime.combine(day, time(hour, rng.randint(0, 59)), tzinfo=LONDON)


PARTNER_SOURCES = (
    ("Cumbria Fire and Rescue Service", "CFRS", ("Deliberate secondary fire", "Deliberate vehicle fire"), 10),
    ("Cumberland Council", "CC-ASB", ("Noise", "Rowdy behaviour", "Street drinking"), 40),
    ("North Cumbria emergency departments", "ED", ("Assault attendance",), 45),
)


def _partner_rows(rng: random.Random, months: list[date], prefix: str, categories: tuple[str, ...],
                  per_month: int) -> list[list[str]]:
    rows = []
    nte_spots = [s for s in SPOTS if s.nte]
    for month in months:
        for n in range(per_month + rng.randint(-3, 3)):
            when = _moment(rng, month)
            spot = rng.choice(nte_spots if rng.random() < 0.7 else SPOTS)
            lon, lat = _near(rng, spot, 0.0008)
            rows.append([f"{prefix}-{month:%Y%m}-{n:04d}", when.strftime("%d/%m/%Y"), when.strftime("%H:%M"),
                         rng.choice(categories), f"{lat:.6f}", f"{lon:.6f}"])
    return rows


def _write(path: Path, header: list[str] | tuple[str, ...], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def seed(rng: random.Random, now: datetime) -> dict[str, int]:
    """Import the demo's police.uk months and partner incidents; returns rows imported by file."""
    months = _months(now)
    counts: dict[str, int] = {}
    mapping = ColumnMapping(reference="Reference", occurred="Date", time="Time", category="Type",
                            latitude="Latitude", longitude="Longitude")
    with tempfile.TemporaryDirectory() as folder:
        street = _write(Path(folder) / "demo-cumbria-street.csv", STREET_COLUMNS, _street_rows(rng, months))
        counts[street.name] = import_police_file(street).batch.imported
        for source, prefix, categories, per_month in PARTNER_SOURCES:
            path = _write(Path(folder) / f"demo-{prefix.lower()}.csv",
                          ["Reference", "Date", "Time", "Type", "Latitude", "Longitude"],
                          _partner_rows(rng, months, prefix, categories, per_month))
            counts[path.name] = import_partner_file(path, source, mapping).batch.imported
    return counts
