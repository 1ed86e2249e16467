"""The tension app's capabilities and its gates. Registered with the one policy (access.policy) at start-up.

- Any partner in a casework role sees the weekly assessment, the reports and the rumour register, submits
  reports and keeps the register up to date.
- Only the coordinator assesses area levels, clears free text for sharing beyond the partnership, approves
  counter-messages and declares high-tension incidents.
- A high-tension incident is a tension case: its team (the partners on the call list) works on it; the
  coordinator escalates and stands it down. Others get the same 404 as for a missing incident.
- Analysts and board members see the figures only.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from access.policy import CASEWORK_ROLES, Actor, can, register_global_rule, register_object_rules, visible_cases
from partnership.models import Role
from tension.models import HighTensionIncident, ResponseAction, Rumour, TensionArea, TensionReport


def _casework(actor: Actor) -> bool:
    return actor.has_role(*CASEWORK_ROLES)


def _coordinator(actor: Actor) -> bool:
    return actor.user is not None and actor.has_role(Role.COORDINATOR)


GLOBAL = {
    "view_tension": _casework,
    "submit_tension_report": _casework,
    "manage_rumours": _casework,
    "assess_tension": _coordinator,
    "declare_tension_incident": _coordinator,
}


def incident_rules(actor: Actor, action: str, incident: HighTensionIncident) -> bool:
    case = incident.case
    match action:
        case "view_tension_incident":
            return can(actor, "view_case", case)
        case "update_tension_incident":
            return can(actor, "add_to_case", case)
        case "escalate_tension_incident" | "stand_down_tension_incident":
            return incident.is_active and _coordinator(actor) and can(actor, "edit_case", case)
        case _:
            return False


def response_action_rules(actor: Actor, action: str, item: ResponseAction) -> bool:
    if action != "complete_response_action" or item.status != "open":
        return False
    if not can(actor, "update_tension_incident", item.incident):
        return False
    return item.owner_agency_id in actor.casework_agency_ids or _coordinator(actor)


def _read_only_register(actor: Actor, action: str, obj: Any) -> bool:
    if action == "view_tension_record":
        return _casework(actor)
    if action == "change_tension_record":
        return _casework(actor) if isinstance(obj, Rumour) else _coordinator(actor)
    return False


def register() -> None:
    for name, rule in GLOBAL.items():
        register_global_rule(name, rule)
    register_object_rules(HighTensionIncident, incident_rules)
    register_object_rules(ResponseAction, response_action_rules)
    for model in (TensionArea, TensionReport, Rumour):
        register_object_rules(model, _read_only_register)


# --- Gates ---------------------------------------------------------------------------------------------


def access_incident(actor: Actor, reference: str, *, for_write: str | None = None) -> HighTensionIncident:
    incident = (
        HighTensionIncident.objects.select_related("case", "area", "case__lead_agency")
        .filter(case__in=visible_cases(actor), case__reference=reference).first()
    )
    if incident is None:
        raise Http404
    if for_write and not can(actor, for_write, incident):
        raise PermissionDenied
    return incident


def access_record(actor: Actor, model: type, public_id: object, *, for_write: bool = False) -> Any:
    """An area, report or rumour: casework staff read them; a wrong or unseen id is a 404."""
    obj = model.objects.filter(public_id=public_id).first()
    if obj is None or not can(actor, "view_tension_record", obj):
        raise Http404
    if for_write and not can(actor, "change_tension_record", obj):
        raise PermissionDenied
    return obj


def access_response_action(actor: Actor, incident: HighTensionIncident, action_id: int) -> ResponseAction:
    item = incident.actions.filter(pk=action_id).first()
    if item is None:
        raise Http404
    if not can(actor, "complete_response_action", item):
        raise PermissionDenied
    return item
