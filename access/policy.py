"""The one access policy for csphub. Every view, search, export and API call asks it.

Deny by default: ``can`` returns False for any action it does not know.

Need to know, in short:
- Practitioners and coordinators see a case when they, or an agency they work in (in a casework role),
  are on its team or lead it.
- Restricted cases are visible only to named team members and, for restricted kinds (MARAC, Channel, DHR),
  to panel members of the agencies on the team.
- A coordinator may open any other case by giving a reason ("break glass"): read-only, audited, time-limited
  and shown on the case.
- Analysts and board members see aggregates only; administrators run the service but see no case unless
  they also hold a casework role.
- Sensitive person fields are shown to named team members, the lead agency and team agencies granted
  sensitive access.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from core.kinds import restricted_kind_codes
from core.models import Action, Case, Incident, Person
from partnership.models import ApiKey, Role, User

CASEWORK_ROLES = frozenset({Role.PRACTITIONER, Role.COORDINATOR})
AGGREGATE_ROLES = frozenset({Role.ANALYST, Role.BOARD})
SENSITIVE_PERSON_FIELDS = ("date_of_birth", "address", "postcode", "phone", "email", "safe_contact", "vulnerabilities")


@dataclass(frozen=True)
class Grant:
    agency_id: int
    agency_name: str
    role: str
    panels: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Actor:
    """Who is asking: a signed-in member of staff or a partner system's API key."""

    user: User | None
    grants: tuple[Grant, ...]
    api_key: ApiKey | None = None
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def user_id(self) -> int | None:
        return self.user.pk if self.user is not None else None

    @property
    def roles(self) -> set[str]:
        return {grant.role for grant in self.grants}

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def casework_agency_ids(self) -> set[int]:
        return {grant.agency_id for grant in self.grants if grant.role in CASEWORK_ROLES}

    def panel_agency_ids(self, kind: str) -> set[int]:
        return {g.agency_id for g in self.grants if g.role in CASEWORK_ROLES and kind in g.panels}

    @property
    def agency_ids(self) -> set[int]:
        return {grant.agency_id for grant in self.grants}

    # The audit trail's view of the actor (audit.log.AuditActor)
    @property
    def audit_user_id(self) -> int | None:
        return self.user_id

    @property
    def audit_label(self) -> str:
        if self.api_key is not None:
            return f"API key {self.api_key.prefix}"
        return self.user.email if self.user is not None else "public"

    @property
    def audit_agency(self) -> tuple[int | None, str]:
        if not self.grants:
            return None, ""
        return self.grants[0].agency_id, self.grants[0].agency_name


ANONYMOUS = Actor(user=None, grants=())


def actor_for_user(user: Any) -> Actor:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    memberships = user.memberships.select_related("agency").filter(agency__active=True)
    grants = tuple(
        Grant(m.agency_id, m.agency.name, m.role, frozenset(m.panel_kinds())) for m in memberships
    )
    return Actor(user=user, grants=grants)


def actor_for_api_key(key: ApiKey) -> Actor:
    """A partner system acts as a practitioner of its agency, with no panel seats and no break glass."""
    return Actor(user=None, grants=(Grant(key.agency_id, key.agency.name, Role.PRACTITIONER),), api_key=key)


# --- Scoped querysets -------------------------------------------------------------------------------


def _team_q(actor: Actor) -> Q:
    """Cases the actor reaches through the team or the lead agency, ignoring restriction."""
    agencies = actor.casework_agency_ids
    q = Q(team__agency_id__in=agencies, team__user__isnull=True) | Q(lead_agency_id__in=agencies)
    if actor.user_id is not None:
        q |= Q(team__user_id=actor.user_id)
    return q


def _restricted_q(actor: Actor) -> Q:
    """Restricted cases the actor may see: named on the team, or on the panel for a restricted kind."""
    q = Q(pk__in=[])
    if actor.user_id is not None:
        q |= Q(team__user_id=actor.user_id)
    for kind in restricted_kind_codes():
        panel_agencies = actor.panel_agency_ids(kind)
        if panel_agencies:
            q |= Q(kind=kind, team__agency_id__in=panel_agencies, team__user__isnull=True)
            q |= Q(kind=kind, lead_agency_id__in=panel_agencies)
    return q


def _break_glass_q(actor: Actor) -> Q:
    if actor.user_id is None or not actor.has_role(Role.COORDINATOR):
        return Q(pk__in=[])
    return Q(break_glass_grants__user_id=actor.user_id, break_glass_grants__expires_at__gt=timezone.now())


def _restricted_case_q() -> Q:
    return Q(restricted=True) | Q(kind__in=restricted_kind_codes())


def team_cases(actor: Actor) -> QuerySet[Case]:
    """Cases the actor may work on (read and write) as a member of the team."""
    if not actor.casework_agency_ids and actor.user_id is None:
        return Case.objects.none()
    if not actor.has_role(*CASEWORK_ROLES):
        return Case.objects.none()
    open_q = _team_q(actor) & ~_restricted_case_q()
    restricted_q = _restricted_q(actor) & _restricted_case_q()
    ids = Case.objects.filter(open_q | restricted_q).values("pk")
    return Case.objects.filter(pk__in=ids)


def visible_cases(actor: Actor) -> QuerySet[Case]:
    """Every case the actor may read: their team's cases plus any they have broken the glass on."""
    if not actor.has_role(*CASEWORK_ROLES):
        return Case.objects.none()
    team_ids = team_cases(actor).values("pk")
    glass_ids = Case.objects.filter(_break_glass_q(actor)).values("pk")
    return Case.objects.filter(Q(pk__in=team_ids) | Q(pk__in=glass_ids))


