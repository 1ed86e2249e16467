"""Read-side helpers for the asb screens: deadlines, figures and suggestions. Counts of 1-4 are suppressed."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from access.policy import Actor, visible_cases, visible_incidents
from asb.actions.incidents import confirmed_cluster
from asb.models import (
    ApplicationStatus,
    AsbIncident,
    CaseReviewApplication,
    Intervention,
    Recommendation,
    RepeatVictimFlag,
)
from asb.models.settings import current_config
from asb.rules.matching import PersonFacts, match_people, normalise_name
from asb.rules.repeat import effect_of_intervention
from asb.rules.timescales import Deadline, case_review_deadlines
from core.kinds import restricted_kind_codes
from core.models import Case, Incident, ParticipantRole, Person
from core.queries import suppress


def application_deadlines(application: CaseReviewApplication) -> list[Deadline]:
    return case_review_deadlines(application.received_on, current_config(), decided_on=application.decided_on,
                                 reviewed_on=application.reviewed_on,
                                 done={"acknowledge": application.acknowledged_on or application.received_on,
                                       "tell": application.told_on, "outcome": application.outcome_sent_on})


def deadline_dashboard(today: date | None = None) -> list[dict]:
    """Open applications with their next step: due or breached."""
    today = today or timezone.localdate()
    rows = []
    open_apps = CaseReviewApplication.objects.exclude(
        status__in=[ApplicationStatus.THRESHOLD_NOT_MET, ApplicationStatus.OUTCOME_SENT])
    for application in open_apps:
        pending = [d for d in application_deadlines(application) if d.done_on is None]
        if pending:
            rows.append({"application": application, "deadline": pending[0], "state": pending[0].state(today)})
    return sorted(rows, key=lambda r: r["deadline"].due_on)


def published_figures() -> list[dict]:
    """What the guidance asks partnerships to publish each year, small numbers suppressed."""
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with_recs = Exists(Recommendation.objects.filter(application=OuterRef("pk")))
    for app in CaseReviewApplication.objects.annotate(has_recs=with_recs).only("received_on", "status"):
        year = by_year[app.received_on.year]
        year["received"] += 1
        year["not_met"] += app.status == ApplicationStatus.THRESHOLD_NOT_MET
        year["reviews"] += app.status in (ApplicationStatus.REVIEW_HELD, ApplicationStatus.OUTCOME_SENT)
        year["with_recommendations"] += app.has_recs
    keys = ("received", "not_met", "reviews", "with_recommendations")
    return [{"year": y, **{k: suppress(by_year[y][k]) for k in keys}} for y in sorted(by_year, reverse=True)]


def quarter_of(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def repeat_victim_figures() -> list[dict]:
    """The seed measure: repeat victims per quarter, their rate among victims, and the share whose incidents fell
    after an intervention. Aggregates only."""
    victims: dict[str, set[str]] = defaultdict(set)
    for asb in AsbIncident.objects.select_related("incident").only("victim_id", "address_key", "incident__occurred_at"):
        key = f"person:{asb.victim_id}" if asb.victim_id else f"address:{asb.address_key}"
        victims[quarter_of(asb.incident.occurred_at.date())].add(key)
    repeat: dict[str, set[str]] = defaultdict(set)
    for flag in RepeatVictimFlag.objects.only("key", "raised_at"):
        repeat[quarter_of(flag.raised_at.date())].add(flag.key)
    improved = _improved_after_intervention()
    rows = []
    for quarter in sorted(victims, reverse=True):
        n_repeat, n_victims = len(repeat[quarter]), len(victims[quarter])
        helped = [improved[k] for k in repeat[quarter] if k in improved]
        rows.append({"quarter": quarter, "repeat": suppress(n_repeat), "victims": suppress(n_victims),
                     "rate": f"{100 * n_repeat / n_victims:.0f}%" if n_victims >= 5 and n_repeat >= 5 else "–",
                     "after_intervention": f"{100 * sum(helped) / len(helped):.0f}%" if len(helped) >= 5 else "–"})
    return rows


def _improved_after_intervention() -> dict[str, bool]:
    """For each flagged person with an intervention on a case they are a victim in: fewer incidents after it?"""
    result = {}
    window = current_config().effect_window_days
    for flag in RepeatVictimFlag.objects.filter(person__isnull=False).only("key", "person_id"):
        first = Intervention.objects.filter(case__participants__person_id=flag.person_id,
                                            case__participants__role=ParticipantRole.VICTIM).order_by("on").first()
        if first is None:
            continue
        times = AsbIncident.objects.filter(victim_id=flag.person_id).values_list("incident__occurred_at", flat=True)
        on = timezone.make_aware(datetime.combine(first.on, time.min))
        before, after = effect_of_intervention(on, times, window)
        result[flag.key] = after < before
    return result


def intervention_effects(case: Case) -> list[tuple[Intervention, int, int]]:
    window = current_config().effect_window_days
    victims = case.participants.filter(role=ParticipantRole.VICTIM).values("person_id")
    times = list(Incident.objects.filter(Q(cases=case) | Q(asb__victim_id__in=victims)).distinct()
                 .values_list("occurred_at", flat=True))
    rows = []
    for item in case.asb_interventions.select_related("owner_agency", "owner_user", "subject"):
        on = timezone.make_aware(datetime.combine(item.on, time.min))
        rows.append((item, *effect_of_intervention(on, times, window)))
    return rows


def visible_flags(actor: Actor) -> QuerySet[RepeatVictimFlag]:
    seen = visible_incidents(actor).values("pk")
    return RepeatVictimFlag.objects.filter(incidents__in=seen).distinct().select_related("latest_incident")


@dataclass
class Suggestion:
    case: Case
    visible: bool
    why: str
    token: str = ""  # signed case id for an access request, never the reference of a case the user may not see


def suggest_cases(actor: Actor, incident: Incident) -> list[Suggestion]:
    """Cases about the same person, address or place. Hidden ones reveal only the lead agency; restricted kinds
    (MARAC, Channel, DHR) and restricted cases are never revealed at all."""
    asb = incident.asb
    found: dict[int, str] = {}
    if asb.victim_id:
        cluster = confirmed_cluster(asb.victim_id)
        for case_id in Case.objects.filter(participants__person_id__in=cluster).values_list("pk", flat=True):
            found.setdefault(case_id, "the same person")
        victim = asb.victim
        facts = PersonFacts(victim.given_name, victim.family_name, victim.date_of_birth, victim.address,
                            victim.postcode)
        family = normalise_name(victim.family_name)[:2]
        for person in Person.objects.filter(family_name__istartswith=family).exclude(pk__in=cluster)[:200]:
            other = PersonFacts(person.given_name, person.family_name, person.date_of_birth, person.address,
                                person.postcode)
            if match_people(facts, other).verdict != "different":
                for case_id in Case.objects.filter(participants__person=person).values_list("pk", flat=True):
                    found.setdefault(case_id, "possibly the same person")
    if asb.address_key:
        same_place = AsbIncident.objects.filter(address_key=asb.address_key).exclude(pk=asb.pk).values("incident")
        for case_id in Case.objects.filter(incidents__in=same_place).values_list("pk", flat=True):
            found.setdefault(case_id, "the same address")
    if incident.location_text:
        for case_id in Case.objects.filter(incidents__location_text__iexact=incident.location_text).exclude(
                incidents=incident).values_list("pk", flat=True):
            found.setdefault(case_id, "the same place")
    linked = set(incident.cases.values_list("pk", flat=True))
    cases = Case.objects.filter(pk__in=set(found) - linked).exclude(restricted=True).exclude(
        kind__in=restricted_kind_codes()).select_related("lead_agency")
    visible = set(visible_cases(actor).filter(pk__in=found).values_list("pk", flat=True))
    return [Suggestion(c, c.pk in visible, found[c.pk]) for c in cases]


def incident_counts_by_type() -> list[dict]:
    rows = AsbIncident.objects.values("asb_type").annotate(n=Count("pk")).order_by("-n")
    return [{**row, "shown": suppress(row["n"])} for row in rows]
