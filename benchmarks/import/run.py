"""police.uk street-level import at national scale into PostgreSQL: rows per second next to pandas.read_csv
reading the same files in the same run, and peak memory at two sizes to show it stays constant.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_import .venv/bin/python benchmarks/import/run.py \
        [--rows 6000000] [--small-rows 1000000]

The files are made by repeating the shipped month (../shared/data/police-uk, or a synthetic month when it is
not there) with jittered coordinates; each repeat is its own force, so none is skipped as already imported.
Each measurement runs in a fresh child process so its peak resident memory (getrusage) is its own.
The database named in DATABASE_URL is created if missing and its analytics tables are emptied first.
"""

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT.parent / "shared" / "data" / "police-uk" / "2016-11-cumbria-street.csv"
ROWS_PER_FILE = 500_000
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bench_import"


def template_rows() -> tuple[list[str], list[list[str]]]:
    if SHIPPED.is_file():
        with SHIPPED.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        return rows[0], rows[1:]
    sys.path.insert(0, str(ROOT))
    from datetime import date

    from analytics.demo import _street_rows
    from analytics.policeuk import STREET_COLUMNS

    return list(STREET_COLUMNS), _street_rows(random.Random(1), [date(2016, 11, 1)])


def make_files(folder: Path, total: int) -> list[Path]:
    header, rows = template_rows()
    lon_i, lat_i, force_i = header.index("Longitude"), header.index("Latitude"), header.index("Falls within")
    rng = random.Random(11)
    files, written, copy = [], 0, 0
    while written < total:
        path = folder / f"street-{len(files):03d}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            in_file = 0
            while in_file < ROWS_PER_FILE and written < total:
                copy += 1
                dx, dy = rng.uniform(-3, 1.2), rng.uniform(-3, 4)  # move the copy somewhere else in the UK
                for row in rows[: min(len(rows), total - written)]:
                    row = list(row)
                    row[force_i] = f"Benchmark force {copy:05d}"
                    if row[lon_i]:
                        row[lon_i] = f"{min(1.9, max(-8.7, float(row[lon_i]) + dx + rng.gauss(0, 0.001))):.6f}"
                        row[lat_i] = f"{min(60.9, max(49.9, float(row[lat_i]) + dy + rng.gauss(0, 0.001))):.6f}"
                    writer.writerow(row)
                    written += 1
                    in_file += 1
        files.append(path)
    return files


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def child_import(files: list[Path], workers: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from analytics.importer import import_police_files

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE analytics_streetrecord, analytics_outcomerecord, analytics_partnerincident, "
                       "analytics_importedslice, analytics_importbatch")
    start, cpu_before = time.perf_counter(), process_cpu()
    rows = sum(result.batch.imported for result in import_police_files(files, workers=workers))
    seconds = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    largest_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    processes = min(workers, len(files))
    return {"rows": rows, "seconds": seconds, "processes": processes,
            # An upper bound on memory in use at once: this process plus every pool process at the largest's peak.
            "peak_mib": own + (processes * largest_child if processes > 1 else 0),
            "cpu": process_cpu() - cpu_before}


def process_cpu() -> float:
    """CPU seconds of this process and of its pool processes that have ended."""
    return sum(usage.ru_utime + usage.ru_stime
               for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)))


class ServerCpu(threading.Thread):
    """CPU seconds PostgreSQL spends for this run when the server is on this machine (else NaN): the backends
    connected to the benchmark's database (however many the import opens) plus the WAL writer, checkpointer and
    background writer. Sampled from /proc every 0.2 s, keeping each process's last reading, since the import's
    backends end with their processes. With a loaded machine wall time says little; CPU says what it costs."""

    SHARED = ("walwriter", "checkpointer", "background writer")

    def __init__(self, database: str) -> None:
        super().__init__(daemon=True)
        self.database, self.first, self.last = database, {}, {}
        self.stopping = threading.Event()
        self.sample(existing=True)

    def sample(self, *, existing: bool = False) -> None:
        """Read every matching process; those there at the start count from their reading then, later ones
        from zero."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                name = stat.with_name("cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if not name.startswith("postgres:"):
                continue
            if f" {self.database} " not in name and not any(shared in name for shared in self.SHARED):
                continue
            seconds = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            self.first.setdefault(stat.parent.name, seconds if existing else 0.0)
            self.last[stat.parent.name] = seconds

    def run(self) -> None:
        while not self.stopping.wait(0.2):
            self.sample()

    def seconds(self) -> float:
        self.stopping.set()
        self.join()
        self.sample()
        if not self.last:
            return float("nan")
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


def child_pandas(files: list[Path]) -> dict:
    import pandas

    start = time.perf_counter()
    cpu_before = process_cpu()
    rows = sum(len(pandas.read_csv(path)) for path in files)
    seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "cpu": process_cpu() - cpu_before}


def run_child(kind: str, files: list[Path], workers: int = 1) -> dict:
    server = ServerCpu(os.environ["DATABASE_URL"].rsplit("/", 1)[1])
    server.start()
    # Our own script and our own temporary files: nothing from outside reaches the command line.
    output = subprocess.run([sys.executable, __file__, "--child", kind, "--workers", str(workers),  # noqa: S603
                             *map(str, files)], check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return {**json.loads(output.strip().splitlines()[-1]), "server_cpu": server.seconds()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=6_000_000)
    parser.add_argument("--small-rows", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count(),
                        help="files imported at once, each in its own process (default: one per core)")
    parser.add_argument("--child", choices=["import", "pandas"])
    parser.add_argument("files", nargs="*", type=Path)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child_import(options.files, options.workers) if options.child == "import"
                         else child_pandas(options.files)))
        return
    os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
    ensure_database(os.environ["DATABASE_URL"])
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        files = make_files(Path(folder), options.rows)
        print(f"Made {options.rows:,} rows in {len(files)} files in {time.perf_counter() - start:.0f} s "
              f"({sum(f.stat().st_size for f in files) / 2**20:,.0f} MiB)")
        small = files[: max(1, options.small_rows // ROWS_PER_FILE)]
        for label, chosen in (("smaller", small), ("full", files)):
            ours, theirs = run_child("import", chosen, options.workers), run_child("pandas", chosen)
            print(f"{label}: {ours['rows']:,} rows imported into PostgreSQL in {ours['seconds']:.1f} s "
                  f"= {ours['rows'] / ours['seconds']:,.0f} rows/s, {ours['processes']} importing process(es), "
                  f"peak {ours['peak_mib']:,.0f} MiB; CPU: importer {ours['cpu']:.1f} s, PostgreSQL "
                  f"{ours['server_cpu']:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            print(f"  pandas.read_csv, same files: {theirs['rows'] / theirs['seconds']:,.0f} rows/s "
                  f"(CPU {theirs['cpu']:.1f} s), peak {theirs['peak_mib']:,.0f} MiB; ours / pandas = "
                  f"{(ours['rows'] / ours['seconds']) / (theirs['rows'] / theirs['seconds']):.2f}")


if __name__ == "__main__":
    main()
