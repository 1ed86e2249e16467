"""Streaming import of police.uk CSV files: constant memory (rows go to the database in fixed-size
batches), idempotent (a force's month is loaded once), and every refused row reported with its line number.
"""

import csv
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from analytics.config import area_lsoa_prefixes
from analytics.geo import to_bng
from analytics.models import ImportBatch, ImportedSlice, ImportKind, OutcomeRecord, StreetRecord
from analytics.policeuk import Header, ParsedRow, RowProblem, in_area, parse_row, read_header
from audit.log import record
from audit.models import AuditAction

BATCH_ROWS = 20_000
PROBLEMS_KEPT = 200  # in the database; the command prints every one as it is found

STREET_FIELDS = ["batch_id", "month", "crime_id", "force", "longitude", "latitude", "easting", "northing",
                 "location", "lsoa_code", "lsoa_name", "crime_type", "last_outcome", "in_area"]
OUTCOME_FIELDS = ["batch_id", "month", "crime_id", "force", "easting", "northing", "lsoa_code", "lsoa_name",
                  "outcome_type", "in_area"]


@dataclass
class ImportResult:
    batch: ImportBatch
    problems: list[tuple[int, str]] = field(default_factory=list)
    by_type: Counter = field(default_factory=Counter)


Progress = Callable[[int, int], None]  # (characters read, file size)
ProblemSink = Callable[[int, str], None]


def _counting_lines(handle: TextIO, seen: list[int]) -> Iterator[str]:
    for line in handle:
        seen[0] += len(line)
        yield line


class _Slices:
    """Which (force, month) slices of this kind are new in this file, and which were loaded before."""

    def __init__(self, kind: str, batch: ImportBatch, replace: bool) -> None:
        self.kind, self.batch, self.replace = kind, batch, replace
        self.state: dict[tuple[str, object], bool] = {}

    def is_new(self, force: str, month: object) -> bool:
        key = (force, month)
        if key not in self.state:
            existing = ImportedSlice.objects.filter(kind=self.kind, force=force, month=month).first()
            if existing is not None and self.replace:
                model = StreetRecord if self.kind == ImportKind.STREET else OutcomeRecord
                model.objects.filter(force=force, month=month).delete()
                existing.delete()
                existing = None
            if existing is None:
                ImportedSlice.objects.create(kind=self.kind, force=force, month=month, batch=self.batch)
            self.state[key] = existing is None
        return self.state[key]


def _rows_for(kind: str, batch_id: int, rows: list[ParsedRow], area: tuple[str, ...]) -> list[tuple]:
    points = np.array([row.point if row.point else (np.nan, np.nan) for row in rows], dtype=float)
    eastings, northings = to_bng(points[:, 0], points[:, 1])
    out = []
    for row, e, n in zip(rows, eastings.tolist(), northings.tolist(), strict=True):
        e, n = (None, None) if row.point is None else (round(e, 1), round(n, 1))
        inside = in_area(row.lsoa_name, area)
        if kind == ImportKind.STREET:
            lon, lat = row.point or (None, None)
            out.append((batch_id, row.month, row.crime_id, row.force, lon, lat, e, n, row.location,
                        row.lsoa_code, row.lsoa_name, row.category, row.last_outcome, inside))
        else:
            out.append((batch_id, row.month, row.crime_id, row.force, e, n, row.lsoa_code, row.lsoa_name,
                        row.category, inside))
    return out


def _write(kind: str, rows: list[tuple]) -> None:
    """COPY on PostgreSQL (many times faster than INSERT), a plain executemany elsewhere."""
    model, columns = (StreetRecord, STREET_FIELDS) if kind == ImportKind.STREET else (OutcomeRecord, OUTCOME_FIELDS)
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            # Table and column names are our own constants; values are parameters.
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
            cursor.executemany(sql, rows)


def import_police_file(path: Path, *, replace: bool = False, progress: Progress | None = None,
                       on_problem: ProblemSink | None = None) -> ImportResult:
    """Import one police.uk street or outcomes CSV in one transaction (all of it or none of it)."""
    area = area_lsoa_prefixes()
    size = path.stat().st_size
    seen = [0]
    with transaction.atomic(), path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(_counting_lines(handle, seen))
        batch = ImportBatch.objects.create(kind=ImportKind.STREET, file_name=path.name)
        result = ImportResult(batch)

        def problem(line: int, reason: str) -> None:
            result.problems.append((line, reason)) if len(result.problems) < PROBLEMS_KEPT else None
            batch.bad_rows += 1
            if on_problem:
                on_problem(line, reason)

        try:
            header: Header = read_header(next(reader))
        except (StopIteration, RowProblem) as error:
            problem(1, str(error) or "the file is empty")
            # Every data line is still counted, so nothing is dropped without being reported.
            batch.rows_read = sum(1 for _ in reader)
            batch.bad_rows += batch.rows_read
            return _finish(result)
        batch.kind = header.kind
        slices = _Slices(header.kind, batch, replace)
        pending: list[ParsedRow] = []
        for fields in reader:
            batch.rows_read += 1
            try:
                row = parse_row(fields, header)
            except RowProblem as error:
                problem(reader.line_num, str(error))
                continue
            if not slices.is_new(row.force, row.month):
                batch.already_imported += 1
                continue
            result.by_type[row.category] += 1
            if not in_area(row.lsoa_name, area):
                batch.outside_area += 1
            pending.append(row)
            if len(pending) >= BATCH_ROWS:
                _flush(header.kind, batch, pending, area)
                if progress:
                    progress(seen[0], size)
        _flush(header.kind, batch, pending, area)
        if progress:
            progress(size, size)
        return _finish(result)


def _flush(kind: str, batch: ImportBatch, pending: list[ParsedRow], area: tuple[str, ...]) -> None:
    if pending:
        _write(kind, _rows_for(kind, batch.pk, pending, area))
        batch.imported += len(pending)
        pending.clear()


def _finish(result: ImportResult) -> ImportResult:
    batch = result.batch
    batch.by_type = dict(result.by_type.most_common())
    batch.problems = [[line, reason] for line, reason in result.problems]
    batch.finished_at = timezone.now()
    batch.save()
    record(None, AuditAction.CREATE, batch,
           reason=f"police.uk import: {batch.imported} imported, {batch.bad_rows} refused")
    return result
