"""Every URL of the module, walked as every persona, against the access policy's answer."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import signed_in_client
from domestic_abuse.tests.fixtures import DaWorld

PUBLIC = ["domestic_abuse:find_support", "domestic_abuse:self_referral:start",
          "domestic_abuse:self_referral:check", "domestic_abuse:self_referral:done",
          "domestic_abuse:self_referral:question", "domestic_abuse:service_detail",
          "domestic_abuse:encompass_acknowledge"]
GLOBAL = {
    "domestic_abuse:home": "da_casework",
    "domestic_abuse:perpetrators": "da_casework",
    "domestic_abuse:encompass": "da_casework",
    "domestic_abuse:self_referrals": "da_casework",
    "domestic_abuse:figures": "view_da_figures",
    "domestic_abuse:marac_home": "marac_panel",
    "domestic_abuse:marac_actions": "marac_panel",
    "domestic_abuse:meeting_new": "manage_marac",
    "domestic_abuse:meeting_detail": "marac_panel",
    "domestic_abuse:agenda_export": "marac_panel",
    "domestic_abuse:meeting_list_case": "manage_marac",
    "domestic_abuse:minutes": "manage_marac",
    "domestic_abuse:minute_action": "manage_marac",
    "domestic_abuse:directory": "manage_support_directory",
    "domestic_abuse:service_new": "manage_support_directory",
    "domestic_abuse:service_edit": "manage_support_directory",
}
ON_CASE = {
    "domestic_abuse:case": "view_case",
    "domestic_abuse:dash_detail": "view_case",
    "domestic_abuse:dash_new": "add_to_case",
    "domestic_abuse:referral_submit": "add_to_case",
    "domestic_abuse:referral_decline": "add_to_case",
    "domestic_abuse:attendance_new": "add_to_case",
    "domestic_abuse:child_school": "add_to_case",
    "domestic_abuse:intervention_new": "add_to_case",
    "domestic_abuse:intervention_decide": "add_to_case",
    "domestic_abuse:perpetrator_link": "add_to_case",
}
OBJECT = {"domestic_abuse:research", "domestic_abuse:self_referral_contact"}
URL_NAMES_TESTED = set(PUBLIC) | set(GLOBAL) | set(ON_CASE) | OBJECT


def url_for(name: str, da: DaWorld) -> str:
    ref = da.case.reference
    args = {
        "domestic_abuse:self_referral:question": ["service"],
        "domestic_abuse:service_detail": [da.service.slug], "domestic_abuse:service_edit": [da.service.slug],
        "domestic_abuse:perpetrator_link": [ref],
        "domestic_abuse:encompass_acknowledge": [da.notification.public_id],
        "domestic_abuse:meeting_detail": [da.meeting.pk], "domestic_abuse:agenda_export": [da.meeting.pk],
        "domestic_abuse:meeting_list_case": [da.meeting.pk],
        "domestic_abuse:minutes": [da.meeting.pk, da.item.pk],
        "domestic_abuse:minute_action": [da.meeting.pk, da.item.pk],
        "domestic_abuse:research": [da.meeting.pk, da.item.pk],
        "domestic_abuse:self_referral_contact": [da.self_referral.public_id],
        "domestic_abuse:case": [ref], "domestic_abuse:dash_new": [ref], "domestic_abuse:attendance_new": [ref],
        "domestic_abuse:intervention_new": [ref],
        "domestic_abuse:dash_detail": [ref, da.assessment.public_id],
        "domestic_abuse:referral_submit": [ref, da.referral.public_id],
        "domestic_abuse:referral_decline": [ref, da.referral.public_id],
        "domestic_abuse:child_school": [ref, da.child.public_id],
        "domestic_abuse:intervention_decide": [ref, da.intervention.pk],
    }.get(name, [])
    return reverse(name, args=args)


@pytest.mark.parametrize("persona", [*PERSONAS, "marac_coordinator"])
@pytest.mark.parametrize("name", sorted(URL_NAMES_TESTED))
def test_every_url_by_role(name: str, persona: str, da: DaWorld) -> None:
    user = da.marac_coordinator if persona == "marac_coordinator" else da.world.users_by_persona()[persona]
    response = signed_in_client(user).get(url_for(name, da))
    where = f"{name} as {persona}"
    if name in PUBLIC:
        assert response.status_code in (200, 302), where  # the flow redirects to its first question
        return
    actor = actor_for_user(user)
    if name in GLOBAL:
        assert_answer(response, signed_in=user is not None, allowed=can(actor, GLOBAL[name]), where=where)
    elif name in ON_CASE:
        assert_answer(response, signed_in=user is not None, allowed=can(actor, ON_CASE[name], da.case),
                      visible=can(actor, "view_case", da.case), on_object=True, where=where)
    elif name == "domestic_abuse:research":
        research = da.item.research.filter(agency_id__in=actor.panel_agency_ids("marac")).first()
        allowed = can(actor, "marac_panel") and research is not None and can(actor, "change", research)
        assert_answer(response, signed_in=user is not None, allowed=allowed, where=where)
    else:
        allowed = can(actor, "da_casework") and can(actor, "record_first_contact", da.self_referral)
        visible = can(actor, "da_casework") and allowed
        assert_answer(response, signed_in=user is not None, allowed=allowed, visible=visible,
                      on_object=can(actor, "da_casework"), where=where)
