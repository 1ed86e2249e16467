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


def child_import(files: list[Path]) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from analytics.importer import import_police_file

    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE analytics_streetrecord, analytics_outcomerecord, analytics_partnerincident, "
                       "analytics_importedslice, analytics_importbatch")
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    server_before, start, cpu_before = backend_cpu(backend), time.perf_counter(), process_cpu()
    rows = sum(import_police_file(path).batch.imported for path in files)
    seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "cpu": process_cpu() - cpu_before, "server_cpu": backend_cpu(backend) - server_before}


def process_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def backend_cpu(pid: int) -> float:
    """CPU seconds the PostgreSQL backend has used (when the server is on this machine), else NaN. With a loaded
    machine wall time says little; client plus server CPU says what the import costs."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pandas(files: list[Path]) -> dict:
    import pandas

    start = time.perf_counter()
    cpu_before = process_cpu()
    rows = sum(len(pandas.read_csv(path)) for path in files)
    seconds = time.perf_counter() - start
    return {"rows": rows, "seconds": seconds, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "cpu": process_cpu() - cpu_before}


def run_child(kind: str, files: list[Path]) -> dict:
    # Our own script and our own temporary files: nothing from outside reaches the command line.
    output = subprocess.run([sys.executable, __file__, "--child", kind, *map(str, files)], check=True,  # noqa: S603
                            capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=6_000_000)
    parser.add_argument("--small-rows", type=int, default=1_000_000)
    parser.add_argument("--child", choices=["import", "pandas"])
    parser.add_argument("files", nargs="*", type=Path)
    options = parser.parse_args()
    if options.child:
        print(json.dumps((child_import if options.child == "import" else child_pandas)(options.files)))
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
            ours, theirs = run_child("import", chosen), run_child("pandas", chosen)
            print(f"{label}: {ours['rows']:,} rows imported into PostgreSQL in {ours['seconds']:.1f} s "
                  f"= {ours['rows'] / ours['seconds']:,.0f} rows/s, peak {ours['peak_mib']:,.0f} MiB; CPU: importer "
                  f"{ours['cpu']:.1f} s, PostgreSQL backend {ours['server_cpu']:.1f} s; load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            print(f"  pandas.read_csv, same files: {theirs['rows'] / theirs['seconds']:,.0f} rows/s "
                  f"(CPU {theirs['cpu']:.1f} s), peak {theirs['peak_mib']:,.0f} MiB; ours / pandas = "
                  f"{(ours['rows'] / ours['seconds']) / (theirs['rows'] / theirs['seconds']):.2f}")


if __name__ == "__main__":
    main()
