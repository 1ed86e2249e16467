"""Every URL of the reviews app, walked as every persona, answers as the access policy says."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client

# name: (capability, object key or None, extra kwargs builder)
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
    "reviews:channel_post_closure_review": ("update_record", "referral"),
    "reviews:prevent": ("view_prevent", None),
    "reviews:prevent_add": ("manage_prevent", None),
}
URL_NAMES_TESTED = set(URLS)


def url_for(name: str, records: dict) -> str:
    kwargs: dict = {}
    if URLS[name][1] == "review":
        kwargs["public_id"] = records["review"].public_id
    elif URLS[name][1] == "referral":
        kwargs["public_id"] = records["referral"].public_id
    extra = {
        "reviews:dhr_step": {"step": "chair"},
        "reviews:dhr_agency_report_received": {"report_id": records["report"].pk},
        "reviews:dhr_recommendation_done": {"item_id": records["item"].public_id},
        "reviews:channel_step": {"step": "assessment"},
        "reviews:channel_post_closure_review": {"review_id": records["post_review"].pk},
        "reviews:prevent_add": {"what": "training"},
    }
    kwargs.update(extra.get(name, {}))
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_reviews_url_answers_as_the_policy_says(persona: str, world: World, records: dict) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    actor = actor_for_user(user)
    for name, (capability, key) in URLS.items():
        obj = records[key] if key else None
        allowed = user is not None and can(actor, capability, obj)
        visible = obj is not None and user is not None and can(actor, "view_record", obj)
        response = client.get(url_for(name, records))
        assert_answer(response, signed_in=user is not None, allowed=allowed, visible=visible,
                      on_object=obj is not None, where=f"{persona} {name}")


def test_only_named_members_and_panel_agencies_see_restricted_records(world: World, records: dict) -> None:
    review, referral = records["review"], records["referral"]
    assert can(actor_for_user(world.coordinator), "view_record", review)
    for persona in ("practitioner_a", "practitioner_b", "outsider", "idva", "analyst", "board", "administrator"):
        actor = actor_for_user(getattr(world, persona))
        assert not can(actor, "view_record", review), persona
        assert not can(actor, "view_record", referral), persona


def test_a_dhr_panel_member_of_a_team_agency_sees_the_review(world: World, records: dict) -> None:
    from core.actions import do_add_team_agency
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
