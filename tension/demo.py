"""Demo scenario for ``csphub seed-demo``: after a national incident a false claim spreads online, tension
rises in Workington, the coordinator declares a high-tension incident, escalates it, counters the claim and
stands the incident down. Call ``seed(rng, users)`` from core/demo.py after the partnership is built, with
``users`` the builder's dict of demo users by key ("coordinator", "police", "council", "fire", ...)."""

import random
from collections.abc import Mapping
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from access.policy import actor_for_user
from partnership.models import Agency, User
from tension import actions
from tension.models import (
    AreaLevelChange,
    HighTensionIncident,
    Rumour,
    SituationReport,
    TensionReport,
    TimelineEntry,
)

AREAS = (  # name, place names matched in incident locations, centre
    ("Carlisle", "Carlisle", "54.892500", "-2.932900"),
    ("Workington", "Workington, Harrington", "54.643000", "-3.548000"),
    ("Whitehaven", "Whitehaven", "54.548500", "-3.588000"),
    ("Maryport", "Maryport", "54.713500", "-3.495000"),
    ("Keswick", "Keswick", "54.601300", "-3.134700"),
)


def _backdate(model: type, pk: int, **values: object) -> None:
    model.objects.filter(pk=pk).update(**values)


@transaction.atomic
def seed(rng: random.Random, users: Mapping[str, User]) -> dict[str, int]:
    now = timezone.now()
    coordinator, police = actor_for_user(users["coordinator"]), actor_for_user(users["police"])
    council, fire = actor_for_user(users["council"]), actor_for_user(users["fire"])
    areas = {name: actions.do_create_area(acting=coordinator, name=name, match_terms=terms,
                                          latitude=Decimal(lat), longitude=Decimal(lon))
             for name, terms, lat, lon in AREAS}
    for area in areas.values():
        change = actions.do_set_area_level(area=area, level=rng.choice(["normal", "low"]),
                                           reason="Weekly assessment: usual mood, no significant reports",
                                           acting=coordinator)
        _backdate(AreaLevelChange, change.pk, set_at=now - timedelta(days=20))
    town = areas["Workington"]
    rumour = actions.do_record_rumour(
        acting=police, claim="False claim that the suspect in the national attack was housed at a hotel in "
        "Workington", first_seen_at=now - timedelta(days=9), first_seen_where="A national account on X, shared "
        "into a local Facebook group", platforms=["x", "facebook", "tiktok"], estimated_reach=4000,
        trend="rising", risk="high",
    )
    reports = []
    for days_ago, level, indicators, summary, source, agency in (
        (8, "moderate", ["online_agitation", "national_triggers"],
         "Local groups sharing the claim about the hotel; calls to 'find out who is staying there'.",
         "Neighbourhood policing team monitoring public posts", police),
        (7, "elevated", ["graffiti_leaflets", "online_agitation"],
         "Stickers with anti-migrant slogans on lamp posts near the hotel and the bus station.",
         "Council street cleansing team", council),
        (6, "high", ["protests_planned", "counter_groups"],
         "Public event page for a protest outside the hotel on Saturday; a counter-protest is being organised.",
         "Public social media event pages", police),
    ):
        report = actions.do_submit_tension_report(
            acting=agency, area=town, observed_on=(now - timedelta(days=days_ago)).date(), indicators=indicators,
            summary=summary, sources=source, grade="evidenced", confidence="high", judged_level=level,
            rumours=[rumour])
        _backdate(TensionReport, report.pk, submitted_at=now - timedelta(days=days_ago, hours=-2))
        reports.append(report)
    change = actions.do_set_area_level(area=town, level="elevated", acting=coordinator,
                                       reason="Partner reports of stickers and online calls to target the hotel")
    _backdate(AreaLevelChange, change.pk, set_at=now - timedelta(days=7))
    police_agency = Agency.objects.get(pk=police.audit_agency[0])
    incident = actions.do_declare_incident(
        area=town, level="high", what_happened="A protest is planned outside a hotel housing asylum seekers, "
        "driven by a false claim about the national attack.", community_impact="Hotel residents and the local "
        "mosque report fear; some families keeping children home.", reason="Protest planned within 72 hours and "
        "partner reports judged high", partners=[police_agency, Agency.objects.get(pk=fire.audit_agency[0])],
        review_hours=12, acting=coordinator)
    plan = actions.do_add_response_action(incident=incident, title="Policing plan for Saturday, including the hotel",
                                          owner_agency=police_agency, owner_name="", due_in_hours=12,
                                          acting=coordinator)
    actions.do_add_response_action(incident=incident, title="Reassurance visit to the mosque and the hotel",
                                   owner_agency=Agency.objects.get(pk=council.audit_agency[0]), owner_name="",
                                   due_in_hours=24, acting=coordinator)
    actions.do_update_rumour(rumour=rumour, acting=police, changes={
        "verified_facts": "The suspect has never lived in Cumbria. The hotel houses families, none connected.",
        "verified_by": "Cumbria Constabulary press office", "estimated_reach": 15000,
        "counter_message": "Police have confirmed that the person arrested after the national attack has no link "
        "to Workington or to anyone staying in the town. Please do not share posts that say otherwise.",
        "trusted_messengers": "Ward councillors, the mosque's imam, the rugby club, local radio",
        "publisher": police_agency, "publish_at": now - timedelta(days=5),
        "incidents": [incident], "internal_notes": "Main local sharer is a page run from outside the county.",
    })
    actions.do_approve_counter_message(rumour=rumour, acting=coordinator)
    actions.do_change_rumour_status(rumour=rumour, status="countering", note="Counter-message published",
                                    acting=coordinator)
    actions.do_escalate_incident(incident=incident, level="critical", acting=coordinator,
                                 reason="Around 200 gathered on Saturday; objects thrown at the hotel")
    actions.do_complete_response_action(action=plan, outcome="Plan agreed; extra patrols at the hotel", acting=police)
    sitrep = actions.do_issue_sitrep(incident=incident, acting=coordinator, next_review_hours=12)
    actions.do_stand_down_incident(incident=incident, acting=coordinator,
                                   reason="Three days without incidents; reports back to moderate")
    actions.do_change_rumour_status(rumour=rumour, status="subsided", note="No new posts for four days",
                                    acting=coordinator)
    change = actions.do_set_area_level(area=town, level="moderate", acting=coordinator,
                                       reason="Incident stood down; reassurance work continues")
    # Spread the story over the last nine days, in the order it happened.
    AreaLevelChange.objects.filter(area=town, level="high").update(set_at=now - timedelta(days=6))
    HighTensionIncident.objects.filter(pk=incident.pk).update(declared_at=now - timedelta(days=6),
                                                              stood_down_at=now - timedelta(days=1))
    entries = list(incident.timeline.order_by("id"))
    for position, entry in enumerate(entries):
        when = now - timedelta(days=6) + (timedelta(days=5) * position / max(len(entries) - 1, 1))
        _backdate(TimelineEntry, entry.pk, occurred_at=when, recorded_at=when)
    SituationReport.objects.filter(pk=sitrep.pk).update(issued_at=now - timedelta(days=2))
    incident.actions.update(created_at=now - timedelta(days=6), due_at=now - timedelta(days=5))
    Rumour.objects.filter(pk=rumour.pk).update(last_seen_at=now - timedelta(days=4))
    actions.do_record_rumour(
        acting=council, claim="Claim that the council will close the Carlisle mosque's car park for good",
        first_seen_at=now - timedelta(hours=30), first_seen_where="Community WhatsApp group",
        platforms=["whatsapp", "word_of_mouth"], estimated_reach=300, trend="rising", risk="medium")
    return {"areas": len(areas), "reports": len(reports), "incidents": 1, "rumours": 2}
