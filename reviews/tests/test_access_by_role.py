"""Every URL of the reviews app, walked as every persona (and as DHR and Channel panel members from a team
agency), answers as the access policy says."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, make_user, signed_in_client
from core.actions import do_add_team_agency
from partnership.models import Role, User

# name: (capability, object key or None)
URLS = {
    "reviews:dhr_dashboard": ("view_reviews", None),
    "reviews:dhr_notify": ("notify_dhr", None),
    "reviews:lessons": ("view_lessons", None),
    "reviews:dhr_detail": ("view_record", "review"),
    "reviews:dhr_decide": ("decide_record", "review"),
    "reviews:dhr_step": ("update_record", "review"),
    "reviews:dhr_agency_report": ("update_record", "review"),
    "reviews:dhr_agency_report_received": ("update_record", "review"),
    "reviews:dhr_recommendation": ("update_record", "review"),
    "reviews:dhr_recommendation_done": ("update_record", "review"),
    "reviews:dhr_meeting": ("update_record", "review"),
    "reviews:channel_dashboard": ("view_reviews", None),
    "reviews:channel_new": ("receive_channel_referral", None),
    "reviews:channel_detail": ("view_record", "referral"),
    "reviews:channel_step": ("update_record", "referral"),
    "reviews:channel_support_review": ("update_record", "supported"),
    "reviews:channel_post_closure_review": ("update_record", "referral"),
    "reviews:prevent": ("view_prevent", None),
    "reviews:prevent_add": ("manage_prevent", None),
    "reviews:prevent_action_done": ("manage_prevent", None),
}
URL_NAMES_TESTED = set(URLS)
# Panel members from a team agency (the police here), beside the shared personas.
PANEL_PERSONAS = ["dhr_panel", "channel_panel", "both_panels_off_team"]


def url_for(name: str, records: dict) -> str:
    key = URLS[name][1]
    kwargs: dict = {"public_id": records[key].public_id} if key else {}
    extra = {
        "reviews:dhr_step": {"step": "chair"},
        "reviews:dhr_agency_report_received": {"report_id": records["report"].pk},
        "reviews:dhr_recommendation_done": {"item_id": records["item"].public_id},
        "reviews:channel_step": {"step": "assessment"},
        "reviews:channel_post_closure_review": {"review_id": records["post_review"].pk},
        "reviews:prevent_add": {"what": "training"},
        "reviews:prevent_action_done": {"action_id": records["prevent_action"].pk},
    }
    kwargs.update(extra.get(name, {}))
    return reverse(name, kwargs=kwargs)


def walk(user: User | None, records: dict, where: str) -> None:
    client = signed_in_client(user)
    actor = actor_for_user(user) if user else None
    for name, (capability, key) in URLS.items():
        obj = records[key] if key else None
        allowed = user is not None and can(actor, capability, obj)
        visible = obj is not None and user is not None and can(actor, "view_record", obj)
        response = client.get(url_for(name, records))
        assert_answer(response, signed_in=user is not None, allowed=allowed, visible=visible,
                      on_object=obj is not None, where=f"{where} {name}")


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_reviews_url_answers_as_the_policy_says(persona: str, world: World, records: dict) -> None:
    walk(world.users_by_persona()[persona], records, persona)


@pytest.fixture
def panel_members(world: World, records: dict) -> dict[str, User]:
    """Police practitioners with a DHR seat, a Channel seat, and (at the fire service, not on any team) both."""
    acting = actor_for_user(world.coordinator)
    for key in ("review", "referral", "supported"):
        do_add_team_agency(case=records[key].case, agency=world.police, sensitive_access=False, acting=acting)
    return {
        "dhr_panel": make_user("dhr.panel@police.test", world.police, Role.PRACTITIONER, panels="dhr"),
        "channel_panel": make_user("channel.panel@police.test", world.police, Role.PRACTITIONER, panels="channel"),
        "both_panels_off_team": make_user("panels@fire.test", world.fire, Role.PRACTITIONER, panels="dhr,channel"),
    }


@pytest.mark.parametrize("persona", PANEL_PERSONAS)
def test_every_reviews_url_answers_as_the_policy_says_for_panel_members(
        persona: str, world: World, records: dict, panel_members: dict[str, User]) -> None:
    walk(panel_members[persona], records, persona)


def test_panel_seats_open_only_their_own_kind_and_only_for_team_agencies(
        world: World, records: dict, panel_members: dict[str, User]) -> None:
    dhr, channel, off_team = (actor_for_user(panel_members[p]) for p in PANEL_PERSONAS)
    assert can(dhr, "view_record", records["review"]) and not can(dhr, "view_record", records["referral"])
    assert can(channel, "view_record", records["supported"]) and not can(channel, "view_record", records["review"])
    assert not can(off_team, "view_record", records["review"]) and not can(off_team, "view_record", records["referral"])
    # A panel member works on the record, but the decision stays with the lead agency and the coordinator.
    assert can(channel, "update_record", records["supported"]) and not can(channel, "decide_record",
                                                                            records["supported"])
    page = signed_in_client(panel_members["channel_panel"]).get(url_for("reviews:channel_dashboard", records))
    assert records["supported"].case.reference in page.content.decode()
    assert records["review"].case.reference not in page.content.decode()


def test_only_named_members_and_panel_agencies_see_restricted_records(world: World, records: dict) -> None:
    review, referral = records["review"], records["referral"]
    assert can(actor_for_user(world.coordinator), "view_record", review)
    for persona in ("practitioner_a", "practitioner_b", "outsider", "idva", "analyst", "board", "administrator"):
        actor = actor_for_user(getattr(world, persona))
        assert not can(actor, "view_record", review), persona
        assert not can(actor, "view_record", referral), persona


def test_a_dhr_panel_member_of_a_team_agency_sees_the_review(world: World, records: dict) -> None:
    from partnership.models import Membership

    Membership.objects.filter(user=world.practitioner_b).update(panels="marac,dhr")
    review = records["review"]
    do_add_team_agency(case=review.case, agency=world.police, sensitive_access=False,
                       acting=actor_for_user(world.coordinator))
    police_panel = actor_for_user(world.practitioner_b)
    assert can(police_panel, "view_record", review)
    assert not can(police_panel, "view_record", records["referral"])  # no Channel seat
    response = signed_in_client(world.practitioner_b).get(url_for("reviews:dhr_detail", records))
    assert response.status_code == 200
