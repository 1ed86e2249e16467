"""Every URL of the rights app, walked as every persona, answers as the access policy says."""

from datetime import date

import pytest
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer
from conftest import World, signed_in_client
from partnership.models import User
from rights import actions

# name: (capability, kwargs builder)
URLS = {
    "rights:register": "view_subject_rights",
    "rights:find_person": "handle_subject_rights",
    "rights:person": "handle_subject_rights",
    "rights:new_request": "handle_subject_rights",
    "rights:access_request": "handle_subject_rights",
    "rights:extend_access_request": "handle_subject_rights",
    "rights:complete_access_request": "handle_subject_rights",
    "rights:download_export": "handle_subject_rights",
    "rights:rectification_request": "handle_subject_rights",
    "rights:rectify": "handle_subject_rights",
    "rights:erasure_request": "handle_subject_rights",
    "rights:assess_erasure": "handle_subject_rights",
    "rights:erase": "handle_subject_rights",
}
URL_NAMES_TESTED = set(URLS)


@pytest.fixture
def records(world: World) -> dict:
    acting = actor_for_user(world.coordinator)
    person = world.case_a.participants.get().person
    sar = actions.do_record_subject_access_request(person=person, received_on=date(2026, 1, 5), acting=acting)
    rect = actions.do_record_rectification_request(
        person=person,
        received_on=date(2026, 1, 5),
        field="postcode",
        what_is_wrong="Old postcode",
        corrected_value="CA1 2BB",
        acting=acting,
    )
    erasure = actions.do_record_erasure_request(
        person=person, received_on=date(2026, 1, 5), grounds="Moved away", acting=acting
    )
    actions.do_assess_erasure_request(
        erasure=erasure, granted=True, refusal_ground="", reason="", decided_on=date(2026, 1, 6), acting=acting
    )
    return {"person": person, "sar": sar, "rect": rect, "erasure": erasure}


def url_for(name: str, records: dict) -> str:
    args = {
        "rights:person": [records["person"].public_id],
        "rights:new_request": [records["person"].public_id, "access"],
        "rights:access_request": [records["sar"].public_id],
        "rights:extend_access_request": [records["sar"].public_id],
        "rights:complete_access_request": [records["sar"].public_id],
        "rights:download_export": [records["sar"].public_id, "json"],
        "rights:rectification_request": [records["rect"].public_id],
        "rights:rectify": [records["rect"].public_id],
        "rights:erasure_request": [records["erasure"].public_id],
        "rights:assess_erasure": [records["erasure"].public_id],
        "rights:erase": [records["erasure"].public_id],
    }
    return reverse(name, args=args.get(name, []))


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_rights_url_answers_as_the_policy_says(persona: str, world: World, records: dict) -> None:
    user: User | None = world.users_by_persona()[persona]
    client = signed_in_client(user)
    actor = actor_for_user(user) if user else None
    for name, capability in URLS.items():
        allowed = user is not None and can(actor, capability)
        response = client.get(url_for(name, records))
        assert_answer(response, signed_in=user is not None, allowed=allowed, where=f"{persona} {name}")


def test_only_coordinators_handle_requests_and_administrators_see_the_register(world: World) -> None:
    handlers = {
        p
        for p, u in world.users_by_persona().items()
        if u is not None and can(actor_for_user(u), "handle_subject_rights")
    }
    viewers = {
        p
        for p, u in world.users_by_persona().items()
        if u is not None and can(actor_for_user(u), "view_subject_rights")
    }
    assert handlers == {"coordinator"}
    assert viewers == {"coordinator", "administrator"}


def test_the_register_shows_administrators_references_and_dates_but_no_names(world: World, records: dict) -> None:
    page = signed_in_client(world.administrator).get(reverse("rights:register")).content.decode()
    assert records["sar"].reference in page and "Overdue" in page  # received in January, due in February
    assert records["person"].family_name not in page
    assert reverse("rights:access_request", args=[records["sar"].public_id]) not in page


@pytest.mark.parametrize(
    "name",
    [
        "rights:person",
        "rights:access_request",
        "rights:rectification_request",
        "rights:erasure_request",
        "rights:erase",
    ],
)
def test_unknown_ids_give_not_found_to_a_coordinator(name: str, world: World, records: dict) -> None:
    import uuid

    url = url_for(name, records).replace(str(_id_in(name, records)), str(uuid.uuid4()))
    assert signed_in_client(world.coordinator).get(url).status_code == 404


def test_unknown_request_kinds_and_export_formats_give_not_found(world: World, records: dict) -> None:
    client = signed_in_client(world.coordinator)
    assert client.get(reverse("rights:new_request", args=[records["person"].public_id, "deletion"])).status_code == 404
    assert client.get(reverse("rights:download_export", args=[records["sar"].public_id, "xlsx"])).status_code == 404


def _id_in(name: str, records: dict) -> object:
    key = {"rights:person": "person", "rights:access_request": "sar", "rights:rectification_request": "rect"}.get(
        name, "erasure"
    )
    return records[key].public_id
