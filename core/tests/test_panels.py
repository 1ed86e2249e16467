import pytest

from conftest import World, signed_in_client
from core.panels import _PANELS, CasePanel, register_case_panel


@pytest.fixture
def a_panel():
    saved = list(_PANELS)
    register_case_panel(CasePanel(
        "core/tests_panel.html",
        lambda actor, case: {"message": f"panel for {case.reference}"} if actor.user else None,
        kinds=frozenset({"asb"}),
    ))
    yield
    _PANELS[:] = saved


@pytest.mark.django_db
def test_a_registered_panel_appears_on_cases_of_its_kind(world: World, a_panel, settings, tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "tests_panel.html").write_text("<p class='govuk-body'>{{ panel.message }}</p>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    asb_page = signed_in_client(world.practitioner_a).get(world.case_a.get_absolute_url()).content.decode()
    hate_page = signed_in_client(world.practitioner_b).get(world.case_b.get_absolute_url()).content.decode()
    assert f"panel for {world.case_a.reference}" in asb_page
    assert "panel for" not in hate_page
