"""csphub strategic-assessment: HTML and PDF from the data held, aggregates only, small numbers suppressed."""

import random
from datetime import datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from access.policy import actor_for_user
from analytics import demo as analytics_demo
from analytics.tests.data import STREET_CSV, needs_police_data
from audit.models import AuditEvent
from conftest import World
from vawg import demo as vawg_demo

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def build(tmp_path: Path, start: str, end: str) -> tuple[str, bytes]:
    out = StringIO()
    call_command("strategic_assessment", "--from", start, "--to", end, "--out", str(tmp_path), stdout=out)
    stem = f"strategic-assessment-{start}-to-{end}"
    return (tmp_path / f"{stem}.html").read_text(encoding="utf-8"), (tmp_path / f"{stem}.pdf").read_bytes()


def test_assessment_of_the_demo_year_has_every_section(tmp_path: Path, world: World) -> None:
    analytics_demo.seed(random.Random(4), NOW)
    vawg_demo.seed(random.Random(4), {"coordinator": actor_for_user(world.coordinator)}, NOW)
    html, pdf = build(tmp_path, "2025-03", "2026-02")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    for heading in ("Volumes and trends by priority", "Hot spots", "Night-time economy and safer spaces",
                    "Repeat victims and locations", "Data quality", "Method", "reporting confidence"):
        assert heading in html
    assert html.count("<svg") >= 8 and html.count("<desc") == html.count("<svg")
    assert "The Citadel Tap" in html and "Ask for Angela" in html
    assert "hot-99" in html
    assert AuditEvent.objects.filter(object_type="analytics.strategic_assessment").count() == 1


def test_no_personal_data_and_small_counts_suppressed(tmp_path: Path, world: World) -> None:
    from core.models import Person

    html, _pdf = build(tmp_path, "2026-01", "2026-02")
    for person in Person.objects.all():
        assert person.family_name not in html
    assert "fewer than 5" in html or "0" in html


@needs_police_data
def test_assessment_for_the_shipped_month(tmp_path: Path) -> None:
    call_command("import_police_uk", str(STREET_CSV), "--no-progress", stdout=StringIO())
    html, pdf = build(tmp_path, "2016-11", "2016-11")
    assert pdf.startswith(b"%PDF")
    assert "November 2016" in html and "hot-99" in html


@pytest.mark.parametrize(("start", "end", "message"), [("2016-13", "2016-12", "YYYY-MM"),
                                                        ("2016-11", "2016-01", "the same month")])
def test_bad_months_are_refused(start: str, end: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("strategic_assessment", "--from", start, "--to", end, "--out", str(tmp_path))
