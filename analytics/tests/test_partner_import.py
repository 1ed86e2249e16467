"""Partner incident CSVs with a column mapping: rules on real-looking rows, every row accounted for,
re-import adds nothing, and the upload page refuses a file that does not match its mapping."""

from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from analytics.models import ImportBatch, PartnerIncident
from analytics.partner import ColumnMapping, parse_partner_point, parse_when, read_partner_header
from analytics.policeuk import RowProblem
from conftest import World, signed_in_client

LONDON = ZoneInfo("Europe/London")
FIRE_CSV = (
    "Incident No,Date,Time,Type,Lat,Long,Notes\n"
    "CFRS-1,30/11/2024,22:15,Deliberate secondary fire,54.8912,-2.9301,bin fire\n"
    "CFRS-2,2024-12-01,01:40,Deliberate vehicle fire,,,\n"
    "CFRS-3,31/02/2024,22:15,Deliberate secondary fire,54.89,-2.93,\n"
    "CFRS-4,01/12/2024,late,Deliberate secondary fire,54.89,-2.93,\n"
    "CFRS-5,01/12/2024,23:00,,54.89,-2.93,\n"
    "CFRS-6,01/12/2024,23:00,Deliberate secondary fire,54.89,,\n"
    "CFRS-7,01/12/2024,23:00,Deliberate secondary fire,91,-2.93,\n"
    "CFRS-1,30/11/2024,22:15,Deliberate secondary fire,54.8912,-2.9301,again\n"
    "CFRS-8,01/12/2024,23:00,Deliberate secondary fire,54.89\n"
)
FIRE = ["--source", "Cumbria Fire and Rescue", "--reference", "Incident No", "--when", "Date", "--time", "Time",
        "--category", "Type", "--latitude", "Lat", "--longitude", "Long"]


@pytest.mark.parametrize(("date_text", "time_text", "expected"), [
    ("2024-11-30 22:15", None, datetime(2024, 11, 30, 22, 15, tzinfo=LONDON)),
    ("30/11/2024 22:15", None, datetime(2024, 11, 30, 22, 15, tzinfo=LONDON)),
    ("2024-06-01T01:05:09", None, datetime(2024, 6, 1, 1, 5, 9, tzinfo=LONDON)),
    ("30/11/2024", "2215", datetime(2024, 11, 30, 22, 15, tzinfo=LONDON)),
    ("2024-11-30", "07:00", datetime(2024, 11, 30, 7, 0, tzinfo=LONDON)),
])
def test_partner_dates_in_uk_forms_are_read_as_local_time(date_text: str, time_text: str | None,
                                                          expected: datetime) -> None:
    assert parse_when(date_text, time_text, LONDON) == expected


@pytest.mark.parametrize(("date_text", "time_text", "reason"), [
    ("", None, "empty"),
    ("30/11/2024", None, "no time of day"),
    ("11/30/2024 22:15", None, "not a date and time"),  # US month-first is refused, not guessed
    ("31/02/2024", "22:15", "not a date"),
    ("30/11/2024", "late", "not a time"),
])
def test_partner_dates_that_cannot_be_read_are_refused_with_a_reason(date_text: str, time_text: str | None,
                                                                     reason: str) -> None:
    with pytest.raises(RowProblem, match=reason):
        parse_when(date_text, time_text, LONDON)


@pytest.mark.parametrize(("values", "expected"), [
    ({"latitude": "54.89", "longitude": "-2.93"}, ("wgs84", -2.93, 54.89)),
    ({"easting": "340000", "northing": "555000"}, ("bng", 340000.0, 555000.0)),
    ({"latitude": "", "longitude": ""}, None),
    ({}, None),
])
def test_partner_points_are_wgs84_or_national_grid(values: dict, expected: object) -> None:
    assert parse_partner_point(values) == expected


@pytest.mark.parametrize(("values", "reason"), [
    ({"latitude": "54.89", "longitude": ""}, "only one"),
    ({"latitude": "north", "longitude": "-2.93"}, "not numbers"),
    ({"latitude": "54.89", "longitude": "12.5"}, "outside"),
    ({"easting": "-5", "northing": "555000"}, "outside"),
])
def test_bad_partner_points_are_refused(values: dict, reason: str) -> None:
    with pytest.raises(RowProblem, match=reason):
        parse_partner_point(values)


