"""Every URL of the hate_crime app, walked as every persona, answers as the access policy says."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client
from hate_crime import actions
from hate_crime.models import HateReport
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, flat, make_report

PUBLIC = {
    "hate_crime:start",
    "hate_crime:report:start",
    "hate_crime:report:check",
    "hate_crime:report:done",
    "hate_crime:report:question",
    "hate_crime:feedback",
    "hate_crime:feedback_thanks",
    "hate_crime:add_information",
}
GLOBAL = {
    "hate_crime:queue": "view_hate_queue",
    "hate_crime:staff_new": "triage_hate_reports",
    "hate_crime:staff_done": "triage_hate_reports",
    "hate_crime:trends": "view_hate_trends",
    "hate_crime:trends_csv": "view_hate_trends",
    "hate_crime:centre_list": "submit_on_behalf",
    "hate_crime:centre_new": "submit_on_behalf",
    "hate_crime:centre_done": "submit_on_behalf",
}
ON_REPORT = {
    "hate_crime:report_detail": "view_hate_report",
    "hate_crime:acknowledge": "manage_hate_report",
    "hate_crime:triage": "work_hate_report",
    "hate_crime:assign": "manage_hate_report",
    "hate_crime:case": "manage_hate_report",
    "hate_crime:police_reference": "work_hate_report",
    "hate_crime:add_update": "work_hate_report",
    "hate_crime:route": "manage_hate_report",
    "hate_crime:close": "manage_hate_report",
}
ON_CENTRE_REPORT = {"hate_crime:centre_detail": "view_centre_submission"}
REDIRECTS_WHEN_EMPTY = {
    "hate_crime:report:start",
    "hate_crime:report:check",
    "hate_crime:report:done",
    "hate_crime:staff_done",
    "hate_crime:centre_done",
}
POST_ONLY = {"hate_crime:acknowledge"}

URL_NAMES_TESTED = PUBLIC | set(GLOBAL) | set(ON_REPORT) | set(ON_CENTRE_REPORT)


@pytest.fixture
def reports(world: World) -> dict[str, HateReport]:
    assigned = make_report()
    actions.do_assign_report(report=assigned, acting=actor_for_user(world.coordinator), agency=world.council)
    centre_report, _secret = actions.do_submit_report(
        flat(ANONYMOUS_ANSWERS), channel="third_party", acting=actor_for_user(world.centre_staff), centre=world.centre
    )
    return {"assigned": assigned, "centre": centre_report}


def _url(name: str, reports: dict[str, HateReport]) -> str:
    if name == "hate_crime:report:question":
        return reverse(name, args=["what-happened"])
    if name in ON_REPORT:
        return reverse(name, args=[reports["assigned"].public_id])
    if name in ON_CENTRE_REPORT:
        return reverse(name, args=[reports["centre"].public_id])
    return reverse(name)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_as_the_policy_says(persona: str, world: World, reports: dict) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    actor = actor_for_user(user)
    for name in sorted(URL_NAMES_TESTED):
        url = _url(name, reports)
        response = client.post(url) if name in POST_ONLY else client.get(url)
        where = f"{persona} {name}"
        if name in PUBLIC:
            assert response.status_code in (200, 302), where
            assert "/sign-in/" not in response.get("Location", ""), where
            continue
        if name in GLOBAL:
            allowed, visible, on_object = can(actor, GLOBAL[name]), True, False
        else:
            rules = ON_REPORT if name in ON_REPORT else ON_CENTRE_REPORT
            obj = reports["assigned"] if name in ON_REPORT else reports["centre"]
            see = "view_hate_report" if name in ON_REPORT else "view_centre_submission"
            allowed, visible, on_object = can(actor, rules[name], obj), can(actor, see, obj), True
            if name in ON_CENTRE_REPORT and not can(actor, "submit_on_behalf"):
                allowed, visible, on_object = False, True, False  # a page for another role
        if allowed and (name in REDIRECTS_WHEN_EMPTY or name in POST_ONLY):
            assert response.status_code == 302 and "/sign-in/" not in response["Location"], where
            continue
        assert_answer(
            response, signed_in=user is not None, allowed=allowed, visible=visible, on_object=on_object, where=where
        )


def test_the_intended_answers(world: World, reports: dict) -> None:
    """Pin the decisions that matter, so a change to them is visible."""
    a = actor_for_user
    assigned, centre = reports["assigned"], reports["centre"]
    assert can(a(world.coordinator), "manage_hate_report", assigned)
    assert can(a(world.practitioner_a), "work_hate_report", assigned)  # council is assigned
    assert not can(a(world.practitioner_a), "manage_hate_report", assigned)
    assert not can(a(world.practitioner_b), "view_hate_report", assigned)
    assert not can(a(world.analyst), "view_hate_report", assigned)
    assert can(a(world.analyst), "view_hate_trends") and can(a(world.board), "view_hate_trends")
    assert not can(a(world.practitioner_a), "view_hate_trends")
    assert can(a(world.centre_staff), "view_centre_submission", centre)
    assert not can(a(world.centre_staff), "view_hate_report", centre)
