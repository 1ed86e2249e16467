"""Every asb URL walked as every persona, checked against access.policy (see access/testing.py)."""

import pytest
from django.core import signing
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from asb.views.incidents import ACCESS_SALT
from conftest import World, signed_in_client

PUBLIC_200 = {"asb:review_statistics", "asb:review_statistics_csv", "asb:apply:question"}
PUBLIC_REDIRECT = {"asb:apply:start", "asb:apply:check", "asb:apply:done"}
GLOBAL = {
    "asb:home": "view_asb", "asb:incident_create": "record_asb_incident", "asb:incident_import": "record_asb_incident",
    "asb:repeat_victims": "view_asb", "asb:pspo_list": "view_asb", "asb:pspo_create": "record_pspo",
    "asb:figures": "view_asb_figures", "asb:review_list": "manage_case_reviews",
    "asb:review_create": "manage_case_reviews", "asb:access_request": "view_asb",
}
ON_CASE = {"asb:case": "view_case", "asb:plan_edit": "add_to_case", "asb:intervention_create": "add_to_case",
           "asb:risk_create": "add_to_case", "asb:intervention_edit": "add_to_case"}
ON_APPLICATION = {"asb:review_detail", "asb:review_schedule", "asb:review_information", "asb:review_recommendation",
                  "asb:review_held", "asb:review_outcome", "asb:review_escalation", "asb:information_received"}
POST_ONLY = {"asb:incident_link", "asb:review_decide", "asb:recommendation_done"}
ON_INCIDENT = {"asb:incident_detail"}
ON_MATCH = {"asb:match_decide"}
ON_ACCESS_REQUEST = {"asb:access_request_decide"}

URL_NAMES_TESTED = (PUBLIC_200 | PUBLIC_REDIRECT | set(GLOBAL) | set(ON_CASE) | ON_APPLICATION | POST_ONLY
                    | ON_INCIDENT | ON_MATCH | ON_ACCESS_REQUEST)


def _url(name: str, world: World, objs: dict) -> str:
    if name == "asb:apply:question":
        return reverse(name, args=["who"])
    if name == "asb:access_request":
        return reverse(name, args=[signing.dumps(world.case_a.pk, salt=ACCESS_SALT)])
    if name == "asb:intervention_edit":
        return reverse(name, args=[world.case_a.reference, objs["intervention"].public_id])
    if name == "asb:information_received":
        return reverse(name, args=[objs["application"].public_id, objs["information"].pk])
    if name in ON_CASE:
        return reverse(name, args=[world.case_a.reference])
    if name in ON_APPLICATION or name == "asb:review_decide":
        return reverse(name, args=[objs["application"].public_id])
    if name == "asb:recommendation_done":
        return reverse(name, args=[objs["application"].public_id, 999999])
    if name in ON_INCIDENT or name == "asb:incident_link":
        return reverse(name, args=[objs["incident"].public_id])
    if name in ON_MATCH:
        return reverse(name, args=[objs["match"].public_id])
    if name in ON_ACCESS_REQUEST:
        return reverse(name, args=[objs["access_request"].public_id])
    return reverse(name)


def test_every_asb_url_is_listed() -> None:
    from access.testing import all_url_names

    assert {n for n in all_url_names() if n.startswith("asb:")} == URL_NAMES_TESTED


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_asb_url_answers_as_the_policy_says(persona: str, world: World, asb_objects: dict) -> None:  # noqa: C901
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    actor = actor_for_user(user)
    signed_in = user is not None
    application = asb_objects["application"]
    for name in sorted(URL_NAMES_TESTED):
        url = _url(name, world, asb_objects)
        where = f"{persona} {name}"
        if name in PUBLIC_200:
            assert client.get(url).status_code == 200, where
        elif name in PUBLIC_REDIRECT:
            assert client.get(url).status_code == 302, where
        elif name in GLOBAL:
            assert_answer(client.get(url), signed_in=signed_in, allowed=can(actor, GLOBAL[name]), where=where)
        elif name in ON_CASE:
            assert_answer(client.get(url), signed_in=signed_in, allowed=can(actor, ON_CASE[name], world.case_a),
                          visible=can(actor, "view_case", world.case_a), on_object=True, where=where)
        elif name in ON_APPLICATION:
            allowed = can(actor, "view_case_review", application)
            assert_answer(client.get(url), signed_in=signed_in, allowed=allowed, visible=allowed, on_object=True,
                          where=where)
        elif name in ON_INCIDENT:
            sees = actor.has_role("practitioner", "coordinator") and world.council.pk in actor.casework_agency_ids
            assert_answer(client.get(url), signed_in=signed_in, allowed=sees, visible=sees, on_object=True,
                          where=where)
        elif name in ON_MATCH:
            allowed = can(actor, "decide_match", asb_objects["match"])
            assert_answer(client.get(url), signed_in=signed_in, allowed=allowed, visible=allowed, on_object=True,
                          where=where)
        elif name in ON_ACCESS_REQUEST:
            assert_answer(client.get(url), signed_in=signed_in,
                          allowed=can(actor, "decide_access_request", asb_objects["access_request"]),
                          visible=can(actor, "view_case", world.case_a), on_object=True, where=where)
        elif name in POST_ONLY:
            response = client.get(url)
            assert response.status_code == (302 if not signed_in else 405), where
        else:  # pragma: no cover - every name is in one of the groups above
            raise AssertionError(name)


@pytest.mark.parametrize("persona", PERSONAS)
def test_post_only_urls_refuse_those_who_may_not(persona: str, world: World, asb_objects: dict) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    actor = actor_for_user(user)
    application = asb_objects["application"]
    decide = client.post(reverse("asb:review_decide", args=[application.public_id]))
    manages = can(actor, "manage_case_review", application)
    if user is None:
        assert decide.status_code == 302 and "/sign-in/" in decide["Location"]
    else:
        assert decide.status_code == (302 if manages else 404)
    link = client.post(reverse("asb:incident_link", args=[asb_objects["incident"].public_id]),
                       {"case": world.case_a.reference})
    if user is not None:
        allowed = can(actor, "add_to_case", world.case_a) and world.council.pk in actor.casework_agency_ids
        assert link.status_code == (302 if allowed else 404), persona


@pytest.mark.django_db
def test_the_shared_case_page_links_to_the_asb_page(world) -> None:  # noqa: ANN001
    from django.urls import reverse

    from conftest import signed_in_client

    html = signed_in_client(world.practitioner_a).get(world.case_a.get_absolute_url()).content.decode()
    assert reverse("asb:case", args=[world.case_a.reference]) in html
