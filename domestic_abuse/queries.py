"""Read side: every list starts from the access policy's scoped querysets."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from access.gates import access_case
from access.policy import Actor, visible_cases
from core.models import Case, CaseParticipant, Incident, ParticipantRole, Person
from core.queries import suppress
from domestic_abuse import rules
from domestic_abuse.config import setting
from domestic_abuse.models import MaracReferral, PerpetratorIntervention, SelfReferral

DA_KINDS = ("domestic_abuse", "marac")


def access_da_case(actor: Actor, reference: str, *, for_write: str | None = None) -> Case:
    """The gate for this module's case pages: a domestic abuse case the actor may see, else 404."""
    case = access_case(actor, reference, for_write=for_write)
    if case.kind != "domestic_abuse":
        raise Http404
    return case


def da_cases(actor: Actor) -> QuerySet[Case]:
    return visible_cases(actor).filter(kind="domestic_abuse").select_related("lead_agency").order_by("-opened_on")


def case_people(case: Case, role: str) -> list[Person]:
    return [p.person for p in case.participants.filter(role=role).select_related("person")]


@dataclass(frozen=True)
class PriorityRow:
    person: Person
    score: rules.RfgScore
    incidents: list[Incident]
    victim_count: int
    serial: bool
    cases: list[Case]
    interventions: list[PerpetratorIntervention]


def perpetrator_priority(actor: Actor) -> list[PriorityRow]:
    """Perpetrators on cases the actor may see, ranked by recency-frequency-gravity."""
    cases = visible_cases(actor).filter(kind__in=DA_KINDS)
    links = CaseParticipant.objects.filter(case__in=cases, role=ParticipantRole.PERPETRATOR).select_related(
        "person", "case")
    by_person: dict[int, tuple[Person, list[Case]]] = {}
    for link in links:
        by_person.setdefault(link.person_id, (link.person, []))[1].append(link.case)
    now, rows = timezone.now(), []
    gravity, weights = setting("DA_RFG_GRAVITY"), setting("DA_RFG_WEIGHTS")
    for person, person_cases in by_person.values():
        # Victims are counted across every case, so the serial flag holds even where the actor sees one case.
        perpetrator_cases = CaseParticipant.objects.filter(person=person, role=ParticipantRole.PERPETRATOR,
                                                           case__kind__in=DA_KINDS).values("case_id")
        victims = (CaseParticipant.objects.filter(case_id__in=perpetrator_cases, role=ParticipantRole.VICTIM)
                   .values("person_id").distinct().count())
        incidents = list(Incident.objects.filter(people=person).order_by("-occurred_at"))
        score = rules.rfg_score(
            [(i.occurred_at, i.category) for i in incidents], victims, as_of=now,
            window_days=setting("DA_RFG_WINDOW_DAYS"), weights=weights, gravity_by_category=gravity,
            frequency_cap=setting("DA_RFG_FREQUENCY_CAP"), gravity_cap=setting("DA_RFG_GRAVITY_CAP"),
            victim_cap=setting("DA_RFG_VICTIM_CAP"))
        interventions = list(PerpetratorIntervention.objects.filter(perpetrator=person, case__in=person_cases))
        rows.append(PriorityRow(person, score, incidents, victims,
                                rules.is_serial(victims, threshold=setting("DA_SERIAL_VICTIMS")),
                                person_cases, interventions))
    return sorted(rows, key=lambda row: -row.score.total)


def marac_figures(*, suppressed: bool) -> dict:
    """Live MARAC figures for the last 12 months against the SafeLives benchmarks."""
    since = timezone.localdate() - timedelta(days=365)
    referrals = MaracReferral.objects.filter(referred_on__gte=since)
    total = referrals.count()
    repeats = referrals.filter(is_repeat=True).count()
    idva = referrals.filter(idva_engaged=True).count()
    population = setting("DA_ADULT_FEMALE_POPULATION")
    repeat_low, repeat_high = setting("DA_BENCHMARK_REPEAT_RATE")
    idva_range = setting("DA_BENCHMARK_IDVA_ENGAGEMENT") or (None, None)
    show = suppress if suppressed else str
    sources = [{"kind": row["referring_agency__kind"], "n": show(row["n"])}
               for row in referrals.values("referring_agency__kind").annotate(n=Count("id")).order_by("-n")]
    small = suppressed and 0 < total < 5  # a rate on fewer than 5 cases can point at people
    contacted = SelfReferral.objects.filter(received_at__date__gte=since, first_contact_at__isnull=False)
    hours = [r.hours_to_first_contact for r in contacted]
    return {
        "total": show(total), "repeats": show(repeats), "idva": show(idva), "population": population,
        "rate": rules.Compared(rules.per_10k(total, population), setting("DA_BENCHMARK_REFERRALS_PER_10K"), None),
        "repeat_rate": rules.Compared(None if small else rules.percent(repeats, total), repeat_low, repeat_high),
        "idva_rate": rules.Compared(None if small else rules.percent(idva, total), *idva_range),
        "sources": sources,
        "self_referrals": show(SelfReferral.objects.filter(received_at__date__gte=since).count()),
        "median_hours_to_contact": sorted(hours)[len(hours) // 2] if hours and not (suppressed and len(hours) < 5)
        else None,
    }


def self_referrals_for(actor: Actor) -> QuerySet[SelfReferral]:
    return SelfReferral.objects.filter(service__agency_id__in=actor.casework_agency_ids).select_related("service")
