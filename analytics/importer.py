"""Streaming import of police.uk CSV files: constant memory (rows go to the database in fixed-size
chunks), idempotent (a force's month is loaded once), and every refused row reported with its line number.

Speed: rows are read in chunks of ``CHUNK_ROWS`` and checked column by column (``policeuk.parse_rows``), the
chunk's coordinates go to the National Grid in one vectorised pyproj call, and on PostgreSQL the chunk is
written with COPY from one pre-formatted text buffer on a worker thread, so the database stores one chunk
while the next is being read and checked. ``import_police_files`` imports several files at once on PostgreSQL,
each in its own process and its own transaction (a year of data is twelve monthly files).
"""

import csv
import gc
import multiprocessing
import re
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice, repeat
from pathlib import Path

import numpy as np
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from analytics.config import area_lsoa_prefixes
from analytics.geo import to_bng
from analytics.models import ImportBatch, ImportedSlice, ImportKind, OutcomeRecord, StreetRecord
from analytics.policeuk import Header, ParsedRows, RowProblem, in_area, parse_rows, read_header
from audit.log import record
from audit.models import AuditAction

CHUNK_ROWS = 20_000
BATCH_ROWS = CHUNK_ROWS  # the older name
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


Progress = Callable[[int, int], None]  # (bytes read, file size)
ProblemSink = Callable[[int, str], None]


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
                if self.kind == ImportKind.STREET:
                    # Both values of in_area, so the (in_area, month, crime_type) index finds the month's rows.
                    StreetRecord.objects.filter(in_area__in=[True, False], force=force, month=month).delete()
                else:
                    OutcomeRecord.objects.filter(force=force, month=month).delete()
                existing.delete()
                existing = None
            if existing is None:
                try:
                    with transaction.atomic():
                        ImportedSlice.objects.create(kind=self.kind, force=force, month=month, batch=self.batch)
                except IntegrityError:
                    # Another file with this force's month was being imported at the same time and committed
                    # first (PostgreSQL made this insert wait for it): those rows are already there.
                    existing = True
            self.state[key] = existing is None
        return self.state[key]


# COPY text format: tab between columns, \N for NULL, and backslash escapes inside values.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(values: list[str]) -> list[str]:
    return [value.translate(_COPY_ESCAPES) for value in values]


_PLAIN_NUMBERS = re.compile(r"[0-9.+\-eE]*")


def _copy_floats(texts: list[str], values: np.ndarray) -> list[str]:
    """Longitude or latitude for COPY: the file's own digits when PostgreSQL reads them as the same number
    Python's float() did (both round correctly), else repr of the float; \\N for no point."""
    if _PLAIN_NUMBERS.fullmatch("".join(texts)):
        return [text or "\\N" for text in texts]
    return ["\\N" if np.isnan(value) else repr(value) for value in values.tolist()]


def _copy_metres(values: np.ndarray) -> list[str]:
    """round(value, 1) as text (the same correctly rounded decimal), \\N for NaN (no point)."""
    texts = list(map(float.__format__, values.tolist(), repeat(".1f")))
    if np.isnan(values).any():
        texts = ["\\N" if text == "nan" else text for text in texts]
    return texts


def _copy_buffer(kind: str, batch_id: int, rows: ParsedRows, eastings: np.ndarray, northings: np.ndarray,
                 inside: list[bool]) -> str:
    """The chunk as COPY text. Values are joined as they are, then the text is checked once: if its only
    backslashes are our own NULLs and it has exactly one tab between columns and one line break per row, no value
    needed escaping (the usual case); otherwise the text values are escaped and it is joined again."""
    months = {month: month.isoformat() for month in set(rows.months)}
    flags = ["t" if flag else "f" for flag in inside]
    metres = [_copy_metres(eastings), _copy_metres(northings)]
    numbers = [_copy_floats(rows.lon_texts, rows.lon), _copy_floats(rows.lat_texts, rows.lat), *metres]
    if kind != ImportKind.STREET:
        numbers = metres
    nulls = sum(column.count("\\N") for column in numbers)

    def joined(text: Callable[[list[str]], list[str]]) -> str:
        common = [repeat(str(batch_id), len(rows)), list(map(months.__getitem__, rows.months)),
                  text(rows.crime_ids), text(rows.forces)]
        if kind == ImportKind.STREET:
            columns = [*common, *numbers, text(rows.locations), text(rows.lsoa_codes), text(rows.lsoa_names),
                       text(rows.categories), text(rows.last_outcomes), flags]
        else:
            columns = [*common, *numbers, text(rows.lsoa_codes), text(rows.lsoa_names), text(rows.categories), flags]
        return "\n".join(map("\t".join, zip(*columns, strict=False))) + "\n"

    buffer = joined(lambda values: values)
    width = len(STREET_FIELDS if kind == ImportKind.STREET else OUTCOME_FIELDS)
    if (buffer.count("\\") != nulls or "\r" in buffer or buffer.count("\t") != (width - 1) * len(rows)
            or buffer.count("\n") != len(rows)):
        buffer = joined(_copy_text)
    return buffer


