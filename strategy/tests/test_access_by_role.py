"""Every strategy URL walked as every persona; plus the board report as HTML and PDF, forms with bad input."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client
from strategy.models import IndicatorValue, Measure, Narrative
from strategy.seed import seed_strategy

URLS = {
    "strategy:overview": "view_strategy",
    "strategy:indicator": "view_strategy",
    "strategy:plan_action": "manage_strategy",
    "strategy:narrative": "manage_strategy",
    "strategy:board_report": "view_strategy",
    "strategy:board_report_pdf": "view_strategy",
}
URL_NAMES_TESTED = set(URLS)


@pytest.fixture
def strategy(world: World) -> Measure:
    seed_strategy()
    return Measure.objects.first()


def url_for(name: str, measure: Measure) -> str:
    kwargs = {
        "strategy:indicator": {"code": "vawg_confidence"},
        "strategy:plan_action": {"measure_id": measure.pk},
        "strategy:narrative": {"priority": "asb", "quarter": "2025-Q2"},
        "strategy:board_report": {"quarter": "2025-Q2"},
        "strategy:board_report_pdf": {"quarter": "2025-Q2"},
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_strategy_url_answers_as_the_policy_says(persona: str, world: World, strategy: Measure) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    for name, capability in URLS.items():
        allowed = user is not None and can(actor_for_user(user), capability)
        response = client.get(url_for(name, strategy))
        assert_answer(response, signed_in=user is not None, allowed=allowed, where=f"{persona} {name}")


def test_board_member_reads_the_report_with_charts_and_tables(world: World, strategy: Measure) -> None:
    from datetime import date

    from strategy.models import Indicator

    IndicatorValue.objects.create(indicator=Indicator.objects.get(code="vawg_confidence"),
                                  quarter_start=date(2025, 4, 1), value=64, source="Survey",
                                  source_date=date(2025, 7, 1))
    client = signed_in_client(world.board)
    html = client.get(url_for("strategy:board_report", strategy)).content.decode()
    assert "No figures above zero to draw" in html  # indicators with nothing to draw say so in words
    assert "<svg" in html and "govuk-table" in html and "Antisocial behaviour" in html
    assert "Write the narrative" not in html  # board members read; the coordinator writes
    pdf = client.get(url_for("strategy:board_report_pdf", strategy))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_unknown_quarter_is_not_found(world: World, strategy: Measure) -> None:
    response = signed_in_client(world.board).get(reverse("strategy:board_report", args=["2025-Q9"]))
    assert response.status_code == 404


def test_manual_figure_with_bad_input_is_refused_and_nothing_saved(world: World, strategy: Measure) -> None:
    client = signed_in_client(world.analyst)
    url = url_for("strategy:indicator", strategy)
    response = client.post(url, {"quarter": "Spring", "value": "lots", "source": "", "source_date": ""})
    assert b"govuk-error-summary" in response.content and not IndicatorValue.objects.exists()
    client.post(url, {"quarter": "2025-Q2", "value": "64", "source": "Residents survey", "source_date": "2025-07-01"})
    assert IndicatorValue.objects.get().value == 64
    page = signed_in_client(world.board).get(reverse("strategy:board_report", args=["2025-Q2"])).content.decode()
    assert "Residents survey" in page


def test_computed_indicator_cannot_be_entered_by_hand(world: World, strategy: Measure) -> None:
    response = signed_in_client(world.analyst).post(reverse("strategy:indicator", args=["hate_reports"]), {
        "quarter": "2025-Q2", "value": "1", "source": "x", "source_date": "2025-07-01"})
    assert b"computed by csphub" in response.content and not IndicatorValue.objects.exists()


def test_board_member_cannot_post_a_figure(world: World, strategy: Measure) -> None:
    response = signed_in_client(world.board).post(url_for("strategy:indicator", strategy), {
        "quarter": "2025-Q2", "value": "1", "source": "x", "source_date": "2025-07-01"})
    assert response.status_code == 403


def test_coordinator_writes_the_narrative(world: World, strategy: Measure) -> None:
    client = signed_in_client(world.coordinator)
    url = url_for("strategy:narrative", strategy)
    assert b"govuk-error-summary" in client.post(url, {"text": ""}).content
    client.post(url, {"text": "Repeat victims down after restorative work."})
    assert Narrative.objects.get().text.startswith("Repeat victims")


def test_small_counts_are_suppressed_in_the_report(world: World, strategy: Measure) -> None:
    from django.utils import timezone

    from strategy.models import Indicator
    from strategy.report import indicator_row
    from strategy.rules import quarter_start

    # world has 1 MARAC case opened today: a count of people below 5 never shows as a number.
    row = indicator_row(Indicator.objects.get(code="marac_cases"), quarter_start(timezone.localdate()))
    assert "fewer than 5" in [text for _, _, text in row.series]
