"""Streaming import of a partner's incident CSV with a column mapping. Every row is accounted for: imported,
already imported (same source and reference), or refused with its line number and reason."""

import csv
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from analytics.geo import to_bng
from analytics.importer import PROBLEMS_KEPT, ImportResult, ProblemSink
from analytics.models import ImportBatch, ImportKind, PartnerIncident
from analytics.partner import ColumnMapping, PartnerRow, parse_partner_row, read_partner_header
from analytics.policeuk import RowProblem
from audit.log import record
from audit.models import AuditAction

BATCH_ROWS = 2_000


def import_partner_file(path: Path, source: str, mapping: ColumnMapping, *, file_name: str = "",
                        on_problem: ProblemSink | None = None) -> ImportResult:
    """Import one partner CSV in one transaction. Re-importing the same rows adds nothing."""
    zone = ZoneInfo(settings.TIME_ZONE)
    with transaction.atomic(), path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle)
        batch = ImportBatch.objects.create(kind=ImportKind.PARTNER, file_name=file_name or path.name)
        result = ImportResult(batch)

        def problem(line: int, reason: str) -> None:
            if len(result.problems) < PROBLEMS_KEPT:
                result.problems.append((line, reason))
            batch.bad_rows += 1
            if on_problem:
                on_problem(line, reason)

        try:
            header = read_partner_header(next(reader), mapping)
        except (StopIteration, RowProblem) as error:
            problem(1, str(error) or "the file is empty")
            batch.rows_read = sum(1 for _ in reader)
            batch.bad_rows += batch.rows_read
            return _finish(result, source)
        pending: dict[str, PartnerRow] = {}
        for fields in reader:
            batch.rows_read += 1
            try:
                row = parse_partner_row(fields, header, zone)
            except RowProblem as error:
                problem(reader.line_num, str(error))
                continue
            if row.reference in pending:
                problem(reader.line_num, "the same reference appears earlier in the file")
                continue
            pending[row.reference] = row
            if len(pending) >= BATCH_ROWS:
                _flush(batch, source, pending, result)
        _flush(batch, source, pending, result)
        return _finish(result, source)


def _flush(batch: ImportBatch, source: str, pending: dict[str, PartnerRow], result: ImportResult) -> None:
    existing = set(PartnerIncident.objects.filter(source=source, source_reference__in=list(pending))
                   .values_list("source_reference", flat=True))
    batch.already_imported += len(existing)
    rows = [row for reference, row in pending.items() if reference not in existing]
    pending.clear()
    if not rows:
        return
    points = _grid_points(rows)
    PartnerIncident.objects.bulk_create(
        [PartnerIncident(batch=batch, source=source, source_reference=row.reference, occurred_at=row.occurred_at,
                         category=row.category, easting=e, northing=n) for row, (e, n) in zip(rows, points,
                                                                                               strict=True)],
        batch_size=1_000)
    batch.imported += len(rows)
    result.by_type.update(row.category for row in rows)


def _grid_points(rows: list[PartnerRow]) -> list[tuple[float | None, float | None]]:
    """British National Grid metres for every row: converted from WGS84 in one vectorised call."""
    wgs = np.array([row.point[1:] if row.point and row.point[0] == "wgs84" else (np.nan, np.nan) for row in rows])
    eastings, northings = to_bng(wgs[:, 0], wgs[:, 1])
    out: list[tuple[float | None, float | None]] = []
    for row, e, n in zip(rows, eastings.tolist(), northings.tolist(), strict=True):
        if row.point is None:
            out.append((None, None))
        elif row.point[0] == "bng":
            out.append((row.point[1], row.point[2]))
        else:
            out.append((round(e, 1), round(n, 1)))
    return out


def _finish(result: ImportResult, source: str) -> ImportResult:
    batch = result.batch
    batch.by_type = dict(result.by_type.most_common())
    batch.problems = [[line, reason] for line, reason in result.problems]
    batch.finished_at = timezone.now()
    batch.save()
    record(None, AuditAction.CREATE, batch,
           reason=f"partner import: {batch.imported} imported, {batch.already_imported} already held, "
                  f"{batch.bad_rows} refused")
    return result
