"""Several police.uk files at once (PostgreSQL): one process and one transaction per file, the same rows and
reports as one after another, and a force's month in two files loaded once even when both run together."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from analytics import importer
from analytics.models import ImportBatch, ImportedSlice, StreetRecord

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")


def row(force: str, crime_type: str, lon: str = "-2.93") -> str:
    return f",2016-11,{force},{force},{lon},54.89,On or near X,E01019200,Carlisle 001A,{crime_type},,\n"


@pytest.fixture(autouse=True)
def _postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("processes need their own connections to a database server")


def test_files_imported_at_once_match_one_after_another(tmp_path: Path) -> None:
    paths = []
    for n in range(4):
        path = tmp_path / f"force-{n}.csv"
        path.write_text(HEADER + row(f"Force {n}", "Drugs") * (n + 1) + row(f"Force {n}", "Robbery", lon="abc"))
        paths.append(path)
    out = StringIO()
    call_command("import_police_uk", *map(str, paths), "--no-progress", "--workers", "2", stdout=out)
    output = out.getvalue()
    assert StreetRecord.objects.count() == 1 + 2 + 3 + 4
    assert sorted(ImportBatch.objects.values_list("file_name", "imported", "bad_rows")) == [
        ("force-0.csv", 1, 1), ("force-1.csv", 2, 1), ("force-2.csv", 3, 1), ("force-3.csv", 4, 1)]
    for n in range(4):  # every refused row reported with its file and line, and every file summarised
        assert f"force-{n}.csv line {n + 3}: coordinates 'abc', '54.89' are not numbers" in output
        assert f"\nforce-{n}.csv\n  Rows read: {n + 2}\n  Imported: {n + 1}\n" in output


def test_a_month_in_two_files_running_together_is_loaded_once(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(HEADER + row("Cumbria Constabulary", "Drugs") * 3)
    second.write_text(HEADER + row("Cumbria Constabulary", "Robbery") * 2)
    results = importer.import_police_files([first, second], workers=2)
    assert StreetRecord.objects.count() in (2, 3)  # whichever file committed first
    assert sorted(result.batch.already_imported for result in results) in ([0, 2], [0, 3])
    assert ImportedSlice.objects.count() == 1


def test_one_file_at_a_time_inside_a_transaction(tmp_path: Path) -> None:
    from django.db import transaction

    path = tmp_path / "one.csv"
    path.write_text(HEADER + row("Force", "Drugs"))
    with transaction.atomic():
        assert not importer.can_run_in_parallel()
        importer.import_police_files([path, path], workers=2)
    assert StreetRecord.objects.count() == 1
