"""One gate per record type. Views call these instead of ``objects.get``.

A record that does not exist and one the actor may not see give the same 404 (existence is never
revealed); 403 is only for "you can read this but not change it".
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from access.models import SharingAgreement
from access.policy import Actor, can, visible_cases
from core.models import Action, Case, Person


def access_case(actor: Actor, reference: str, *, for_write: str | None = None) -> Case:
    case = (
        visible_cases(actor).select_related("lead_agency", "lead_officer").filter(reference=reference).first()
    )
    if case is None:
        raise Http404
    if for_write and not can(actor, for_write, case):
        raise PermissionDenied
    return case


def access_case_for_break_glass(actor: Actor, reference: str) -> Case:
    """A case a coordinator may open by giving a reason. Only coordinators learn that it exists."""
    case = Case.objects.filter(reference=reference).first()
    if case is None or not can(actor, "break_glass", case):
        raise Http404
    return case


def access_person(actor: Actor, case: Case, public_id: object) -> Person:
    person = case.participants.filter(person__public_id=public_id).select_related("person").first()
    if person is None:
        raise Http404
    return person.person


def access_action(actor: Actor, case: Case, action_id: int) -> Action:
    action = case.actions.filter(pk=action_id).first()
    if action is None:
        raise Http404
    if not can(actor, "complete_action", action):
        raise PermissionDenied
    return action


def access_agreement(actor: Actor, public_id: object, *, for_write: str | None = None) -> SharingAgreement:
    """An information sharing agreement on the register: 404 unless the actor may read the register, 403 to
    read it but not do ``for_write``."""
    agreement = SharingAgreement.objects.select_related("owner_agency").filter(public_id=public_id).first()
    if agreement is None or not can(actor, "view_sharing_agreement", agreement):
        raise Http404
    if for_write and not can(actor, for_write, agreement):
        raise PermissionDenied
    return agreement
