"""Read-side helpers for the case screens. Every query starts from the access policy's scoped querysets."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from access.policy import Actor, team_cases, visible_cases
from audit.models import AuditEvent
from core.models import Action, ActionStatus, Case, CaseStatus, Incident, Note


def my_open_cases(actor: Actor) -> QuerySet[Case]:
    mine = Q(lead_officer_id=actor.user_id) | Q(team__user_id=actor.user_id)
    return (
        team_cases(actor).filter(mine).exclude(status=CaseStatus.CLOSED)
        .select_related("lead_agency").distinct().order_by("-opened_on")
    )


def my_overdue_actions(actor: Actor) -> QuerySet[Action]:
    mine = Q(owner_user_id=actor.user_id) | Q(owner_agency_id__in=actor.casework_agency_ids, owner_user__isnull=True)
    return (
        Action.objects.filter(case__in=team_cases(actor), status=ActionStatus.OPEN, due_on__lt=timezone.localdate())
        .filter(mine).select_related("case", "owner_agency", "owner_user").order_by("due_on")
    )


def filtered_cases(actor: Actor, filters: dict) -> QuerySet[Case]:
    cases = visible_cases(actor).select_related("lead_agency", "lead_officer")
    for name in ("kind", "status", "risk_level"):
        if filters.get(name):
            cases = cases.filter(**{name: filters[name]})
    return cases.order_by("-opened_on", "-id")


def search_cases(actor: Actor, text: str) -> QuerySet[Case]:
    text = text.strip()
    words = text.split()
    name_q = Q()
    for word in words:
        name_q &= (
            Q(participants__person__given_name__icontains=word)
            | Q(participants__person__family_name__icontains=word)
            | Q(participants__person__other_names__icontains=word)
        )
    matches = Q(reference__iexact=text) | Q(reference__icontains=text) | name_q
    ids = visible_cases(actor).filter(matches).values("pk")
    return Case.objects.filter(pk__in=ids).select_related("lead_agency").order_by("-opened_on")[:50]


@dataclass(frozen=True)
class ChronologyEntry:
    when: datetime
    kind: str
    title: str
    text: str
    by: str


def chronology(case: Case) -> list[ChronologyEntry]:
    entries = [
        ChronologyEntry(i.occurred_at, "incident", i.get_category_display(), i.description,
                        f"{i.source_agency}{', ' + i.location_text if i.location_text else ''}")
        for i in Incident.objects.filter(cases=case).select_related("source_agency")
    ]
    entries += [
        ChronologyEntry(n.created_at, "note", "Note", n.text, f"{n.author or 'Unknown'}, {n.author_agency or ''}")
        for n in Note.objects.filter(case=case).select_related("author", "author_agency")
    ]
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def access_log(case: Case, limit: int = 50) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type="core.case", object_id=str(case.pk)).order_by("-sequence")[:limit]


SMALL_NUMBER = 5


def suppress(count: int) -> str:
    """Small numbers can identify people, so figures below 5 (and above 0) are not shown."""
    return "fewer than 5" if 0 < count < SMALL_NUMBER else str(count)


def aggregate_figures() -> dict:
    by_kind = Case.objects.values("kind", "status").annotate(n=Count("id")).order_by("kind", "status")
    by_category = Incident.objects.values("category").annotate(n=Count("id")).order_by("-n")
    return {"cases": list(by_kind), "incidents": list(by_category)}
