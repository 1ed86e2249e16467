"""Rules for police.uk CSV rows: pure functions, data in, parsed row or the reason it is refused out.

Each refused row is reported with its line number; nothing is dropped without a reason.
"""

import contextlib
import re
from dataclasses import dataclass
from datetime import date

import numpy as np

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


# --- Whole chunks at a time (the importer's fast path) -------------------------------------------------------
# ``parse_row`` stays the one statement of the rules. ``parse_rows`` checks a chunk column by column with cheap
# whole-column tests; any row a test cannot clear is handed to ``parse_row`` for its verdict and its reason, so
# the rows refused, their reasons and the values kept are exactly those of ``parse_row``.

HEX_TEXT = re.compile(r"[0-9a-f]*")


@dataclass
class ParsedRows:
    """The rows of a chunk that passed, column by column, in file order (values as ``parse_row`` gives them)."""

    months: list[date]
    crime_ids: list[str]
    forces: list[str]
    lon_texts: list[str]  # stripped as in the file, "" when the row has no point
    lat_texts: list[str]
    lon: np.ndarray  # NaN when the row has no point
    lat: np.ndarray
    locations: list[str]
    lsoa_codes: list[str]
    lsoa_names: list[str]
    categories: list[str]
    last_outcomes: list[str]

    def __len__(self) -> int:
        return len(self.months)

    def select(self, keep: list[bool]) -> "ParsedRows":
        """Only the rows whose flag is true."""
        mask = np.array(keep, dtype=bool)

        def pick(values: list) -> list:
            return [value for value, flag in zip(values, keep, strict=True) if flag]

        return ParsedRows(
            months=pick(self.months), crime_ids=pick(self.crime_ids), forces=pick(self.forces),
            lon_texts=pick(self.lon_texts), lat_texts=pick(self.lat_texts), lon=self.lon[mask], lat=self.lat[mask],
            locations=pick(self.locations), lsoa_codes=pick(self.lsoa_codes), lsoa_names=pick(self.lsoa_names),
            categories=pick(self.categories), last_outcomes=pick(self.last_outcomes),
        )


def _floats(texts: list[str]) -> np.ndarray:
    """Python ``float`` of each text (the same parser as ``parse_point``), NaN for "" or what it cannot read."""
    try:
        return np.array(list(map(float, [text or "nan" for text in texts])), dtype=float)
    except ValueError:
        out = np.full(len(texts), np.nan)
        for position, text in enumerate(texts):
            with contextlib.suppress(ValueError):
                out[position] = float(text)
        return out


def _check_columns(rows: list[list[str]], header: Header) -> tuple[ParsedRows, list[int]]:
    """The chunk's columns, and the positions of rows a whole-column test could not clear (a superset of the
    rows ``parse_row`` refuses)."""
    width, n = header.width, len(rows)
    suspects: set[int] = set()
    if rows and set(map(len, rows)) != {width}:
        suspects.update(i for i, fields in enumerate(rows) if len(fields) != width)
        rows = [[""] * width if i in suspects else fields for i, fields in enumerate(rows)]
    columns = list(zip(*rows, strict=True)) if rows else [()] * width

    for column in columns:  # check_text: one isascii() per column, the regex only when it fails
        joined = "".join(column)
        if not joined.isascii() and NOT_UTF8.search(joined):
            suspects.update(i for i, value in enumerate(column) if NOT_UTF8.search(value))

    def text(name: str, *, required: bool = False) -> list[str]:
        values = list(map(str.strip, columns[header.index[name]]))
        limit = MAX_LENGTHS.get(name)
        if (required and not all(values)) or (limit and max(map(len, values), default=0) > limit):
            suspects.update(i for i, value in enumerate(values)
                            if (required and not value) or (limit and len(value) > limit))
        return values

    outcomes = header.kind == "outcomes"
    crime_ids = text("Crime ID")
    if (not set(map(len, crime_ids)) <= {0, 64} or not HEX_TEXT.fullmatch("".join(crime_ids))
            or (outcomes and not all(crime_ids))):
        suspects.update(i for i, value in enumerate(crime_ids)
                        if (value and not CRIME_ID.match(value)) or (outcomes and not value))

    month_column = columns[header.index["Month"]]
    month_of: dict[str, date | None] = {}
    for value in set(month_column):
        try:
            month_of[value] = parse_month(value.strip())
        except RowProblem:
            month_of[value] = None
    months = list(map(month_of.__getitem__, month_column))
    if None in month_of.values():
        suspects.update(i for i, value in enumerate(months) if value is None)

    lon_texts = list(map(str.strip, columns[header.index["Longitude"]]))
    lat_texts = list(map(str.strip, columns[header.index["Latitude"]]))
    lon, lat = _floats(lon_texts), _floats(lat_texts)
    with np.errstate(invalid="ignore"):
        fine = ((LONGITUDE_RANGE[0] <= lon) & (lon <= LONGITUDE_RANGE[1])
                & (LATITUDE_RANGE[0] <= lat) & (lat <= LATITUDE_RANGE[1]))
    if "" in lon_texts or "" in lat_texts:  # both empty: a row with no point, which is allowed
        no_point = np.array([not a and not b for a, b in zip(lon_texts, lat_texts, strict=True)], dtype=bool)
        fine |= no_point
        lon[no_point] = lat[no_point] = np.nan
    if not fine.all():
        suspects.update(np.flatnonzero(~fine).tolist())

    parsed = ParsedRows(
        months=months, crime_ids=crime_ids, forces=text("Falls within", required=True),
        lon_texts=lon_texts, lat_texts=lat_texts, lon=lon, lat=lat,
        locations=text("Location"), lsoa_codes=text("LSOA code"), lsoa_names=text("LSOA name"),
        categories=text("Outcome type" if outcomes else "Crime type", required=True),
        last_outcomes=[""] * n if outcomes else text("Last outcome category"),
    )
    return parsed, sorted(suspects)


def _from_parsed(rows: list[ParsedRow]) -> ParsedRows:
    points = [row.point or (np.nan, np.nan) for row in rows]
    return ParsedRows(
        months=[row.month for row in rows], crime_ids=[row.crime_id for row in rows],
        forces=[row.force for row in rows],
        lon_texts=[repr(row.point[0]) if row.point else "" for row in rows],
        lat_texts=[repr(row.point[1]) if row.point else "" for row in rows],
        lon=np.array([p[0] for p in points], dtype=float), lat=np.array([p[1] for p in points], dtype=float),
        locations=[row.location for row in rows], lsoa_codes=[row.lsoa_code for row in rows],
        lsoa_names=[row.lsoa_name for row in rows], categories=[row.category for row in rows],
        last_outcomes=[row.last_outcome for row in rows],
    )


def parse_rows(rows: list[list[str]], header: Header) -> tuple[ParsedRows, list[tuple[int, str]]]:
    """The rows of a chunk that pass, as columns, and (position in the chunk, reason) for each refused one."""
    parsed, suspects = _check_columns(rows, header)
    if not suspects:
        return parsed, []
    problems: list[tuple[int, str]] = []
    for position in suspects:
        try:
            parse_row(rows[position], header)
        except RowProblem as error:
            problems.append((position, str(error)))
    refused = {position for position, _ in problems}
    kept = [fields for position, fields in enumerate(rows) if position not in refused]
    parsed, suspects = _check_columns(kept, header)
    if suspects:  # a whole-column test stricter than parse_row: take parse_row's values for the chunk
        parsed = _from_parsed([parse_row(fields, header) for fields in kept])
    return parsed, problems
