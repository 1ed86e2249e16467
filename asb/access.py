"""The asb app's capabilities and gates, all decided through access.policy (deny by default).

A record that does not exist and one the actor may not see both give 404; 403 only for "may read, not change".
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from access.policy import CASEWORK_ROLES, Actor, can, visible_cases, visible_incidents
from asb.models import AccessRequest, CaseReviewApplication, PersonMatch, RepeatVictimFlag
from core.models import Incident, Person
from partnership.models import Role

GLOBAL = {
    "view_asb": lambda a: a.has_role(*CASEWORK_ROLES),
    "record_asb_incident": lambda a: a.has_role(*CASEWORK_ROLES),
    "record_pspo": lambda a: a.has_role(*CASEWORK_ROLES),
    "manage_case_reviews": lambda a: a.user is not None and a.has_role(Role.COORDINATOR),
    "view_asb_figures": lambda a: a.has_role(Role.ANALYST, Role.BOARD, Role.COORDINATOR),
}


def asb_visible_people(actor: Actor) -> QuerySet[Person]:
    """People the actor reaches through an incident or a case they may see."""
    return Person.objects.filter(Q(incidents__in=visible_incidents(actor))
                                 | Q(participations__case__in=visible_cases(actor))).distinct()


def _sees_flag(actor: Actor, flag: RepeatVictimFlag) -> bool:
    return visible_incidents(actor).filter(pk__in=flag.incidents.values("pk")).exists()


def _object_rules(actor: Actor, action: str, obj: object) -> bool:
    if isinstance(obj, CaseReviewApplication):
        if action in ("view_case_review", "manage_case_review"):
            return can(actor, "manage_case_reviews")
        return False
    if isinstance(obj, PersonMatch) and action == "decide_match":
        seen = asb_visible_people(actor).filter(pk__in=[obj.person_a_id, obj.person_b_id]).count()
        return seen == 2
    if isinstance(obj, RepeatVictimFlag) and action == "view_flag":
        return _sees_flag(actor, obj)
    if isinstance(obj, AccessRequest) and action == "decide_access_request":
        return can(actor, "manage_team", obj.case)
    return False


def access_incident(actor: Actor, public_id: UUID) -> Incident:
    incident = visible_incidents(actor).filter(public_id=public_id, asb__isnull=False).select_related(
        "asb", "source_agency").first()
    if incident is None:
        raise Http404
    return incident


def access_application(actor: Actor, public_id: UUID) -> CaseReviewApplication:
    application = CaseReviewApplication.objects.filter(public_id=public_id).first()
    if application is None or not can(actor, "view_case_review", application):
        raise Http404
    return application


def access_request_to_decide(actor: Actor, public_id: UUID) -> AccessRequest:
    request = AccessRequest.objects.filter(public_id=public_id).select_related("case", "agency").first()
    if request is None or not can(actor, "view_case", request.case):
        raise Http404
    if not can(actor, "decide_access_request", request):
        raise PermissionDenied
    return request


def access_match(actor: Actor, public_id: UUID) -> PersonMatch:
    match = PersonMatch.objects.filter(public_id=public_id).select_related("person_a", "person_b").first()
    if match is None or not can(actor, "decide_match", match):
        raise Http404
    return match