def test_a_mapping_naming_columns_the_file_lacks_is_refused() -> None:
    with pytest.raises(RowProblem, match="missing these columns: Category"):
        read_partner_header(["Ref", "When"], ColumnMapping(reference="Ref", occurred="When", category="Category"))
    with pytest.raises(RowProblem, match="both latitude and longitude"):
        read_partner_header(["Ref", "When", "Lat"], ColumnMapping("Ref", "When", "Ref", latitude="Lat"))


def run(path: Path, *args: str) -> str:
    out = StringIO()
    call_command("import_partner_csv", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_every_partner_row_is_imported_held_or_refused_by_line_and_reimport_adds_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fire.csv"
    path.write_text(FIRE_CSV, encoding="utf-8")
    output = run(path, *FIRE)
    assert PartnerIncident.objects.count() == 2
    for expected in ("line 4: date '31/02/2024'", "line 5: time 'late'", "line 6: the category is empty",
                     "line 7: only one of longitude", "line 8: longitude and latitude -2.93, 91.0 are outside",
                     "line 9: the same reference appears earlier", "line 10: expected 7 fields, found 5",
                     "Rows read: 9", "Imported: 2", "Refused (bad rows): 7"):
        assert expected in output
    first = PartnerIncident.objects.get(source_reference="CFRS-1")
    assert first.occurred_at == datetime(2024, 11, 30, 22, 15, tzinfo=LONDON)
    assert 339_000 < first.easting < 341_500 and 555_000 < first.northing < 557_500
    assert PartnerIncident.objects.get(source_reference="CFRS-2").easting is None
    again = run(path, *FIRE)
    assert PartnerIncident.objects.count() == 2
    assert "Already imported (same source and reference): 2" in again
    batch = ImportBatch.objects.filter(kind="partner").first()
    assert batch.rows_read == batch.imported + batch.already_imported + batch.bad_rows


@pytest.mark.django_db
def test_a_file_with_the_wrong_columns_imports_nothing_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "fire.csv"
    path.write_text(FIRE_CSV.replace("Incident No", "Ref"), encoding="utf-8")
    output = run(path, *FIRE)
    assert "line 1: the header is missing these columns: Incident No" in output
    assert PartnerIncident.objects.count() == 0
    assert ImportBatch.objects.get().bad_rows == 10  # the header and all nine rows


@pytest.mark.django_db
def test_non_utf8_bytes_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "fire.csv"
    path.write_bytes(FIRE_CSV.encode().replace(b"bin fire", b"bin \xff fire"))
    assert "line 2: the line has bytes that are not valid UTF-8" in run(path, *FIRE)


def _upload_data(text: str, **overrides: str) -> dict:
    data = {"file": SimpleUploadedFile("fire.csv", text.encode(), content_type="text/csv"),
            "source": "Cumbria Fire and Rescue", "reference": "Incident No", "occurred": "Date", "time": "Time",
            "category": "Type", "latitude": "Lat", "longitude": "Long"}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_analyst_uploads_a_partner_file_and_sees_the_refused_rows(world: World) -> None:
    client = signed_in_client(world.analyst)
    response = client.post(reverse("analytics:partner_import"), _upload_data(FIRE_CSV), follow=True)
    assert response.status_code == 200
    assert PartnerIncident.objects.count() == 2
    page = response.content.decode()
    assert "2 rows imported, 0 already held, 7 refused" in page
    assert "Line 5: time &#x27;late&#x27; is not a time like 22:15" in page


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "message"), [
    ({"category": "Kind"}, "missing these columns: Kind"),
    ({"source": ""}, "Enter who the data is from"),
    ({"latitude": "Lat", "longitude": ""}, "both latitude and longitude"),
])
def test_upload_with_bad_mapping_shows_the_error_summary_and_saves_nothing(overrides: dict, message: str,
                                                                           world: World) -> None:
    client = signed_in_client(world.analyst)
    response = client.post(reverse("analytics:partner_import"), _upload_data(FIRE_CSV, **overrides))
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and message in page
    assert PartnerIncident.objects.count() == 0 and ImportBatch.objects.count() == 0


@pytest.mark.django_db
def test_upload_without_a_file_shows_the_error_summary(world: World) -> None:
    client = signed_in_client(world.coordinator)
    data = _upload_data(FIRE_CSV)
    del data["file"]
    response = client.post(reverse("analytics:partner_import"), data)
    assert "Choose a CSV file to import" in response.content.decode()
    assert ImportBatch.objects.count() == 0
