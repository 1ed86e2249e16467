"""Rules for partner incident CSVs (fire, council, health): pure functions, data in, parsed row or the reason
it is refused out. A column mapping says which of the partner's columns hold what we need.

Partners export their own layouts, so nothing is assumed about column names; only the meaning is fixed.
"""

from dataclasses import dataclass, fields
from datetime import datetime
from zoneinfo import ZoneInfo

from analytics.policeuk import LATITUDE_RANGE, LONGITUDE_RANGE, RowProblem, check_text

# Partners write dates many ways; UK day-first forms only (never US month-first, which is ambiguous).
DATETIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
                    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M")
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
TIME_FORMATS = ("%H:%M:%S", "%H:%M", "%H%M")
# British National Grid covers Great Britain within these bounds (metres).
EASTING_RANGE = (0.0, 700_000.0)
NORTHING_RANGE = (0.0, 1_300_000.0)
MAX_REFERENCE, MAX_CATEGORY = 100, 100


@dataclass(frozen=True)
class ColumnMapping:
    """The partner's column name for each thing we keep. Blank = the file has no such column."""

    reference: str
    occurred: str
    category: str
    time: str = ""  # when the date and the time are in separate columns
    latitude: str = ""
    longitude: str = ""
    easting: str = ""
    northing: str = ""

    def used(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


@dataclass(frozen=True)
class PartnerHeader:
    index: dict[str, int]  # our name -> position in the row
    width: int


@dataclass(frozen=True)
class PartnerRow:
    reference: str
    occurred_at: datetime
    category: str
    point: tuple[str, float, float] | None  # ("wgs84", lon, lat) or ("bng", easting, northing)


def read_partner_header(names: list[str], mapping: ColumnMapping) -> PartnerHeader:
    """Where each mapped column is; refuses a mapping that names columns the file does not have."""
    if bool(mapping.latitude) != bool(mapping.longitude) or bool(mapping.easting) != bool(mapping.northing):
        raise RowProblem("give both latitude and longitude columns, or both easting and northing, or neither")
    clean = [name.strip().lstrip("\ufeff") for name in names]
    missing = [column for column in mapping.used().values() if column not in clean]
    if missing:
        raise RowProblem(f"the header is missing these columns: {', '.join(missing)}")
    return PartnerHeader({ours: clean.index(theirs) for ours, theirs in mapping.used().items()}, len(clean))


def _first_format(text: str, formats: tuple[str, ...]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt)  # noqa: DTZ007 - made aware by the caller in local time
        except ValueError:
            continue
    return None


def parse_when(date_text: str, time_text: str | None, zone: ZoneInfo) -> datetime:
    """An aware local time. A date with no time is refused: hour-of-week analysis would put it at midnight."""
    date_text = date_text.strip()
    if not date_text:
        raise RowProblem("the date is empty")
    if time_text is not None:
        day = _first_format(date_text, DATE_FORMATS)
        clock = _first_format(time_text.strip(), TIME_FORMATS)
        if day is None:
            raise RowProblem(f"date {date_text[:20]!r} is not a date like 2024-11-30 or 30/11/2024")
        if clock is None:
            raise RowProblem(f"time {time_text.strip()[:20]!r} is not a time like 22:15")
        return day.replace(hour=clock.hour, minute=clock.minute, second=clock.second, tzinfo=zone)
    moment = _first_format(date_text, DATETIME_FORMATS)
    if moment is None:
        if _first_format(date_text, DATE_FORMATS) is not None:
            raise RowProblem("the date has no time of day (map a time column if the time is separate)")
        raise RowProblem(f"{date_text[:25]!r} is not a date and time like 2024-11-30 22:15")
    return moment.replace(tzinfo=zone)


def parse_partner_point(values: dict[str, str]) -> tuple[str, float, float] | None:
    for kind, first, second, ranges in (("wgs84", "longitude", "latitude", (LONGITUDE_RANGE, LATITUDE_RANGE)),
                                        ("bng", "easting", "northing", (EASTING_RANGE, NORTHING_RANGE))):
        a, b = values.get(first, "").strip(), values.get(second, "").strip()
        if not a and not b:
            continue
        if not a or not b:
            raise RowProblem(f"only one of {first} and {second} is given")
        try:
            x, y = float(a), float(b)
        except ValueError:
            raise RowProblem(f"{first} and {second} {a[:20]!r}, {b[:20]!r} are not numbers") from None
        if not (ranges[0][0] <= x <= ranges[0][1] and ranges[1][0] <= y <= ranges[1][1]):
            raise RowProblem(f"{first} and {second} {x}, {y} are outside Great Britain and Northern Ireland")
        return kind, x, y
    return None


def parse_partner_row(row: list[str], header: PartnerHeader, zone: ZoneInfo) -> PartnerRow:
    """A checked row, or ``RowProblem`` saying what is wrong with it."""
    check_text(row)
    if len(row) != header.width:
        raise RowProblem(f"expected {header.width} fields, found {len(row)}")
    values = {ours: row[i] for ours, i in header.index.items()}
    reference, category = values["reference"].strip(), values["category"].strip()
    if not reference:
        raise RowProblem("the reference is empty")
    if len(reference) > MAX_REFERENCE:
        raise RowProblem(f"the reference is longer than {MAX_REFERENCE} characters")
    if not category:
        raise RowProblem("the category is empty")
    if len(category) > MAX_CATEGORY:
        raise RowProblem(f"the category is longer than {MAX_CATEGORY} characters")
    occurred = parse_when(values["occurred"], values.get("time"), zone)
    return PartnerRow(reference, occurred, category, parse_partner_point(values))