def _row_tuples(kind: str, batch_id: int, rows: ParsedRows, eastings: np.ndarray, northings: np.ndarray,
                inside: list[bool]) -> list[tuple]:
    """Rows as Python values for a plain executemany (databases other than PostgreSQL)."""
    has_point = (~np.isnan(rows.lon)).tolist()
    out = []
    for i, has in enumerate(has_point):
        e, n = (round(eastings[i].item(), 1), round(northings[i].item(), 1)) if has else (None, None)
        if kind == ImportKind.STREET:
            lon, lat = (rows.lon[i].item(), rows.lat[i].item()) if has else (None, None)
            out.append((batch_id, rows.months[i], rows.crime_ids[i], rows.forces[i], lon, lat, e, n,
                        rows.locations[i], rows.lsoa_codes[i], rows.lsoa_names[i], rows.categories[i],
                        rows.last_outcomes[i], inside[i]))
        else:
            out.append((batch_id, rows.months[i], rows.crime_ids[i], rows.forces[i], e, n, rows.lsoa_codes[i],
                        rows.lsoa_names[i], rows.categories[i], inside[i]))
    return out


class _Writer:
    """Writes checked chunks. PostgreSQL: COPY from one text buffer per chunk, run on a worker thread with the
    same connection (so inside the same transaction) while the next chunk is read; only one chunk is in
    flight, so memory stays at two chunks. Elsewhere: a plain executemany."""

    def __init__(self, kind: str) -> None:
        model, columns = (StreetRecord, STREET_FIELDS) if kind == ImportKind.STREET else (OutcomeRecord, OUTCOME_FIELDS)
        table = model._meta.db_table
        # Table and column names are our own constants; values are parameters or COPY data.
        self.copy_sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        self.insert_sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        self.kind = kind
        self.postgres = connection.vendor == "postgresql"
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="police-uk-copy") if self.postgres else None
        self.in_flight: Future | None = None

    def write(self, batch_id: int, rows: ParsedRows, eastings: np.ndarray, northings: np.ndarray,
              inside: list[bool]) -> None:
        if not self.postgres:
            with connection.cursor() as cursor:
                cursor.executemany(self.insert_sql, _row_tuples(self.kind, batch_id, rows, eastings, northings, inside))
            return
        text = _copy_buffer(self.kind, batch_id, rows, eastings, northings, inside)
        self.wait()
        connection.ensure_connection()
        self.in_flight = self.pool.submit(self._copy, connection.connection, text)

    def _copy(self, raw: object, text: str) -> None:
        with raw.cursor() as cursor, cursor.copy(self.copy_sql) as copy:
            copy.write(text)

    def wait(self) -> None:
        """Until the chunk in flight is stored (its error, if any, raised here). Call before any other query."""
        if self.in_flight is not None:
            in_flight, self.in_flight = self.in_flight, None
            in_flight.result()

    def close(self) -> None:
        try:
            if self.in_flight is not None:
                self.in_flight.exception()  # wait, without hiding an error already on its way out
        finally:
            if self.pool is not None:
                self.pool.shutdown()


def _line_numbers(chunk: list[list[str]], before: int, after: int) -> list[int]:
    """The line each record of the chunk ends on (as csv's line_num counts them): the next lines, unless
    quoted fields hold line breaks."""
    if after - before == len(chunk):
        return list(range(before + 1, after + 1))
    lines, line = [], before
    for fields in chunk:
        text = "".join(fields)
        line += 1 + text.count("\n") + text.count("\r") - text.count("\r\n")
        lines.append(line)
    return lines


def import_police_file(path: Path, *, replace: bool = False, progress: Progress | None = None,
                       on_problem: ProblemSink | None = None) -> ImportResult:
    """Import one police.uk street or outcomes CSV in one transaction (all of it or none of it)."""
    area = area_lsoa_prefixes()
    size = path.stat().st_size
    with transaction.atomic(), path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        reader = csv.reader(handle)
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
        writer = _Writer(header.kind)
        # Millions of short-lived row lists and no reference cycles: the cyclic collector would only rescan
        # everything alive again and again (it was a third of the time). Reference counting frees each chunk.
        collecting = gc.isenabled()
        gc.disable()
        try:
            while True:
                before = reader.line_num
                chunk = list(islice(reader, CHUNK_ROWS))
                if not chunk:
                    break
                batch.rows_read += len(chunk)
                parsed, problems = parse_rows(chunk, header)
                if problems:
                    lines = _line_numbers(chunk, before, reader.line_num)
                    for position, reason in problems:
                        problem(lines[position], reason)
                del chunk
                _store(parsed, batch, result, slices, writer, area)
                if progress:
                    progress(min(handle.buffer.tell(), size), size)
            writer.wait()
        finally:
            if collecting:
                gc.enable()
            writer.close()
        if progress:
            progress(size, size)
        return _finish(result)


