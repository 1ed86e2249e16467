"""The chunked import checks rows column by column; it must refuse, report and keep exactly what the row-by-row
rules (``parse_row``) do, with the same line numbers, whatever the chunk size."""

import csv
import io
import random
from pathlib import Path

import numpy as np
import pytest

from analytics import importer
from analytics.geo import to_bng
from analytics.models import ImportBatch, StreetRecord
from analytics.policeuk import OUTCOME_COLUMNS, STREET_COLUMNS, RowProblem, parse_row, parse_rows, read_header
from analytics.tests.test_import import GOOD, HEADER, run

CRIME_ID = "a" * 64
STREET = ["", "2016-11", "Cumbria Constabulary", "Cumbria Constabulary", "-2.930000", "54.890000",
          "On or near X", "E01019200", "Carlisle 001A", "Public order", "", ""]
OUTCOME = [CRIME_ID, "2016-11", "Cumbria Constabulary", "Cumbria Constabulary", "-2.93", "54.89",
           "On or near X", "E01019200", "Carlisle 001A", "Suspect charged"]
MUTATIONS = [
    (0, CRIME_ID), (0, "A" * 64), (0, "a" * 63), (0, " " + CRIME_ID + " "), (0, "g" * 64), (0, "zz"),
    (1, "11/2016"), (1, " 2016-12 "), (1, "2016-13"), (1, "\u0662\u0660\u0661\u0666-11"), (1, ""),
    (3, ""), (3, "  "), (3, "x" * 101), (3, " Other force "),
    (4, ""), (5, ""), (4, "abc"), (4, "120.0"), (4, "nan"), (4, "inf"), (4, " -3.1 "), (4, "-3_1"), (5, "1e1"),
    (6, "x" * 200), (6, "x" * 201), (6, "tab\there"), (6, "back\\slash"), (6, "new\nline"), (6, "Caf\udce9"),
    (7, "E" * 13), (8, "n" * 101), (9, ""), (9, "y" * 65), (10, "z" * 121), (11, "context \udcff"),
]


def _rows(template: list[str], rng: random.Random, count: int) -> list[list[str]]:
    rows = []
    for _ in range(count):
        row = list(template)
        for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
            position, value = rng.choice(MUTATIONS)
            if position < len(row):
                row[position] = value
        if rng.random() < 0.03:
            row = row[: rng.randrange(len(row))] if rng.random() < 0.5 else [*row, "extra"]
        if rng.random() < 0.05 and len(row) > 5:
            row[4] = row[5] = ""
        rows.append(row)
    return rows


@pytest.mark.parametrize(("columns", "template"), [(STREET_COLUMNS, STREET), (OUTCOME_COLUMNS, OUTCOME)])
def test_parse_rows_agrees_with_parse_row_row_by_row(columns: tuple[str, ...], template: list[str]) -> None:
    header = read_header(list(columns))
    rng = random.Random(6)
    for _ in range(40):
        rows = _rows(template, rng, rng.choice([1, 5, 50, 300]))
        expected_kept, expected_problems = [], []
        for position, fields in enumerate(rows):
            try:
                expected_kept.append(parse_row(fields, header))
            except RowProblem as error:
                expected_problems.append((position, str(error)))
        parsed, problems = parse_rows(rows, header)
        assert problems == expected_problems
        assert len(parsed) == len(expected_kept)
        for i, row in enumerate(expected_kept):
            assert (parsed.months[i], parsed.crime_ids[i], parsed.forces[i], parsed.locations[i],
                    parsed.lsoa_codes[i], parsed.lsoa_names[i], parsed.categories[i], parsed.last_outcomes[i]) == (
                row.month, row.crime_id, row.force, row.location, row.lsoa_code, row.lsoa_name, row.category,
                row.last_outcome)
            if row.point is None:
                assert np.isnan(parsed.lon[i]) and np.isnan(parsed.lat[i]) and not parsed.lon_texts[i]
            else:
                assert (parsed.lon[i], parsed.lat[i]) == row.point
                assert (float(parsed.lon_texts[i]), float(parsed.lat_texts[i])) == row.point


