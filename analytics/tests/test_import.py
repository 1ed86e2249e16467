"""csphub import-police-uk: counts equal the file's own, re-import adds nothing, bad rows reported by line."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from analytics.models import ImportBatch, OutcomeRecord, StreetRecord
from analytics.tests.data import OUTCOMES_CSV, STREET_CSV, needs_police_data
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db
HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")
GOOD = ",2016-11,Cumbria Constabulary,Cumbria Constabulary,-2.93,54.89,On or near X,E01019200,Carlisle 001A,"
CUMBERLAND = "Allerdale,Carlisle,Copeland"


def run(*paths: Path, **options: object) -> str:
    out = StringIO()
    call_command("import_police_uk", *[str(p) for p in paths], "--no-progress", stdout=out, **options)
    return out.getvalue()


@needs_police_data
def test_shipped_month_imports_with_the_files_own_counts_and_reimport_adds_nothing(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("CSPHUB_ANALYTICS_AREA_LSOA_PREFIXES", CUMBERLAND)
    output = run(STREET_CSV, OUTCOMES_CSV)
    assert StreetRecord.objects.count() == 2798
    assert StreetRecord.objects.filter(crime_type="Anti-social behaviour").count() == 865
    assert StreetRecord.objects.filter(crime_type="Violence and sexual offences").count() == 632
    assert StreetRecord.objects.filter(crime_type="Robbery").count() == 4
    assert StreetRecord.objects.filter(in_area=True).count() == 1686
    assert StreetRecord.objects.filter(easting__isnull=True).count() == 3
    assert OutcomeRecord.objects.count() == 1169
    assert OutcomeRecord.objects.filter(outcome_type="Suspect charged").count() == 216
    assert "Outside the partnership area (imported, flagged, left out of analysis): 1112" in output
    again = run(STREET_CSV)
    assert StreetRecord.objects.count() == 2798
    assert "Already imported (same force and month): 2798" in again
    assert AuditEvent.objects.filter(object_type="analytics.importbatch").count() == 3


@needs_police_data
def test_coordinates_are_in_british_national_grid_metres() -> None:
    run(STREET_CSV)
    record = StreetRecord.objects.filter(location="On or near Nightclub", lsoa_code="E01019126").first()
    # -3.388620, 54.868943 (Workington) is about E 311,000 N 553,000 on the National Grid.
    assert 310_000 < record.easting < 312_500 and 552_000 < record.northing < 554_500


def test_a_corrupted_file_is_reported_line_by_line_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(
        (HEADER + GOOD + "Public order,,\n"                                  # line 2: fine
         + GOOD.replace("-2.93", "abc") + "Public order,,\n"                 # 3: bad coordinates
         + GOOD.replace("2016-11", "11/2016") + "Drugs,,\n"                  # 4: wrong month format
         + ",2016-11,Cumbria Constabulary\n"                                  # 5: missing columns
         + GOOD.replace("-2.93,54.89", "-2.93,") + "Drugs,,\n"                # 6: half a point
         + GOOD.replace("-2.93,54.89", "120.0,54.89") + "Drugs,,\n"           # 7: outside the UK
         + "zz,2016-11,C,C,,,No Location,,,Drugs,,\n"                          # 8: bad crime ID
         + GOOD + "Burglary,,\n").encode()                                    # 9: fine
        + GOOD.replace("On or near X", "On or near Caf").encode() + b"\xe9 Road,Burglary,,\n"  # 10: not UTF-8
    )
    output = run(path)
    assert "line 3: coordinates 'abc', '54.89' are not numbers" in output
    assert "line 4: month '11/2016' is not in the form YYYY-MM" in output
    assert "line 5: expected 12 fields, found 3" in output
    assert "line 6: only one of longitude and latitude is given" in output
    assert "line 7: coordinates 120.0, 54.89 are outside" in output
    assert "line 8: Crime ID is not 64 hexadecimal characters" in output
    assert "line 10: the line has bytes that are not valid UTF-8" in output
    batch = ImportBatch.objects.get()
    assert (batch.rows_read, batch.imported, batch.bad_rows) == (9, 2, 7)
    assert batch.rows_read == batch.imported + batch.bad_rows + batch.already_imported


def test_a_file_missing_a_column_is_refused_with_its_rows_counted(tmp_path: Path) -> None:
    path = tmp_path / "no-month.csv"
    path.write_text(HEADER.replace("Month,", "") + "x\ny\n")
    output = run(path)
    assert "line 1: the header is missing these columns: Month" in output
    assert StreetRecord.objects.count() == 0
    assert ImportBatch.objects.get().bad_rows == 3


def test_replace_reloads_a_month(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text(HEADER + GOOD + "Drugs,,\n")
    run(path)
    path.write_text(HEADER + GOOD + "Drugs,,\n" + GOOD + "Robbery,,\n")
    run(path)
    assert StreetRecord.objects.count() == 1
    run(path, replace=True)
    assert sorted(StreetRecord.objects.values_list("crime_type", flat=True)) == ["Drugs", "Robbery"]
