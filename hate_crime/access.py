"""Who may see and do what with hate reports. Registered with the one policy (access.policy) at start-up.

- Coordinators triage: they see every report and make the decisions (acknowledge, assign, route, close).
- Practitioners see the reports assigned to them or to their agency, and add updates and police references.
- Reporting centre staff see only their own centre's submissions, and only their status.
- Analysts and board members see trends only.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from access.policy import AGGREGATE_ROLES, CASEWORK_ROLES, Actor, can, register_global_rule, register_object_rules
from hate_crime.models import HateReport
from partnership.models import Role

GLOBAL = {
    "view_hate_queue": lambda a: a.has_role(*CASEWORK_ROLES),
    "triage_hate_reports": lambda a: a.has_role(Role.COORDINATOR),
    "view_hate_trends": lambda a: a.has_role(*AGGREGATE_ROLES, Role.COORDINATOR),
}


def _centre_agency_ids(actor: Actor) -> set[int]:
    return {g.agency_id for g in actor.grants if g.role == Role.REPORTING_CENTRE}


def visible_reports(actor: Actor) -> QuerySet[HateReport]:
    """Reports the actor may open in the staff casework area."""
    if actor.has_role(Role.COORDINATOR):
        return HateReport.objects.all()
    if not actor.has_role(*CASEWORK_ROLES):
        return HateReport.objects.none()
    q = Q(assigned_agency_id__in=actor.casework_agency_ids)
    if actor.user_id is not None:
        q |= Q(assigned_officer_id=actor.user_id)
    return HateReport.objects.filter(q)


def centre_reports(actor: Actor) -> QuerySet[HateReport]:
    """A reporting centre's own submissions, whoever at the centre made them."""
    return HateReport.objects.filter(reporting_centre_id__in=_centre_agency_ids(actor))


def _report_rules(actor: Actor, action: str, report: HateReport) -> bool:
    coordinator = actor.has_role(Role.COORDINATOR)
    assigned = report.assigned_agency_id in actor.casework_agency_ids or (
        actor.user_id is not None and report.assigned_officer_id == actor.user_id
    )
    match action:
        case "view_hate_report":
            return coordinator or assigned
        case "work_hate_report":
            return (coordinator or assigned) and report.status != "closed"
        case "manage_hate_report":
            return coordinator and report.status != "closed"
        case "view_centre_submission":
            return report.reporting_centre_id in _centre_agency_ids(actor)
        case _:
            return False


def register() -> None:
    for name, rule in GLOBAL.items():
        register_global_rule(name, rule)
    register_object_rules(HateReport, _report_rules)


def access_report(actor: Actor, public_id: Any, *, for_write: str | None = None) -> HateReport:
    """The gate for one report: 404 if the actor may not see it (as if it did not exist), 403 if they may see
    it but not do ``for_write``."""
    report = (
        visible_reports(actor)
        .select_related("assigned_agency", "assigned_officer", "case")
        .filter(public_id=public_id)
        .first()
    )
    if report is None or not can(actor, "view_hate_report", report):
        raise Http404
    if for_write and not can(actor, for_write, report):
        raise PermissionDenied
    return report


def access_centre_report(actor: Actor, public_id: Any) -> HateReport:
    report = centre_reports(actor).filter(public_id=public_id).first()
    if report is None or not can(actor, "view_centre_submission", report):
        raise Http404
    return report
