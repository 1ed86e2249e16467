"""Every URL of the register of sharing agreements, walked as every persona, answers as the policy says."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from access.models import SharingAgreement
from access.policy import actor_for_user, can
from access.testing import PERSONAS, assert_answer, make_sharing_agreement
from conftest import World, signed_in_client

URLS = {
    "access:agreement_list": ("view_sharing_agreements", False),
    "access:agreement_create": ("manage_sharing_agreements", False),
    "access:agreement_detail": ("view_sharing_agreement", True),
    "access:agreement_edit": ("edit_sharing_agreement", True),
    "access:agreement_end": ("end_sharing_agreement", True),
}
URL_NAMES_TESTED = set(URLS)


def _walk(user, agreement: SharingAgreement, where: str) -> None:  # noqa: ANN001
    client = signed_in_client(user)
    actor = actor_for_user(user) if user else None
    for name, (capability, on_object) in URLS.items():
        kwargs = {"agreement_id": agreement.public_id} if on_object else {}
        response = client.get(reverse(name, kwargs=kwargs))
        allowed = actor is not None and can(actor, capability, agreement if on_object else None)
        visible = actor is not None and can(actor, "view_sharing_agreement", agreement)
        assert_answer(
            response,
            signed_in=user is not None,
            allowed=allowed,
            visible=visible,
            on_object=on_object,
            where=f"{where} {name}",
        )


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_register_url_answers_as_the_policy_says(persona: str, world: World) -> None:
    agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    _walk(world.users_by_persona()[persona], agreement, persona)


@pytest.mark.parametrize("persona", ["coordinator", "practitioner_a"])
def test_an_ended_agreement_can_be_read_but_not_ended_again(persona: str, world: World) -> None:
    ended = make_sharing_agreement(world.council, world.fire, ends_on=timezone.localdate() - timedelta(days=1))
    _walk(world.users_by_persona()[persona], ended, persona)
    response = signed_in_client(world.coordinator).get(reverse("access:agreement_end", args=[ended.public_id]))
    assert response.status_code == 403


def test_an_unknown_agreement_is_404_like_one_you_may_not_see(world: World) -> None:
    unknown = reverse("access:agreement_detail", args=["00000000-0000-0000-0000-000000000000"])
    assert signed_in_client(world.coordinator).get(unknown).status_code == 404
    agreement = SharingAgreement.objects.get(reference="ISA-WORLD")
    assert signed_in_client(world.analyst).get(agreement.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    ("persona", "read", "manage"),
    [
        ("practitioner_a", True, False),
        ("idva", True, False),
        ("coordinator", True, True),
        ("analyst", False, False),
        ("board", False, False),
        ("administrator", False, False),
        ("centre_staff", False, False),
    ],
)
def test_capabilities_by_role(persona: str, read: bool, manage: bool, world: World) -> None:
    actor = actor_for_user(world.users_by_persona()[persona])
    assert (can(actor, "view_sharing_agreements"), can(actor, "manage_sharing_agreements")) == (read, manage)


def test_the_register_is_in_the_staff_navigation_for_caseworkers_only(world: World) -> None:
    url = reverse("access:agreement_list")
    assert url in signed_in_client(world.practitioner_a).get(reverse("core:dashboard")).content.decode()
    assert url not in signed_in_client(world.analyst).get(reverse("core:figures")).content.decode()
