"""This module's capabilities, registered with the one access policy (access.policy).

Global capabilities say who may open a kind of page; object rules decide each record. Everything is
denied unless a rule here says yes, and lists are always scoped through visible_cases.
"""

from typing import Any

from access.policy import AGGREGATE_ROLES, CASEWORK_ROLES, Actor, can, register_global_rule, register_object_rules
from partnership.models import Role

MARAC = "marac"


def sits_on_marac(actor: Actor) -> bool:
    return bool(actor.panel_agency_ids(MARAC))


def coordinates_marac(actor: Actor) -> bool:
    return actor.user is not None and any(g.role == Role.COORDINATOR and MARAC in g.panels for g in actor.grants)


def _casework(actor: Actor) -> bool:
    return actor.user is not None and actor.has_role(*CASEWORK_ROLES)


GLOBAL = {
    "da_casework": _casework,
    "marac_panel": lambda a: a.user is not None and sits_on_marac(a),
    "manage_marac": coordinates_marac,
    "view_da_figures": lambda a: a.user is not None and a.has_role(*AGGREGATE_ROLES, Role.COORDINATOR),
    "manage_support_directory": lambda a: a.user is not None and a.has_role(Role.COORDINATOR),
}


def _via_case(actor: Actor, action: str, obj: Any) -> bool:
    """Records that belong to a case follow the case: read with it, change with ``add_to_case``."""
    match action:
        case "view":
            return can(actor, "view_case", obj.case)
        case "change":
            return can(actor, "add_to_case", obj.case)
        case _:
            return False


def _self_referral(actor: Actor, action: str, obj: Any) -> bool:
    # Only the service's own agency sees who asked for help and records the first contact.
    if action not in ("view", "record_first_contact") or not _casework(actor):
        return False
    return obj.service.agency_id is not None and obj.service.agency_id in actor.casework_agency_ids


def _research(actor: Actor, action: str, obj: Any) -> bool:
    if action != "change":
        return False
    return obj.agency_id in actor.panel_agency_ids(MARAC)


def register() -> None:
    from domestic_abuse.models import (
        DashAssessment,
        MaracReferral,
        MaracResearch,
        PerpetratorIntervention,
        SelfReferral,
    )

    for name, rule in GLOBAL.items():
        register_global_rule(name, rule)
    for model in (DashAssessment, MaracReferral, PerpetratorIntervention):
        register_object_rules(model, _via_case)
    register_object_rules(SelfReferral, _self_referral)
    register_object_rules(MaracResearch, _research)
