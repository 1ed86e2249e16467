"""``csphub hotspots``: Getis-Ord Gi* hot and cold spots as CSV or GeoJSON."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from analytics.analysis import HotspotQuery, cells_as_csv, cells_as_geojson, run_hotspots
from analytics.policeuk import RowProblem, parse_month
from analytics.sources import CATEGORY_SETS, TIME_WINDOWS


def _month(text: str) -> date:
    try:
        return parse_month(text)
    except RowProblem as error:
        raise CommandError(str(error)) from None


class Command(BaseCommand):
    help = "Find hot and cold spots (Getis-Ord Gi*, FDR-controlled) and write the cells as CSV or GeoJSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--category", choices=sorted(CATEGORY_SETS), default="vawg")
        parser.add_argument("--from", dest="start", default="2000-01", help="First month, YYYY-MM")
        parser.add_argument("--to", dest="end", default="2100-12", help="Last month, YYYY-MM")
        parser.add_argument("--window", choices=sorted(TIME_WINDOWS), default="")
        parser.add_argument("--cell", type=float, default=0.0, help="Cell size in metres (default 250)")
        parser.add_argument("--band", type=float, default=0.0, help="Distance band in metres (default 500)")
        parser.add_argument("--fdr", type=float, default=0.0, help="False-discovery rate (default 0.05)")
        parser.add_argument("--format", choices=["csv", "geojson"], default="csv")
        parser.add_argument("--all-cells", action="store_true", help="Every cell, not only significant ones")
        parser.add_argument("--out", type=Path, help="File to write (default: standard output)")

    def handle(self, *args: object, **o: object) -> None:
        query = HotspotQuery(category=str(o["category"]), start=_month(str(o["start"])), end=_month(str(o["end"])),
                             window=str(o["window"] or ""), cell=float(o["cell"]), band=float(o["band"]),
                             fdr_q=float(o["fdr"]))
        run = run_hotspots(query, include_all=bool(o["all_cells"]))
        text = cells_as_geojson(run) if o["format"] == "geojson" else cells_as_csv(run)
        out = o["out"]
        if out:
            Path(str(out)).write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
        for note in run.notes:
            self.stderr.write(note)
        self.stderr.write(f"{run.points} records, {run.cells_in_study_area} cells, "
                          f"{sum(c.confidence > 0 for c in run.cells)} significant")