def test_a_clean_chunk_needs_no_row_by_row_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    header = read_header(list(STREET_COLUMNS))
    monkeypatch.setattr("analytics.policeuk.parse_row", lambda *_: pytest.fail("parse_row was called"))
    parsed, problems = parse_rows([list(STREET)] * 1000 + [[*STREET[:4], "", "", *STREET[6:]]], header)
    assert (len(parsed), problems) == (1001, [])


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("chunk", [1, 2, 3, 20_000])
def test_line_numbers_and_counts_do_not_depend_on_the_chunk_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 chunk: int) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", chunk)
    bad_point = [*STREET[:4], "abc", *STREET[5:]]
    path = tmp_path / "lines.csv"
    path.write_text(_csv([list(STREET_COLUMNS), STREET,                                        # line 2
                          [*STREET[:6], "On or near\nTwo Lines\r\nThree", *STREET[7:]],      # lines 3-5
                          bad_point,                                                       # line 6
                          [*STREET[:6], "Tab\there, back\\slash", *STREET[7:]],            # line 7
                          [*STREET[:1], "2016/11", *STREET[2:]],                           # line 8
                          [*STREET[:4], "", "", *STREET[6:]]]),                            # line 9: no point
                    encoding="utf-8", newline="")
    with path.open(encoding="utf-8", newline="") as handle:  # what csv itself says the lines are
        reader = csv.reader(handle)
        ends = [reader.line_num for _ in reader]
    assert ends == [1, 2, 5, 6, 7, 8, 9]
    output = run(path)
    assert "line 6: coordinates 'abc', '54.890000' are not numbers" in output
    assert "line 8: month '2016/11' is not in the form YYYY-MM" in output
    batch = ImportBatch.objects.get()
    assert (batch.rows_read, batch.imported, batch.bad_rows) == (6, 4, 2)
    assert batch.problems == [[6, "coordinates 'abc', '54.890000' are not numbers"],
                              [8, "month '2016/11' is not in the form YYYY-MM"]]
    assert set(StreetRecord.objects.values_list("location", flat=True)) == {
        "On or near X", "On or near\nTwo Lines\r\nThree", "Tab\there, back\\slash"}
    record = StreetRecord.objects.filter(location="On or near X").first()
    easting, northing = to_bng(np.array([-2.93]), np.array([54.89]))
    assert (record.longitude, record.latitude) == (-2.93, 54.89)
    assert (record.easting, record.northing) == (round(float(easting[0]), 1), round(float(northing[0]), 1))
    assert StreetRecord.objects.filter(easting__isnull=True, longitude__isnull=True).count() == 1


@pytest.mark.django_db
def test_a_slice_already_imported_is_skipped_inside_a_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importer, "CHUNK_ROWS", 4)
    first = tmp_path / "first.csv"
    first.write_text(HEADER + GOOD + "Drugs,,\n")
    run(first)
    other = GOOD.replace("Cumbria Constabulary,Cumbria Constabulary", "Other,Other")
    mixed = tmp_path / "mixed.csv"
    mixed.write_text(HEADER + (GOOD + "Drugs,,\n" + other + "Robbery,,\n") * 3)
    output = run(mixed)
    assert "Already imported (same force and month): 3" in output
    assert sorted(StreetRecord.objects.values_list("crime_type", flat=True)) == ["Drugs"] + ["Robbery"] * 3


def test_a_whole_column_test_stricter_than_parse_row_falls_back_to_parse_row(monkeypatch: pytest.MonkeyPatch) -> None:
    from analytics import policeuk

    header = read_header(list(STREET_COLUMNS))
    check = policeuk._check_columns
    monkeypatch.setattr(policeuk, "_check_columns", lambda rows, h: (check(rows, h)[0], [0]))
    parsed, problems = parse_rows([list(STREET), [*STREET[:4], "", "", *STREET[6:]]], header)
    assert problems == []
    assert parsed.forces == ["Cumbria Constabulary"] * 2 and parsed.lon_texts == ["-2.93", ""]
    assert parsed.lon[0] == -2.93 and np.isnan(parsed.lon[1])