def visible_incidents(actor: Actor) -> QuerySet[Incident]:
    """Incidents the actor's agency recorded itself, and incidents linked to a case the actor may see."""
    if not actor.has_role(*CASEWORK_ROLES):
        return Incident.objects.none()
    linked = Q(source_agency_id__in=actor.casework_agency_ids) | Q(cases__in=visible_cases(actor))
    return Incident.objects.filter(pk__in=Incident.objects.filter(linked).values("pk"))


def visible_people(actor: Actor) -> QuerySet[Person]:
    return Person.objects.filter(participations__case__in=visible_cases(actor)).distinct()


# --- Decisions ----------------------------------------------------------------------------------------


def _on_team(actor: Actor, case: Case) -> bool:
    key = f"team:{case.pk}"
    if key not in actor._cache:
        actor._cache[key] = team_cases(actor).filter(pk=case.pk).exists()
    return actor._cache[key]


def _can_see(actor: Actor, case: Case) -> bool:
    key = f"see:{case.pk}"
    if key not in actor._cache:
        actor._cache[key] = visible_cases(actor).filter(pk=case.pk).exists()
    return actor._cache[key]


def _leads(actor: Actor, case: Case) -> bool:
    return case.lead_agency_id in actor.casework_agency_ids or (
        actor.user_id is not None and case.lead_officer_id == actor.user_id
    )


def sees_sensitive(actor: Actor, case: Case) -> bool:
    if not _on_team(actor, case):
        return False
    if _leads(actor, case) or actor.user_id is not None and case.team.filter(user_id=actor.user_id).exists():
        return True
    return case.team.filter(
        agency_id__in=actor.casework_agency_ids, user__isnull=True, sensitive_access=True
    ).exists()


def _case_rules(actor: Actor, action: str, case: Case) -> bool:
    match action:
        case "view_case":
            return _can_see(actor, case)
        case "add_to_case":  # incidents, notes, actions, participants, attachments
            return _on_team(actor, case) and case.status != "closed"
        case "edit_case" | "manage_team" | "close_case":
            return _on_team(actor, case) and (_leads(actor, case) or actor.has_role(Role.COORDINATOR))
        case "view_sensitive":
            return sees_sensitive(actor, case)
        case "break_glass":
            return actor.user is not None and actor.has_role(Role.COORDINATOR) and not _can_see(actor, case)
        case _:
            return False


def _action_rules(actor: Actor, verb: str, action: Action) -> bool:
    if verb != "complete_action" or action.status != "open":
        return False
    if not _on_team(actor, action.case):
        return False
    return (
        action.owner_user_id == actor.user_id
        or action.owner_agency_id in actor.casework_agency_ids
        or _leads(actor, action.case)
        or actor.has_role(Role.COORDINATOR)
    )


GLOBAL_RULES: dict[str, Callable[[Actor], bool]] = {
    "create_case": lambda a: a.has_role(*CASEWORK_ROLES),
    "search": lambda a: a.has_role(*CASEWORK_ROLES),
    "view_dashboard": lambda a: a.has_role(*CASEWORK_ROLES),
    "view_aggregates": lambda a: a.has_role(*AGGREGATE_ROLES, Role.COORDINATOR),
    "administer": lambda a: a.user is not None and a.has_role(Role.ADMINISTRATOR),
    "view_audit": lambda a: a.user is not None and a.has_role(Role.ADMINISTRATOR),
    "view_outbox": lambda a: a.user is not None and a.has_role(Role.ADMINISTRATOR),
    "submit_on_behalf": lambda a: a.has_role(Role.REPORTING_CENTRE),
}


ObjectRules = Callable[[Actor, str, Any], bool]
OBJECT_RULES: dict[type, ObjectRules] = {}


def register_global_rule(action: str, rule: Callable[[Actor], bool]) -> None:
    """A domain app's capability that is not about one record (e.g. ``triage_hate_reports``)."""
    if action in GLOBAL_RULES and GLOBAL_RULES[action] is not rule:
        raise ValueError(f"Access rule {action!r} is already registered")
    GLOBAL_RULES[action] = rule


def register_object_rules(model: type, rules: ObjectRules) -> None:
    """A domain app's decisions about its own records: ``rules(actor, action, obj)``; unknown → False."""
    OBJECT_RULES[model] = rules


def can(actor: Actor, action: str, obj: object = None) -> bool:
    """The single decision point: may ``actor`` do ``action`` (to ``obj``)? Unknown → no.

    Domain apps add their rules with ``register_global_rule`` and ``register_object_rules`` from
    ``AppConfig.ready``, so every decision still comes through here."""
    if actor is ANONYMOUS or not actor.grants:
        return False
    if obj is None:
        rule = GLOBAL_RULES.get(action)
        return bool(rule and rule(actor))
    if isinstance(obj, Case):
        return _case_rules(actor, action, obj)
    if isinstance(obj, Action):
        return _action_rules(actor, action, obj)
    for model, rules in OBJECT_RULES.items():
        if isinstance(obj, model):
            return bool(rules(actor, action, obj))
    return False


def visible_person_fields(actor: Actor, case: Case) -> set[str]:
    """Which of a person's sensitive fields the actor may see in the context of this case."""
    return set(SENSITIVE_PERSON_FIELDS) if can(actor, "view_sensitive", case) else set()
