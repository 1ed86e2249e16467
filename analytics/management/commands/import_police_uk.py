"""``csphub import-police-uk FILE...``: police.uk street-level and outcomes CSVs into the analysis tables."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from analytics.config import area_lsoa_prefixes
from analytics.importer import ImportResult, default_workers, import_police_files


class Command(BaseCommand):
    help = "Import police.uk street-level or outcomes CSV files (streamed; a force's month is loaded once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--replace", action="store_true",
                            help="Replace a month already imported instead of skipping it")
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar")
        parser.add_argument("--workers", type=int, default=None,
                            help="Files imported at once on PostgreSQL, each in its own process (default: one "
                                 "per CPU core, at most one per file)")

    def handle(self, *args: object, **options: object) -> None:
        files: list[Path] = options["files"]  # type: ignore[assignment]
        for path in files:
            if not path.is_file():
                raise CommandError(f"No such file: {path}")
        area = area_lsoa_prefixes()
        self.stdout.write(f"Partnership area: {', '.join(area) if area else 'everything (no LSOA prefixes set)'}")
        show_progress = not options["no_progress"] and sys.stderr.isatty()
        workers = options["workers"] or default_workers(len(files))
        several = len(files) > 1

        def problem(path: Path, line: int, reason: str) -> None:
            self._end_progress_line(show_progress)
            self.stdout.write(f"  {path.name + ' ' if several else ''}line {line}: {reason}")

        def finished(result: ImportResult) -> None:
            self._end_progress_line(show_progress)
            self.stdout.write(f"\n{result.batch.file_name}")
            self._summary(result)

        import_police_files(
            files,
            replace=bool(options["replace"]),
            workers=workers,
            progress=self._progress if show_progress else None,
            on_problem=problem,
            on_result=finished,
        )

    def _end_progress_line(self, show_progress: bool) -> None:
        if show_progress:
            self.stderr.write("\r" + " " * 50 + "\r", ending="")

    def _progress(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        bar = "#" * int(fraction * 40)
        self.stderr.write(f"\r  [{bar:<40}] {fraction:6.1%}", ending="")

    def _summary(self, result: ImportResult) -> None:
        batch = result.batch
        lines = [
            f"  Rows read: {batch.rows_read}",
            f"  Imported: {batch.imported}",
            f"  Already imported (same force and month): {batch.already_imported}",
            f"  Refused (bad rows): {batch.bad_rows}",
            f"  Outside the partnership area (imported, flagged, left out of analysis): {batch.outside_area}",
            "  By type (imported):",
        ]
        width = max((len(name) for name in batch.by_type), default=0)
        lines += [f"    {name:<{width}}  {count:>7}" for name, count in batch.by_type.items()]
        self.stdout.write("\n".join(lines))
