"""Rules for police.uk CSV rows: pure functions, data in, parsed row or the reason it is refused out.

Each refused row is reported with its line number; nothing is dropped without a reason.
"""

import re
from dataclasses import dataclass
from datetime import date

STREET_COLUMNS = ("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                  "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context")
OUTCOME_COLUMNS = ("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                   "LSOA code", "LSOA name", "Outcome type")

MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
CRIME_ID = re.compile(r"^[0-9a-f]{64}$")
# police.uk covers England, Wales and Northern Ireland: a generous box around them.
LONGITUDE_RANGE = (-8.8, 2.0)
LATITUDE_RANGE = (49.8, 61.0)
MAX_LENGTHS = {"Location": 200, "LSOA name": 100, "LSOA code": 12, "Crime type": 64, "Falls within": 100,
               "Last outcome category": 120, "Outcome type": 120}


class RowProblem(ValueError):
    """Why a row was not imported; the message is shown to the analyst with the line number."""


@dataclass(frozen=True)
class Header:
    kind: str  # "street" or "outcomes"
    index: dict[str, int]
    width: int


def read_header(fields: list[str]) -> Header:
    """Which kind of police.uk file this is, from its header; refuses a header with missing columns."""
    names = [field.strip().lstrip("\ufeff") for field in fields]
    kind, expected = ("outcomes", OUTCOME_COLUMNS) if "Outcome type" in names else ("street", STREET_COLUMNS)
    missing = [column for column in expected if column not in names]
    if missing:
        raise RowProblem(f"the header is missing these columns: {', '.join(missing)}")
    return Header(kind, {name: names.index(name) for name in expected}, len(names))


def parse_month(text: str) -> date:
    match = MONTH.match(text)
    if not match:
        raise RowProblem(f"month {text[:20]!r} is not in the form YYYY-MM")
    return date(int(match.group(1)), int(match.group(2)), 1)


def parse_point(lon_text: str, lat_text: str) -> tuple[float, float] | None:
    """The map point, None when the row has no location; refuses half a point or one outside the UK."""
    lon_text, lat_text = lon_text.strip(), lat_text.strip()
    if not lon_text and not lat_text:
        return None
    if not lon_text or not lat_text:
        raise RowProblem("only one of longitude and latitude is given")
    try:
        lon, lat = float(lon_text), float(lat_text)
    except ValueError:
        raise RowProblem(f"coordinates {lon_text[:20]!r}, {lat_text[:20]!r} are not numbers") from None
    if not (LONGITUDE_RANGE[0] <= lon <= LONGITUDE_RANGE[1] and LATITUDE_RANGE[0] <= lat <= LATITUDE_RANGE[1]):
        raise RowProblem(f"coordinates {lon}, {lat} are outside England, Wales and Northern Ireland")
    return lon, lat


# Files are read with errors="surrogateescape", so a byte that is not UTF-8 becomes one of these code points.
# One regular-expression search over the joined line: a per-character loop here was most of the import time.
NOT_UTF8 = re.compile("[\udc80-\udcff]")


def check_text(fields: list[str]) -> None:
    if NOT_UTF8.search("".join(fields)):
        raise RowProblem("the line has bytes that are not valid UTF-8")


def field(fields: list[str], header: Header, name: str, *, required: bool = False) -> str:
    value = fields[header.index[name]].strip()
    if required and not value:
        raise RowProblem(f"{name} is empty")
    limit = MAX_LENGTHS.get(name)
    if limit and len(value) > limit:
        raise RowProblem(f"{name} is longer than {limit} characters")
    return value


@dataclass(frozen=True)
class ParsedRow:
    month: date
    crime_id: str
    force: str
    point: tuple[float, float] | None
    location: str
    lsoa_code: str
    lsoa_name: str
    category: str  # crime type (street) or outcome type (outcomes)
    last_outcome: str


def parse_row(fields: list[str], header: Header) -> ParsedRow:
    """A checked row, or ``RowProblem`` saying what is wrong with it."""
    check_text(fields)
    if len(fields) != header.width:
        raise RowProblem(f"expected {header.width} fields, found {len(fields)}")
    crime_id = field(fields, header, "Crime ID")
    if crime_id and not CRIME_ID.match(crime_id):
        raise RowProblem("Crime ID is not 64 hexadecimal characters")
    category_column = "Outcome type" if header.kind == "outcomes" else "Crime type"
    if header.kind == "outcomes" and not crime_id:
        raise RowProblem("Crime ID is empty (every outcome belongs to a crime)")
    return ParsedRow(
        month=parse_month(field(fields, header, "Month")),
        crime_id=crime_id,
        force=field(fields, header, "Falls within", required=True),
        point=parse_point(fields[header.index["Longitude"]], fields[header.index["Latitude"]]),
        location=field(fields, header, "Location"),
        lsoa_code=field(fields, header, "LSOA code"),
        lsoa_name=field(fields, header, "LSOA name"),
        category=field(fields, header, category_column, required=True),
        last_outcome=field(fields, header, "Last outcome category") if header.kind == "street" else "",
    )


def in_area(lsoa_name: str, prefixes: tuple[str, ...]) -> bool:
    """Inside the partnership's area: its LSOA name starts with one of the prefixes (no prefixes: all).

    A row with no LSOA cannot be placed, so with an area set it counts as outside and is reported."""
    if not prefixes:
        return True
    return bool(lsoa_name) and lsoa_name.startswith(prefixes)
