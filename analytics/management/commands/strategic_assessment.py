"""``csphub strategic-assessment --from YYYY-MM --to YYYY-MM --out DIR``: the report as HTML and PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from analytics.assessment import build_assessment, write_report
from analytics.policeuk import RowProblem, parse_month
from audit.log import record
from audit.models import AuditAction


class Command(BaseCommand):
    help = "Write the partnership's strategic assessment for a period as HTML and PDF."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--from", dest="start", required=True, help="First month, YYYY-MM")
        parser.add_argument("--to", dest="end", required=True, help="Last month, YYYY-MM")
        parser.add_argument("--out", required=True, type=Path, help="Folder to write the report into")

    def handle(self, *args: object, **o: object) -> None:
        try:
            start, end = parse_month(str(o["start"])), parse_month(str(o["end"]))
        except RowProblem as error:
            raise CommandError(str(error)) from None
        if end < start:
            raise CommandError("--to must be the same month as --from or later")
        html, pdf = write_report(build_assessment(start, end), Path(str(o["out"])))
        record(None, AuditAction.EXPORT, object_type="analytics.strategic_assessment",
               reason=f"strategic assessment {start:%Y-%m} to {end:%Y-%m} written")
        self.stdout.write(f"Wrote {html}\nWrote {pdf}")
