"""``csphub import-partner-csv FILE --source NAME --reference COL --when COL --category COL [...]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from analytics.partner import ColumnMapping
from analytics.partner_import import import_partner_file


class Command(BaseCommand):
    help = ("Import a partner's incident CSV (when, where, what) with a column mapping. Each refused row is "
            "printed with its line number; rows already imported from the same source are skipped.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--source", required=True, help="Who the data is from, e.g. 'Cumbria Fire and Rescue'")
        parser.add_argument("--reference", required=True, help="Column with the partner's own reference")
        parser.add_argument("--when", required=True, help="Column with the date and time (or the date)")
        parser.add_argument("--time", default="", help="Column with the time, if separate from the date")
        parser.add_argument("--category", required=True, help="Column with the kind of incident")
        parser.add_argument("--latitude", default="")
        parser.add_argument("--longitude", default="")
        parser.add_argument("--easting", default="")
        parser.add_argument("--northing", default="")

    def handle(self, *args: object, **o: object) -> None:
        path = Path(str(o["file"]))
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        mapping = ColumnMapping(reference=str(o["reference"]), occurred=str(o["when"]), time=str(o["time"]),
                                category=str(o["category"]), latitude=str(o["latitude"]),
                                longitude=str(o["longitude"]), easting=str(o["easting"]),
                                northing=str(o["northing"]))
        result = import_partner_file(path, str(o["source"]), mapping,
                                     on_problem=lambda line, reason: self.stdout.write(f"  line {line}: {reason}"))
        batch = result.batch
        lines = [f"{path.name} from {o['source']}", f"  Rows read: {batch.rows_read}",
                 f"  Imported: {batch.imported}", f"  Already imported (same source and reference): "
                 f"{batch.already_imported}", f"  Refused (bad rows): {batch.bad_rows}", "  By category (imported):"]
        lines += [f"    {name}: {count}" for name, count in batch.by_type.items()]
        self.stdout.write("\n".join(lines))
