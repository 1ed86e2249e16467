"""Every analytics URL, walked as every persona, answers as the access policy says."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client

URL_NAMES_TESTED = {
    "analytics:hotspots": "view_analytics",
    "analytics:hotspots_csv": "view_analytics",
    "analytics:imports": "view_imports",
    "analytics:partner_import": "import_partner_data",
    "analytics:trends": "view_analytics",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_analytics_url_answers_as_the_policy_says(persona: str, world: World) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    for name, capability in URL_NAMES_TESTED.items():
        response = client.get(reverse(name))
        allowed = user is not None and can(actor_for_user(user), capability)
        assert_answer(response, signed_in=user is not None, allowed=allowed, where=f"{persona} {name}")


@pytest.mark.parametrize(("persona", "allowed"), [("analyst", True), ("board", True), ("coordinator", True),
                                                  ("practitioner_a", True), ("administrator", False),
                                                  ("centre_staff", False)])
def test_who_may_see_hot_spots(persona: str, allowed: bool, world: World) -> None:
    user = world.users_by_persona()[persona]
    assert can(actor_for_user(user), "view_analytics") is allowed
