"""Walk every URL pattern as anonymous and as each role, and check the response matches the policy.

A new URL fails ``test_every_url_is_in_the_table`` until it is given an expected answer here or in its
app's ``tests/test_access_by_role.py`` (listed in that module's ``URL_NAMES_TESTED``).
"""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from access.policy import actor_for_user, can
from access.testing import PERSONAS, all_url_names, url_names_tested_by_apps
from conftest import World, signed_in_client
from core.actions import do_add_action, do_attach_file


@dataclass(frozen=True)
class Rule:
    """How to reach a URL and what decides it: None = public; a capability name checked with ``can``."""

    capability: str | None
    on_case: bool = False
    kwargs: str = ""  # which object kwargs to fill in


PUBLIC = Rule(None)
RULES: dict[str, Rule] = {
    "home": PUBLIC,
    "accessibility": PUBLIC,
    "privacy": PUBLIC,
    "intake:status_lookup": PUBLIC,
    "partnership:sign_in": PUBLIC,
    "partnership:password_reset": PUBLIC,
    "partnership:password_reset_sent": PUBLIC,
    "partnership:password_reset_confirm": Rule(None, kwargs="reset"),
    "partnership:password_reset_complete": PUBLIC,
    "partnership:sign_out": Rule(None, kwargs="post_only"),
    "partnership:second_factor": Rule("signed_in"),
    "core:dashboard": Rule("view_dashboard"),
    "core:case_list": Rule("view_dashboard"),
    "core:search": Rule("search"),
    "core:figures": Rule("view_aggregates"),
    "core:case_create": Rule("create_case"),
    "core:case_detail": Rule("view_case", on_case=True),
    "core:break_glass": Rule("break_glass", on_case=True),
    "core:case_edit": Rule("edit_case", on_case=True),
    "core:add_incident": Rule("add_to_case", on_case=True),
    "core:add_note": Rule("add_to_case", on_case=True),
    "core:add_action": Rule("add_to_case", on_case=True),
    "core:add_participant": Rule("add_to_case", on_case=True),
    "core:add_attachment": Rule("add_to_case", on_case=True),
    "core:add_team_agency": Rule("manage_team", on_case=True),
    "core:add_team_user": Rule("manage_team", on_case=True),
    "core:person_detail": Rule("view_case", on_case=True, kwargs="person"),
    "core:download_attachment": Rule("view_case", on_case=True, kwargs="attachment"),
    "core:complete_action": Rule("complete_action", on_case=True, kwargs="action"),
    "intake:outbox": Rule("view_outbox"),
    "audit:viewer": Rule("view_audit"),
    "audit:export": Rule("view_audit"),
}
# The API authenticates with keys, not sessions (tested in core/tests/test_api.py); the admin site is
# walked separately below.
SEPARATELY_TESTED_PREFIXES = ("api-v1:", "admin:")


def test_every_url_is_in_the_table() -> None:
    covered = set(RULES) | url_names_tested_by_apps()
    missing = {n for n in all_url_names() if n not in covered and not n.startswith(SEPARATELY_TESTED_PREFIXES)}
    assert not missing, f"Give these URLs an expected access rule: {sorted(missing)}"


@pytest.fixture
def objects(world: World) -> dict:
    acting = actor_for_user(world.practitioner_a)
    action = do_add_action(case=world.case_a, acting=acting, title="Visit the victim",
                           owner_agency=world.council, due_on="2026-01-10")
    attachment = do_attach_file(case=world.case_a, upload=SimpleUploadedFile("n.txt", b"notes", "text/plain"),
                                description="", acting=acting)
    return {"action": action, "attachment": attachment, "person": world.case_a.participants.first().person}


