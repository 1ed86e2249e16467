"""The hot spot page: a table of the same cells the map draws, filters with errors, and a CSV download."""

import json
from datetime import date
from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse

from analytics.models import ImportBatch, StreetRecord
from audit.models import AuditEvent
from conftest import World, signed_in_client


def _records() -> None:
    batch = ImportBatch.objects.create(kind="street", file_name="synthetic.csv")
    rng = np.random.default_rng(1)
    points = np.vstack([rng.uniform(340_000, 345_000, (300, 2)), rng.normal(342_000, 150, (120, 2))])
    StreetRecord.objects.bulk_create([
        StreetRecord(batch=batch, month=date(2016, 11, 1), force="Cumbria", easting=e, northing=n,
                     crime_type="Violence and sexual offences") for e, n in points])


@pytest.mark.parametrize("persona", ["analyst", "board", "coordinator", "practitioner_a"])
def test_map_and_table_list_the_same_cells(persona: str, world: World) -> None:
    _records()
    client = signed_in_client(world.users_by_persona()[persona])
    response = client.get(reverse("analytics:hotspots"), {"category": "violence", "start": "2016-11", "end": "2016-11"})
    assert response.status_code == 200
    html = response.content.decode()
    cells = json.loads(html.split('id="hotspot-data" type="application/json">')[1].split("</script>")[0])
    assert len(cells) == len(response.context["run"].cells) > 0
    assert html.count("govuk-tag--red") == min(50, sum(c["class"].startswith("hot") for c in cells))
    assert "<script>" not in html  # no inline script: data travels in a JSON script tag


def test_bad_months_show_the_error_summary(world: World) -> None:
    response = signed_in_client(world.analyst).get(reverse("analytics:hotspots"), {"start": "Nov", "end": "2016-11"})
    assert b"govuk-error-summary" in response.content and b"Enter a month like 2016-11" in response.content


def test_a_time_window_says_police_records_are_left_out(world: World) -> None:
    _records()
    response = signed_in_client(world.analyst).get(reverse("analytics:hotspots"), {"category": "violence",
                                                                                   "window": "nte"})
    assert b"police.uk records have no time of day" in response.content


def test_csv_download_is_audited(world: World) -> None:
    _records()
    response = signed_in_client(world.analyst).get(reverse("analytics:hotspots_csv"), {"category": "violence"})
    assert response.content.decode().startswith("easting,northing,longitude,latitude,count,z")
    assert AuditEvent.objects.filter(action="export", object_type="analytics.hotspots").exists()


def test_hotspots_command_writes_geojson(world: World, tmp_path) -> None:  # noqa: ANN001
    _records()
    out = tmp_path / "cells.geojson"
    call_command("hotspots", "--category", "violence", "--format", "geojson", "--out", str(out), stderr=StringIO())
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and data["features"]
    assert data["features"][0]["properties"]["class"].startswith("hot")


def test_imports_page_lists_refused_rows(world: World) -> None:
    ImportBatch.objects.create(kind="street", file_name="bad.csv", bad_rows=1, problems=[[4, "month is wrong"]])
    html = signed_in_client(world.analyst).get(reverse("analytics:imports")).content.decode()
    assert "Line 4: month is wrong" in html