def _store(rows: ParsedRows, batch: ImportBatch, result: ImportResult, slices: _Slices, writer: _Writer,
           area: tuple[str, ...]) -> None:
    if not len(rows):
        return
    forces, months = set(rows.forces), set(rows.months)
    if len(forces) == 1 and len(months) == 1:  # the usual chunk: one force's month (no tuple per row)
        keys, distinct = None, [(*forces, *months)]
    else:
        keys = list(zip(rows.forces, rows.months, strict=True))
        distinct = list(dict.fromkeys(keys))
    if any(key not in slices.state for key in distinct):
        writer.wait()  # is_new queries the database
    new = {key: slices.is_new(*key) for key in distinct}
    if not all(new.values()):
        keep = [False] * len(rows) if keys is None else list(map(new.__getitem__, keys))
        batch.already_imported += keep.count(False)
        rows = rows.select(keep)
        if not len(rows):
            return
    result.by_type.update(rows.categories)
    if area:
        inside_of = {name: in_area(name, area) for name in set(rows.lsoa_names)}
        inside = list(map(inside_of.__getitem__, rows.lsoa_names))
    else:
        inside = [True] * len(rows)
    batch.outside_area += inside.count(False)
    eastings, northings = to_bng(rows.lon, rows.lat)
    no_point = np.isnan(rows.lon)
    eastings[no_point] = northings[no_point] = np.nan
    writer.write(batch.pk, rows, eastings, northings, inside)
    batch.imported += len(rows)


def _finish(result: ImportResult) -> ImportResult:
    batch = result.batch
    batch.by_type = dict(result.by_type.most_common())
    batch.problems = [[line, reason] for line, reason in result.problems]
    batch.finished_at = timezone.now()
    batch.save()
    record(None, AuditAction.CREATE, batch,
           reason=f"police.uk import: {batch.imported} imported, {batch.bad_rows} refused")
    return result


# --- Several files at once ---------------------------------------------------------------------------------
# Each file is one transaction, so files are independent: on PostgreSQL a pool of processes imports several at
# once, each with its own connection. The reading and checking is Python work bound to one core per process,
# and the database stores each process's rows in its own backend, so a year of monthly files uses every core.

FileProblemSink = Callable[[Path, int, str], None]
ResultSink = Callable[[ImportResult], None]

_events = None  # the queue a pool process reports progress and problems on (set when the process starts)


def default_workers(files: int) -> int:
    return max(1, min(files, multiprocessing.cpu_count()))


def can_run_in_parallel() -> bool:
    """Processes need their own connections to a server: PostgreSQL, no transaction open in this process (a
    forked process could not see it), and the fork start method (the processes inherit the settings)."""
    return (connection.vendor == "postgresql" and not connection.in_atomic_block
            and "fork" in multiprocessing.get_all_start_methods())


def import_police_files(paths: Sequence[Path], *, replace: bool = False, workers: int = 1,
                        progress: Progress | None = None, on_problem: FileProblemSink | None = None,
                        on_result: ResultSink | None = None) -> list[ImportResult]:
    """Import files, ``workers`` at a time where ``can_run_in_parallel`` (else one after another), each in its
    own transaction. ``progress`` gets bytes read over all files; ``on_problem`` every refused row as it is
    found; ``on_result`` each file's result as it finishes. Results are returned in the order of ``paths``.

    ``replace`` runs one file at a time: replacing a month while another process loads it would race."""
    paths = list(paths)
    sizes = [path.stat().st_size for path in paths]
    done = [0] * len(paths)

    def file_progress(index: int, read: int) -> None:
        done[index] = read
        if progress:
            progress(sum(done), sum(sizes))

    workers = min(workers, len(paths))
    if workers <= 1 or replace or not can_run_in_parallel():
        results = []
        for index, path in enumerate(paths):
            result = import_police_file(
                path, replace=replace, progress=lambda read, _size, index=index: file_progress(index, read),
                on_problem=(lambda line, reason, path=path: on_problem(path, line, reason)) if on_problem else None)
            results.append(result)
            if on_result:
                on_result(result)
        return results

    context = multiprocessing.get_context("fork")
    events = context.SimpleQueue()

    def drain() -> None:
        while not events.empty():
            kind, index, *rest = events.get()
            if kind == "progress":
                file_progress(index, rest[0])
            elif on_problem:
                on_problem(paths[index], *rest)

    results: list[ImportResult | None] = [None] * len(paths)
    connections.close_all()  # each process opens its own connection; none may share this one's socket
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_process, initargs=(events,)) as pool:
        pending = {pool.submit(_import_in_process, index, str(path)): index for index, path in enumerate(paths)}
        while pending:
            finished, _running = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            drain()  # a process reports everything before it returns, so a finished file's problems are here
            for future in finished:
                index = pending.pop(future)
                results[index] = future.result()
                if on_result:
                    on_result(results[index])
    drain()
    return results  # type: ignore[return-value]


def _start_process(events: object) -> None:
    global _events  # noqa: PLW0603 - one queue per pool process, set once when it starts
    _events = events
    connections.close_all()


def _import_in_process(index: int, path: str) -> ImportResult:
    return import_police_file(
        Path(path),
        progress=lambda read, _size: _events.put(("progress", index, read)),
        on_problem=lambda line, reason: _events.put(("problem", index, line, reason)),
    )