def url_for(name: str, rule: Rule, world: World, objects: dict) -> str:
    kwargs: dict = {}
    if rule.on_case:
        kwargs["reference"] = world.case_a.reference
    if rule.kwargs == "person":
        kwargs["person_id"] = objects["person"].public_id
    elif rule.kwargs == "attachment":
        kwargs["attachment_id"] = objects["attachment"].public_id
    elif rule.kwargs == "action":
        kwargs["action_id"] = objects["action"].pk
    elif rule.kwargs == "reset":
        kwargs = {"uidb64": "MQ", "token": "set-password"}
    return reverse(name, kwargs=kwargs)


def expected_allowed(rule: Rule, user, world: World, objects: dict) -> bool:  # noqa: ANN001
    if rule.capability is None:
        return True
    if user is None:
        return False
    if rule.capability == "signed_in":
        return True
    actor = actor_for_user(user)
    if rule.capability == "complete_action":
        return can(actor, "complete_action", objects["action"])
    return can(actor, rule.capability, world.case_a if rule.on_case else None)




@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_as_the_policy_says(persona: str, world: World, objects: dict) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    for name, rule in RULES.items():
        url = url_for(name, rule, world, objects)
        response = client.get(url)
        allowed = expected_allowed(rule, user, world, objects)
        where = f"{persona} GET {name}"
        if rule.kwargs == "post_only":
            assert response.status_code == 405, where
        elif user is None and not allowed:
            assert response.status_code == 302 and "/sign-in/" in response["Location"], where
        elif allowed:
            assert response.status_code == 200, f"{where}: {response.status_code}"
        elif name == "core:break_glass" and can(actor_for_user(user), "view_case", world.case_a):
            assert response.status_code == 302 and response["Location"] == world.case_a.get_absolute_url(), where
        elif name == "core:case_detail" and can(actor_for_user(user), "break_glass", world.case_a):
            assert response.status_code == 302 and "break-glass" in response["Location"], where
        elif rule.on_case:
            # Not visible → the same 404 as a case that does not exist; visible but not writable → 403.
            visible = can(actor_for_user(user), "view_case", world.case_a)
            assert response.status_code == (403 if visible else 404), f"{where}: {response.status_code}"
        else:
            assert response.status_code == 403, f"{where}: {response.status_code}"


def test_the_expected_answers_are_the_intended_ones(world: World) -> None:
    """Pin the policy itself for the cases that matter, so a change to it is a visible decision."""
    a = actor_for_user
    assert can(a(world.practitioner_a), "view_case", world.case_a)
    assert not can(a(world.practitioner_b), "view_case", world.case_a)
    assert not can(a(world.outsider), "view_case", world.case_a)
    assert can(a(world.coordinator), "view_case", world.case_a)  # the council is on the team
    assert not can(a(world.coordinator), "view_case", world.case_b)
    assert can(a(world.coordinator), "break_glass", world.case_b)
    assert not can(a(world.practitioner_a), "break_glass", world.case_b)
    assert not can(a(world.analyst), "view_case", world.case_a)
    assert not can(a(world.administrator), "view_case", world.case_a)
    # Restricted kind: panel members of team agencies, never others of the same agency role without a seat.
    assert can(a(world.practitioner_b), "view_case", world.marac)
    assert can(a(world.idva), "view_case", world.marac)
    assert not can(a(world.practitioner_a), "view_case", world.marac)


@pytest.mark.parametrize("persona", PERSONAS)
def test_admin_site_is_for_administrators_only(persona: str, world: World) -> None:
    user = world.users_by_persona()[persona]
    client = signed_in_client(user)
    urls = [reverse("admin:index"), reverse("admin:partnership_agency_changelist"),
            reverse("admin:partnership_agency_change", args=[world.council.pk]),
            reverse("admin:partnership_user_changelist"), reverse("admin:partnership_apikey_add")]
    for url in urls:
        response = client.get(url, follow=True)
        if persona == "administrator":
            assert response.status_code == 200, url
        elif persona == "anonymous":
            assert response.redirect_chain[-1][0].startswith(reverse("partnership:sign_in")), url
        else:
            assert response.status_code == 403, url
