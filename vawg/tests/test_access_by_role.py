"""Every vawg URL, walked as every persona, answers as the access policy says."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client
from vawg.models import Venue

PUBLIC = None
URL_NAMES_TESTED = {
    "vawg:unsafe_place:start": PUBLIC,
    "vawg:unsafe_place:question": PUBLIC,
    "vawg:unsafe_place:check": PUBLIC,
    "vawg:unsafe_place:done": PUBLIC,
    "vawg:unsafe_places": "view_safer_spaces",
    "vawg:venue_list": "view_safer_spaces",
    "vawg:venue_create": "manage_venues",
    "vawg:venue_detail": "view_venue",
    "vawg:venue_edit": "edit_venue",
    "vawg:campaign_list": "view_safer_spaces",
    "vawg:campaign_create": "manage_campaigns",
}


def make_venue() -> Venue:
    return Venue.objects.create(name="The Crown", address="1 Botchergate, Carlisle", venue_type="pub",
                                latitude=54.8900, longitude=-2.9300, easting=340400, northing=555500,
                                schemes=["ask_for_angela"])


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_vawg_url_answers_as_the_policy_says(persona: str, world: World) -> None:
    venue = make_venue()
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    for name, capability in URL_NAMES_TESTED.items():
        kwargs = {"venue_id": venue.public_id} if "venue_" in name and not name.endswith(("list", "create")) else {}
        if name == "vawg:unsafe_place:question":
            kwargs = {"slug": "where"}
        response = client.get(reverse(name, kwargs=kwargs))
        where = f"{persona} {name}"
        if capability is PUBLIC:
            assert response.status_code in (200, 302), where  # start, check and done redirect to the question
            continue
        actor = actor_for_user(user) if user else None
        on_object = bool(kwargs)
        allowed = actor is not None and can(actor, capability, venue if on_object else None)
        visible = actor is not None and can(actor, "view_venue", venue)
        assert_answer(response, signed_in=user is not None, allowed=allowed, visible=visible, on_object=on_object,
                      where=where)


def test_an_unknown_venue_is_404_like_one_you_may_not_see(world: World) -> None:
    client = signed_in_client(world.coordinator)
    assert client.get(reverse("vawg:venue_detail", kwargs={"venue_id": "00000000-0000-0000-0000-000000000000"})
                      ).status_code == 404


@pytest.mark.parametrize(("persona", "view", "venues", "campaigns"), [
    ("practitioner_a", True, True, False), ("coordinator", True, True, True), ("analyst", True, False, False),
    ("board", True, False, False), ("administrator", False, False, False), ("centre_staff", False, False, False),
])
def test_capabilities_by_role(persona: str, view: bool, venues: bool, campaigns: bool, world: World) -> None:
    actor = actor_for_user(world.users_by_persona()[persona])
    assert (can(actor, "view_safer_spaces"), can(actor, "manage_venues"), can(actor, "manage_campaigns")) == (
        view, venues, campaigns)
