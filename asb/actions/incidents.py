"""Recording ASB incidents, flagging repeat victims as they arrive, and deciding suggested person matches."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from access.policy import Actor
from asb.models import AsbIncident, MatchStatus, PersonMatch, RepeatVictimFlag
from asb.models.settings import current_config
from asb.rules.matching import PersonFacts, address_key, match_people, normalise_name
from asb.rules.repeat import IncidentFacts, repeat_flag_for
from audit.log import record
from audit.models import AuditAction
from core.actions import do_record_incident
from core.models import Case, Incident, Person
from intake.outbox import queue_email

MATCH_CANDIDATES = 200  # enough for a town's worth of namesakes; matching is per arrival, not a scan


def _facts(person: Person) -> PersonFacts:
    return PersonFacts(person.given_name, person.family_name, person.date_of_birth, person.address, person.postcode)


def confirmed_cluster(person_id: int) -> set[int]:
    """The person and everyone an officer has confirmed is the same person (followed transitively)."""
    cluster, frontier = {person_id}, {person_id}
    while frontier:
        pairs = PersonMatch.objects.filter(status=MatchStatus.CONFIRMED).filter(
            Q(person_a_id__in=frontier) | Q(person_b_id__in=frontier)).values_list("person_a_id", "person_b_id")
        found = {pid for pair in pairs for pid in pair} - cluster
        cluster |= found
        frontier = found
    return cluster


def _suggest_matches(person: Person) -> list[PersonMatch]:
    """Compare a new victim with people who share a postcode, a date of birth or the start of a last name."""
    family = normalise_name(person.family_name)
    near = Q(family_name__istartswith=family[:2]) if len(family) >= 2 else Q(pk__in=[])
    if person.date_of_birth:
        near |= Q(date_of_birth=person.date_of_birth)
    if person.postcode:
        near |= Q(postcode__iexact=person.postcode.strip())
    candidates = Person.objects.filter(near).exclude(pk=person.pk).filter(asb_victim_of__isnull=False).distinct()
    found = []
    for other in candidates[:MATCH_CANDIDATES]:
        result = match_people(_facts(person), _facts(other))
        if result.verdict != "different":
            a, b = sorted((person, other), key=lambda p: p.pk)
            match, _created = PersonMatch.objects.get_or_create(
                person_a=a, person_b=b, defaults={"score": result.score, "reasons": "; ".join(result.reasons)})
            found.append(match)
    return found


def _victim_keys(asb: AsbIncident) -> frozenset[str]:
    keys = set()
    if asb.victim_id:
        keys.add(f"person:{min(confirmed_cluster(asb.victim_id))}")
    if asb.address_key:
        keys.add(f"address:{asb.address_key}")
    return frozenset(keys)


def _earlier_facts(asb: AsbIncident, window_days: int) -> list[IncidentFacts]:
    when = asb.incident.occurred_at
    cluster = confirmed_cluster(asb.victim_id) if asb.victim_id else set()
    same = Q(victim_id__in=cluster) if cluster else Q(pk__in=[])
    if asb.address_key:
        same |= Q(address_key=asb.address_key)
    earlier = AsbIncident.objects.filter(same, incident__occurred_at__gte=when - timedelta(days=window_days),
                                         incident__occurred_at__lte=when).exclude(pk=asb.pk).select_related("incident")
    return [IncidentFacts(e.incident_id, e.incident.occurred_at, _victim_keys(e)) for e in earlier]


def flag_repeat_victims(asb: AsbIncident) -> list[RepeatVictimFlag]:
    """Apply the partnership's repeat-victim rule to an incident as it arrives (across all agencies)."""
    config = current_config()
    new = IncidentFacts(asb.incident_id, asb.incident.occurred_at, _victim_keys(asb))
    flags = []
    for found in repeat_flag_for(new, _earlier_facts(asb, config.repeat_window_days), config):
        person_id = int(found.key.split(":", 1)[1]) if found.key.startswith("person:") else None
        flag = RepeatVictimFlag.objects.create(key=found.key, person_id=person_id, latest_incident=asb.incident,
                                               reason=found.reason)
        flag.incidents.set(found.incident_ids)
        flags.append(flag)
    return flags


def _notify_flag(asb: AsbIncident, flags: list[RepeatVictimFlag]) -> None:
    mailbox = asb.incident.source_agency.email
    if flags and mailbox:
        # No names or addresses by email: the officer signs in to see who it is.
        queue_email(to=mailbox, purpose="asb_repeat_victim", subject=_("Repeat victim of antisocial behaviour"),
                    body=_("An incident your agency recorded has flagged a repeat victim. Sign in to csphub and "
                           "open Antisocial behaviour, Repeat victims to see it."))


@transaction.atomic
def do_record_asb_incident(*, acting: Actor, asb_type: str, victim_fields: dict[str, Any] | None = None,
                           victim_address: str = "", victim_postcode: str = "", perpetrator_description: str = "",
                           cases: list[Case] | tuple = (), **incident_fields: Any) -> tuple[Incident, list]:
    """Record an ASB incident and its victim; suggest person matches and flag repeat victims at once."""
    victim = None
    if victim_fields and victim_fields.get("given_name"):
        # The address affected is usually the victim's home; it is what lets a match be corroborated.
        victim_fields = {"address": victim_address, "postcode": victim_postcode, **victim_fields}
        victim = Person(**victim_fields)
        victim.full_clean()
        victim.save()
        record(acting, AuditAction.CREATE, victim)
    if victim is None and not victim_address.strip():
        raise ValidationError(_("Enter the victim's name or the address affected"))
    incident = do_record_incident(acting=acting, cases=cases, people=[victim] if victim else [], **incident_fields)
    asb = AsbIncident.objects.create(
        incident=incident, asb_type=asb_type, victim=victim, victim_address=victim_address.strip(),
        victim_postcode=victim_postcode.strip().upper(),
        address_key=address_key(victim_address, victim_postcode) if victim_address.strip() else "",
        perpetrator_description=perpetrator_description)
    if victim is not None:
        _suggest_matches(victim)
    flags = flag_repeat_victims(asb)
    if flags:
        record(acting, AuditAction.CREATE, object_type="asb.repeatvictimflag",
               object_id=",".join(str(f.pk) for f in flags), reason=f"raised by incident {incident.pk}")
    _notify_flag(asb, flags)
    return incident, flags


@transaction.atomic
def do_decide_match(*, match: PersonMatch, same_person: bool, acting: Actor) -> PersonMatch:
    if match.status != MatchStatus.SUGGESTED and (match.status == MatchStatus.CONFIRMED) == same_person:
        raise ValidationError(_("This match has already been decided that way"))
    match.status = MatchStatus.CONFIRMED if same_person else MatchStatus.SPLIT
    match.decided_by = acting.user
    match.decided_at = timezone.now()
    match.save()
    record(acting, AuditAction.UPDATE, match, reason=match.status)
    if same_person:
        latest = AsbIncident.objects.filter(victim_id__in=confirmed_cluster(match.person_a_id)).select_related(
            "incident").order_by("-incident__occurred_at").first()
        if latest is not None:
            flag_repeat_victims(latest)
    return match


@transaction.atomic
def do_link_incident(*, incident: Incident, case: Case, acting: Actor) -> None:
    incident.cases.add(case)
    record(acting, AuditAction.UPDATE, case, reason=f"incident {incident.pk} linked")
