"""A believable year of hate incident reports for the Cumberland demo (called once from ``core.demo.seed``).

Everything is invented. About 80 reports: race the most common strand, then sexual orientation, disability,
religion and transgender identity, a few with several strands; most from the online form, some through the
reporting centre, some typed in by staff from a call or a visit. Some are anonymous, some named; some agree to
the police having them and some of those are routed (delivery states mixed); the queue holds reports in every
status, a few with the acknowledgement overdue. A few people report more than once, so the repeat-victim flag
shows. Reporters get updates, staff write internal notes, and some online reporters answer the two feedback
questions.

Planning (``plan_reports``) is pure: the same ``random.Random`` state gives the same plan. Writing then goes
through the hate_crime actions in the order things happened, acting as the demo users, so the audit trail is the
real one; timestamps on the records are back-dated afterwards (audit events keep the time the seed ran, as in
``core.demo``).
"""

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import models
from django.db.models.signals import post_save
from django.utils import timezone

from access.policy import Actor, actor_for_user, visible_cases
from audit.log import record
from audit.models import AuditAction
from core.demo import FAMILY_NAMES, FEMALE_NAMES, LONDON, MALE_NAMES, TOWNS, Town
from hate_crime import actions, rules
from hate_crime.models import (
    Channel,
    Classification,
    ContactPreference,
    HateReport,
    PoliceConsent,
    PoliceDestination,
    PoliceReferral,
    ReportingFeedback,
    ReportStatus,
    ReportUpdate,
)
from intake.models import DeliveryState, OutboundMessage, SubmissionReceipt
from intake.outbox import retry_delay
from intake.submission import new_submission_token, submit_once
from partnership.models import Agency, User

REPORTS = 80

# (strands, how many reports). Totals per strand: race 39, sexual orientation 16, disability 12, religion 10,
# transgender identity 6 — the order of the national figures — plus "not sure" and the two local strands.
STRAND_MIX: tuple[tuple[tuple[str, ...], int], ...] = (
    (("race",), 35),
    (("race", "religion"), 3),
    (("race", "disability"), 1),
    (("sexual_orientation",), 13),
    (("sexual_orientation", "transgender"), 2),
    (("disability",), 10),
    (("disability", "sexual_orientation"), 1),
    (("religion",), 7),
    (("transgender",), 4),
    (("not_sure",), 2),
    (("sex_gender",), 1),
    (("alternative_subculture",), 1),
)
CHANNEL_MIX = ((Channel.ONLINE, 48), (Channel.THIRD_PARTY, 14), (Channel.STAFF, 10), (Channel.PHONE, 8))
OVERDUE = 4  # reports still waiting for acknowledgement after the target
RECENT = 6  # reports from the last few days, so the queue has fresh work in it

# --- What people tell us ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    text: str
    types: tuple[str, ...]
    target: str = "me"
    online: bool = False
    role: str = ""  # empty: the victim or a witness, at random


S = Story
STORIES: dict[tuple[str, ...], tuple[Story, ...]] = {
    ("race",): (
        S(
            "A man at the bus stop shouted racist abuse at me and told me to go back to where I came from.",
            ("verbal_abuse",),
        ),
        S(
            "Customers used racist slurs at the staff in our shop and said they would come back and smash the windows.",
            ("verbal_abuse", "threats"),
            "group",
        ),
        S("Racist graffiti was sprayed on the door of our shop overnight.", ("graffiti", "damage"), "property"),
        S(
            "After we moved in, someone posted racist comments about our family in a local Facebook group.",
            ("online_abuse", "harassment"),
            online=True,
        ),
        S(
            "Teenagers on bikes have been shouting racist names at my children on the way to school for weeks.",
            ("harassment", "verbal_abuse"),
            "someone_else",
            role="on_behalf",
        ),
        S(
            "A taxi driver was racially abused and punched by a passenger at the rank.",
            ("physical_assault",),
            "someone_else",
            role="witness",
        ),
        S(
            "Stickers with a far-right slogan have been stuck on lamp posts all along the street.",
            ("graffiti",),
            "group",
        ),
        S(
            "My Polish neighbour keeps being told to 'go home' by a man in the street, and her car was scratched.",
            ("harassment", "damage"),
            "someone_else",
            role="on_behalf",
        ),
        S(
            "A group of lads followed me out of the pub making monkey noises and one of them shoved me.",
            ("physical_assault", "verbal_abuse"),
        ),
        S(
            "Someone sent me racist voice notes after a dispute about parking.",
            ("online_abuse", "threats"),
            online=True,
        ),
    ),
    ("religion",): (
        S("Leaflets attacking Muslims were pushed through every door on our street.", ("other", "harassment"), "group"),
        S(
            "A woman pulled at my hijab in the supermarket queue and shouted abuse at me.",
            ("physical_assault", "verbal_abuse"),
        ),
        S(
            "Antisemitic comments were posted under the council's post about Holocaust Memorial Day.",
            ("online_abuse",),
            "group",
            online=True,
        ),
        S(
            "Eggs were thrown at the church door during the evening service and a window was broken.",
            ("damage",),
            "property",
        ),
        S("Graffiti against the mosque was painted on the wall of the community centre.", ("graffiti",), "property"),
    ),
    ("sexual_orientation",): (
        S(
            "Two men shouted homophobic abuse at me and my partner as we left a bar, and one threw a bottle at us.",
            ("verbal_abuse", "threats"),
        ),
        S("I was punched in the face on the walk home after a man asked whether I was gay.", ("physical_assault",)),
        S(
            "The same account keeps leaving homophobic comments on our photos.",
            ("online_abuse", "harassment"),
            online=True,
        ),
        S("Someone wrote a homophobic slur on my car.", ("damage", "graffiti"), "property"),
        S(
            "Staff at a pub refused to serve us and made jokes about us being a same-sex couple.",
            ("verbal_abuse", "other"),
        ),
    ),
    ("disability",): (
        S(
            "A group of teenagers follow my brother, who has a learning disability, and film him to post online.",
            ("harassment", "online_abuse"),
            "someone_else",
            role="on_behalf",
        ),
        S("A man kicked my guide dog and shouted abuse at me.", ("physical_assault", "verbal_abuse")),
        S("Young people keep knocking on my door and mocking the way I speak.", ("harassment",)),
        S("Someone let down the tyres of my mobility scooter and called me names.", ("damage", "verbal_abuse")),
        S(
            "A neighbour calls my son names because he is autistic and has threatened to hurt him.",
            ("threats", "harassment"),
            "someone_else",
            role="on_behalf",
        ),
    ),
    ("transgender",): (
        S("A group outside the station called me abusive names and said they would 'sort me out'.", ("threats",)),
        S(
            "Someone has set up a fake account to post abusive messages about me being trans.",
            ("online_abuse", "harassment"),
            online=True,
        ),
        S(
            "A man grabbed my arm in a bar and called me abusive names because I am trans.",
            ("physical_assault", "verbal_abuse"),
        ),
        S(
            "Posters attacking trans people were stuck over the LGBT+ group's notices at the library.",
            ("graffiti",),
            "group",
        ),
    ),
    ("race", "religion"): (
        S(
            "A passenger on the bus spat at me and shouted abuse about my headscarf and my skin colour.",
            ("physical_assault", "verbal_abuse"),
        ),
        S(
            "Leaflets attacking Muslims and asylum seekers were pushed through letterboxes on our estate.",
            ("other",),
            "group",
        ),
    ),
    ("race", "disability"): (
        S(
            "A man mocked my deaf friend's signing in the shop and shouted racist abuse at both of us.",
            ("verbal_abuse",),
            "group",
        ),
    ),
    ("sexual_orientation", "transgender"): (
        S(
            "We were followed from the Pride picnic and called homophobic and transphobic names.",
            ("verbal_abuse", "threats"),
            "group",
        ),
    ),
    ("disability", "sexual_orientation"): (
        S(
            "My son, who is autistic and gay, is being targeted online by other students from his college.",
            ("online_abuse", "harassment"),
            "someone_else",
            online=True,
            role="on_behalf",
        ),
    ),
    ("not_sure",): (
        S(
            "Someone keeps leaving rubbish and dog mess at my door. I do not know why they are picking on me.",
            ("harassment", "other"),
        ),
    ),
    ("sex_gender",): (
        S(
            "A group of men followed me through the park shouting sexual comments and threats because I am a woman.",
            ("threats", "verbal_abuse"),
        ),
    ),
    ("alternative_subculture",): (
        S(
            "I was pushed over in the park and called names because of the way I dress (I am a goth).",
            ("physical_assault", "verbal_abuse"),
        ),
    ),
}
PLATFORMS = (
    "Facebook",
    "a local Facebook group",
    "WhatsApp",
    "X (Twitter)",
    "TikTok",
    "Instagram",
    "Snapchat",
    "an online game",
)
PLACES = (
    "Outside the shops on {street}",
    "{street}",
    "The bus stop on {street}",
    "Near the takeaway on {street}",
    "In the car park off {street}",
    "Walking along {street}",
)
IMPACTS = (
    "I am frightened to go out on my own after dark.",
    "I have not been sleeping and I keep thinking about it.",
    "My children are scared to walk to school.",
    "I felt humiliated in front of everyone and nobody helped.",
    "It has knocked my confidence; I have stopped going into town.",
    "We are thinking about moving house.",
    "",
)
OCCURRED_TIMES = (
    "about 9pm",
    "late evening",
    "around lunchtime",
    "early morning",
    "about 11pm",
    "after school",
    "about 6pm",
    "",
)
ETHNICITIES = (
    "Asian or Asian British",
    "Black, Black British, Caribbean or African",
    "Mixed or multiple ethnic groups",
    "White: other White background",
    "Arab",
    "White: Gypsy or Irish Traveller",
)
RELIGIONS = ("Muslim", "Christian", "Jewish", "Sikh", "No religion", "Hindu")

REPORTER_UPDATES = (
    "We have referred you to Victim Support, as you asked. They will contact you within 2 working days.",
    "Extra patrols have been arranged in the area in the evenings for the next four weeks.",
    "We have asked the landlord of the premises for their CCTV.",
    "A community safety officer will call you this week, as you asked.",
    "We have spoken to the school, which is dealing with the pupils involved.",
)
CONTACT_UPDATES = (
    "Thank you for talking to us today. As agreed, we will call you again next week.",
    "We spoke on the phone today and agreed a safety plan with you.",
    "We met you at the community hub today; the officer will keep you updated by phone.",
)
ONLINE_UPDATES = ("We reported the posts to the platform and they have been removed.",)
PROPERTY_UPDATES = ("The council's clean-up team has removed the graffiti.",)
INTERNAL_NOTES = (
    "CCTV requested from the premises; the footage is kept for 31 days.",
    "Checked for linked reports: two similar incidents on the same street in the past month.",
    "Discussed at the weekly hate crime tasking meeting; patrols agreed for Friday and Saturday nights.",
    "No answer on the number given. No message left, because the reporter said it is not safe to.",
    "Housing provider told, with the reporter's agreement.",
    "Referred to Victim Support through the online portal.",
    "Neighbourhood policing team briefed about the location.",
)
FROM_REPORTER = (
    "It happened again last night, at about the same time.",
    "I have found a photo of the car they were in.",
    "The posts have been shared again by another account.",
    "Thank you for calling me back. Things have been quieter this week.",
)
VULNERABILITY_NOTES = (
    "Has a learning disability; prefers contact through a support worker.",
    "Lives alone; uses a wheelchair.",
    "Long-term anxiety, made worse by the incident.",
    "English is a second language; an interpreter may be needed.",
)
CLOSINGS = {
    "police_charged": (
        "Passed to the police; a suspect was charged with an offence aggravated by hostility.",
        "The police have charged someone in connection with your report. We have closed it here; "
        "the police will keep you updated.",
    ),
    "police_nfa": (
        "Passed to the police; no suspect identified. Patrols increased in the area.",
        "The police could not identify who did this. Patrols in the area have been increased and we have "
        "closed your report. Please report anything else that happens.",
    ),
    "online": (
        "Posts removed by the platform after we reported them.",
        "The posts have been removed. We have closed your report.",
    ),
    "property": (
        "Graffiti or damage removed; reassurance visits to neighbouring properties.",
        "The damage has been dealt with and we have closed your report. Thank you for telling us.",
    ),
    "support": (
        "Advice and support given; referred to Victim Support.",
        "We are closing your report now. Victim Support will keep in touch with you. If anything else "
        "happens, please report it again.",
    ),
    "monitoring": (
        "No further action wanted by the reporter; recorded for monitoring.",
        "As you asked, we have not taken this further, but your report helps us understand hate in your "
        "area. We have closed it.",
    ),
}

# --- People who report more than once -------------------------------------------------------------------------


@dataclass(frozen=True)
class Repeat:
    strand: str
    town: str
    place: str
    stories: tuple[Story, ...]
    consent: str
    contact: str
    female: bool


REPEATS = (
    Repeat(
        "race",
        "Whitehaven",
        "The takeaway on Tangier Street",
        (
            S(
                "Customers shouted racist abuse at me across the counter and said they would burn the shop down.",
                ("verbal_abuse", "threats"),
                "property",
                role="victim",
            ),
            S(
                "The same group came back, threw a brick at the shop window and cracked it.",
                ("damage",),
                "property",
                role="victim",
            ),
            S(
                "Racist messages were written on the shop shutters overnight.",
                ("graffiti", "damage"),
                "property",
                role="victim",
            ),
        ),
        PoliceConsent.WITH_DETAILS,
        ContactPreference.PHONE,
        female=False,
    ),
    Repeat(
        "disability",
        "Carlisle",
        "My flat on Fisher Street",
        (
            S(
                "Youths knock on my door late at night and shout names at me because of my disability. They film it.",
                ("harassment", "verbal_abuse"),
                role="victim",
            ),
            S("They came back and pushed a lit firework through my letterbox.", ("damage", "threats"), role="victim"),
        ),
        PoliceConsent.ANONYMOUS,
        ContactPreference.NONE,
        female=True,
    ),
    Repeat(
        "sexual_orientation",
        "Carlisle",
        "Outside our house on Warwick Road",
        (
            S(
                "My partner and I were called homophobic names by a group of lads as we walked home.",
                ("verbal_abuse",),
                role="victim",
            ),
            S("Someone has written a homophobic slur on our car.", ("damage", "graffiti"), "property", role="victim"),
        ),
        PoliceConsent.NO,
        ContactPreference.EMAIL,
        female=False,
    ),
    Repeat(
        "religion",
        "Maryport",
        "The bus stop on Senhouse Street",
        (
            S(
                "A man pulled at my headscarf at the bus stop and shouted that Muslims are not welcome here.",
                ("physical_assault", "verbal_abuse"),
                role="victim",
            ),
            S(
                "Since my first report I have been sent abusive messages on Facebook about my religion.",
                ("online_abuse", "harassment"),
                online=True,
                role="victim",
            ),
        ),
        PoliceConsent.WITH_DETAILS,
        ContactPreference.EMAIL,
        female=True,
    ),
)

# --- The plan ---------------------------------------------------------------------------------------------------


@dataclass
class Step:
    when: datetime
    kind: str  # submit, feedback, acknowledge, triage, assign, link, note, update, info, route, police_ref, close
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlannedReport:
    index: int
    received: datetime
    channel: str
    strands: tuple[str, ...]
    answers: dict[str, Any]
    status: str
    town: str
    story: Story
    steps: list[Step] = field(default_factory=list)
    report: HateReport | None = None


def _quota(pairs: tuple[tuple[Any, int], ...]) -> list[Any]:
    return [value for value, count in pairs for _ in range(count)]


def _postcode(rng: random.Random, town: Town) -> str:
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    district = rng.choice(town.postcode_districts)
    return f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"


def _office(rng: random.Random, day: date) -> datetime:
    while not rules.is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, time(rng.randint(8, 16), rng.randint(0, 59)), tzinfo=LONDON)


class _Planner:
    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.today = timezone.localtime(now, LONDON).date()
        self.towns = {town.name: town for town in TOWNS}

    # -- when --

    def received_times(self, count: int) -> list[datetime]:
        rng = self.rng
        days = []
        for _ in range(count - RECENT):
            while True:  # a little more in summer, as in the national figures
                day = self.today - timedelta(days=rng.randint(10, 364))
                if rng.random() < (1.0 if day.month in (6, 7, 8) else 0.75):
                    break
            days.append(day)
        days += [self.today - timedelta(days=rng.randint(0, 5)) for _ in range(RECENT)]
        times = []
        for day in sorted(days):
            moment = datetime.combine(
                day, time(rng.choice((8, 10, 12, 14, 17, 19, 20, 21, 22, 23)), rng.randint(0, 59)), tzinfo=LONDON
            )
            times.append(min(moment, self.now - timedelta(minutes=rng.randint(30, 600))))
        return sorted(times)

    def staff_time(self, received: datetime, channel: str) -> datetime:
        """Reports through the centre or staff are entered in office hours, on a working day."""
        if channel == Channel.ONLINE:
            return received
        day = received.date()
        while not rules.is_working_day(day):
            day -= timedelta(days=1)
        moment = datetime.combine(day, time(self.rng.randint(9, 16), self.rng.randint(0, 59)), tzinfo=LONDON)
        return min(moment, self.now - timedelta(minutes=30))

    # -- who and what --

    def person(self, female: bool | None = None) -> tuple[str, str, str]:
        rng = self.rng
        if female is None:
            female = rng.random() < 0.5
        given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        family = rng.choice(FAMILY_NAMES)
        email = f"{given}.{family}{rng.randint(1, 99)}@example.com".lower()
        return f"{given} {family}", email, f"07700 900{rng.randint(0, 999):03d}"

    def answers(self, strands: tuple[str, ...], story: Story, channel: str, repeat: dict | None) -> dict[str, Any]:
        """What the person answered, as the question pages would pass it on (the date is added by the caller)."""
        rng = self.rng
        answers: dict[str, Any] = {
            "reporter_role": story.role or ("victim" if rng.random() < 0.75 else "witness"),
            "what_happened": story.text,
            "occurred_time": rng.choice(OCCURRED_TIMES),
            "ongoing": "harassment" in story.types and rng.random() < 0.5,
            "target": story.target,
            "strands": list(strands),
            "incident_types": list(story.types),
            "impact": rng.choice(IMPACTS),
            "help_wanted": (
                rng.sample(("victim_support", "advice", "someone_to_talk_to"), k=rng.randint(1, 2))
                if rng.random() < 0.8
                else ["nothing"]
            ),
            "already_reported": rng.random() < 0.15,
            "location_kind": "online" if story.online else "place",
        }
        if answers["already_reported"]:
            answers["reporter_police_reference"] = f"CUMB-{rng.randint(1, 999):04d}"
        if story.online:
            answers["platform"] = rng.choice(PLATFORMS)
        elif repeat:
            answers |= {"location_text": repeat["place"], "postcode": repeat["postcode"]}
        if repeat:
            answers |= {"police_consent": repeat["consent"], "contact_preference": repeat["contact"]}
            name, email, phone = repeat["person"]
        else:
            answers["police_consent"] = rng.choices(
                (PoliceConsent.NO, PoliceConsent.ANONYMOUS, PoliceConsent.WITH_DETAILS), weights=(40, 25, 35)
            )[0]
            named = answers["police_consent"] == PoliceConsent.WITH_DETAILS
            answers["contact_preference"] = rng.choices(
                (ContactPreference.NONE, ContactPreference.EMAIL, ContactPreference.PHONE),
                weights=(15, 50, 35) if named else (55, 28, 17),
            )[0]
            name, email, phone = self.person()
        if answers["police_consent"] == PoliceConsent.WITH_DETAILS:
            answers["name"] = name
        if channel == Channel.THIRD_PARTY:
            answers["reported_via"] = rng.choice(("in_person", "in_person", "phone", "email", "other"))
            if not repeat and rng.random() < 0.35:  # "does the person want to be contacted?" no
                answers["contact_preference"] = ContactPreference.NONE
        if answers["contact_preference"] == ContactPreference.EMAIL:
            answers["email"] = email
        elif answers["contact_preference"] == ContactPreference.PHONE:
            answers |= {
                "phone": phone,
                "safe_times": rng.choice(("", "Weekdays after 6pm", "Mornings only", "Any time")),
                "safe_to_leave_message": rng.random() < 0.6,
            }
        if channel == Channel.ONLINE and rng.random() < 0.45:  # the optional "about you" page
            answers |= {
                "age_band": rng.choice(("18_34", "35_64", "65_plus", "under_18", "prefer_not")),
                "disabled": "yes" if "disability" in strands else rng.choice(("no", "no", "prefer_not")),
            }
            if "race" in strands:
                answers["ethnicity"] = rng.choice(ETHNICITIES)
            if "religion" in strands:
                answers["religion"] = rng.choice(RELIGIONS)
        return answers

    # -- what happens next --

    def status_for(self, received: datetime, consent: str, overdue: bool) -> str:
        rng = self.rng
        if overdue:
            return ReportStatus.NEW
        received_day = received.date()
        if not rules.acknowledgement_overdue(received_day, self.today, acknowledged=False):
            return ReportStatus.NEW if rng.random() < 0.6 else ReportStatus.ACKNOWLEDGED
        age = (self.today - received_day).days
        if age < 14:
            weights = {"acknowledged": 35, "assigned": 35, "with_police": 30}
        elif age < 60:
            weights = {"acknowledged": 15, "assigned": 35, "with_police": 25, "closed": 25}
        elif age < 120:
            weights = {"assigned": 15, "with_police": 15, "closed": 70}
        else:
            weights = {"assigned": 4, "with_police": 4, "closed": 92}
        if consent == PoliceConsent.NO:
            weights.pop("with_police")
        return rng.choices(list(weights), weights=list(weights.values()))[0]

    @staticmethod
    def at_least(planned: list["PlannedReport"], status: str, minimum: int, eligible: Callable) -> None:
        """Make sure the queue shows some reports in ``status``: the most recent eligible ones move to it."""
        have = sum(1 for report in planned if report.status == status)
        for report in reversed(planned):
            if have >= minimum:
                return
            if (
                report.status != status
                and report.status in (ReportStatus.ASSIGNED, ReportStatus.CLOSED)
                and eligible(report)
            ):
                report.status = status
                have += 1

    def steps_for(self, planned: PlannedReport, story: Story, repeat_follow_up: bool) -> None:
        rng = self.rng
        answers = planned.answers
        status = planned.status
        start = planned.received
        steps = planned.steps
        if planned.channel == Channel.ONLINE and rng.random() < 0.4:
            steps.append(
                Step(
                    start + timedelta(minutes=rng.randint(1, 4)),
                    "feedback",
                    {
                        "ease": rng.choices((5, 4, 3, 2, 1), weights=(35, 35, 17, 9, 4))[0],
                        "confidence": rng.choices((5, 4, 3, 2, 1), weights=(16, 30, 28, 16, 10))[0],
                    },
                )
            )
        if status == ReportStatus.NEW:
            return
        # Acknowledged in 0–2 working days, a few late.
        late = rng.random() < 0.15
        ack_day = rules.add_working_days(start.date(), rng.randint(3, 5) if late else rng.choice((0, 1, 1, 2)))
        later: list[tuple[float, str, dict]] = []  # (days after acknowledgement, kind, args)
        contactable = answers["contact_preference"] != ContactPreference.NONE
        routed = status == ReportStatus.WITH_POLICE or (
            status == ReportStatus.CLOSED and answers["police_consent"] != PoliceConsent.NO and rng.random() < 0.55
        )
        assigned = status == ReportStatus.ASSIGNED or (status != ReportStatus.ACKNOWLEDGED and rng.random() < 0.7)
        if status != ReportStatus.ACKNOWLEDGED or rng.random() < 0.5:
            risky = repeat_follow_up or "physical_assault" in story.types or "threats" in story.types
            risk = rng.choices(("standard", "medium", "high"), weights=(30, 50, 20) if risky else (70, 25, 5))[0]
            # Violence, threats and damage are crimes; abuse and harassment often, but not always, are.
            crime = bool({"physical_assault", "threats", "damage"} & set(story.types)) or rng.random() < 0.35
            vulnerable = "disability" in planned.strands or rng.random() < 0.1
            later.append(
                (
                    rng.uniform(0, 1),
                    "triage",
                    {
                        "classification": Classification.CRIME if crime else Classification.INCIDENT,
                        "risk_level": risk,
                        "vulnerability": rng.choice(VULNERABILITY_NOTES) if vulnerable else "",
                    },
                )
            )
            if risk != "standard" and status != ReportStatus.ACKNOWLEDGED and rng.random() < 0.35:
                later.append((rng.uniform(1, 4), "link", {}))
        if assigned:
            later.append(
                (
                    rng.uniform(1, 3),
                    "assign",
                    {"agency": "police" if routed or rng.random() < 0.35 else "council", "officer": rng.random() < 0.7},
                )
            )
            for _ in range(rng.randint(0, 2)):
                later.append((rng.uniform(2, 20), "note", {"text": rng.choice(INTERNAL_NOTES)}))
        if contactable and status != ReportStatus.ACKNOWLEDGED:
            later.append((rng.uniform(1, 6), "update", {"text": rng.choice(CONTACT_UPDATES), "contacted": True}))
        if status in (ReportStatus.ASSIGNED, ReportStatus.WITH_POLICE, ReportStatus.CLOSED) and rng.random() < 0.5:
            texts = (
                REPORTER_UPDATES
                + (ONLINE_UPDATES if story.online else ())
                + (PROPERTY_UPDATES if story.target == "property" else ())
            )
            later.append((rng.uniform(3, 25), "update", {"text": rng.choice(texts), "contacted": False}))
        if rng.random() < 0.12:
            later.append((rng.uniform(2, 15), "info", {"text": rng.choice(FROM_REPORTER)}))
        if routed:
            later.append((rng.uniform(1, 6), "route", {"method": "webhook" if rng.random() < 0.25 else "email"}))
            if rng.random() < 0.6:
                later.append((rng.uniform(7, 20), "police_ref", {}))
        elif answers.get("already_reported") and assigned and rng.random() < 0.7:
            later.append((rng.uniform(2, 10), "police_ref", {}))
        if status == ReportStatus.CLOSED:
            if routed:
                key = "police_charged" if rng.random() < 0.35 else "police_nfa"
            elif story.online:
                key = "online"
            elif story.target == "property":
                key = "property"
            else:
                key = rng.choice(("support", "support", "monitoring"))
            later.append((rng.uniform(25, 70), "close", {"closing": key}))

        # Times: acknowledgement on its working day, the rest after it, squeezed in before now if the report is
        # recent, and in office hours where that is still in the past (except what the reporter sends).
        limit = self.now - timedelta(minutes=10)
        ack_at = max(_office(rng, ack_day), start + timedelta(minutes=20))
        if ack_at >= limit:
            ack_at = start + (limit - start) * rng.uniform(0.2, 0.5)
        later.sort(key=lambda item: (item[1] == "close", item[0]))  # closing is always the last thing
        span = max((days for days, _kind, _args in later), default=0.0)
        room = (limit - ack_at).total_seconds() / 86400 * rng.uniform(0.6, 0.95)
        scale = min(1.0, room / span) if span else 1.0
        steps.append(Step(ack_at, "acknowledge"))
        previous = ack_at
        for days, kind, args in later:
            when = ack_at + timedelta(days=days * scale)
            if kind != "info":
                when = self.office_hours(when, limit)
            when = min(max(when, previous + timedelta(minutes=rng.randint(2, 30))), limit)
            steps.append(Step(when, kind, args))
            previous = when

    def office_hours(self, when: datetime, limit: datetime) -> datetime:
        """The next office-hours moment from ``when`` (staff work 8:00–18:00 on working days), unless that is
        after ``limit``."""
        local = timezone.localtime(when, LONDON)
        day = local.date()
        if rules.is_working_day(day) and 8 <= local.hour < 18:
            return when
        if local.hour >= 18 or not rules.is_working_day(day):
            day += timedelta(days=1)
        while not rules.is_working_day(day):
            day += timedelta(days=1)
        moment = datetime.combine(day, time(self.rng.randint(8, 11), self.rng.randint(0, 59)), tzinfo=LONDON)
        return moment if moment <= limit else when

    def plan(self, count: int = REPORTS) -> list[PlannedReport]:
        rng = self.rng
        received = self.received_times(count)
        combos = _quota(STRAND_MIX)[:count]
        channels = _quota(CHANNEL_MIX)[:count]
        rng.shuffle(combos)
        rng.shuffle(channels)

        # Repeat victims: their reports go in slots of their strand, spread over the year.
        repeats: dict[int, tuple[Repeat, int, dict]] = {}
        for spec in REPEATS:
            free = [i for i, combo in enumerate(combos) if combo == (spec.strand,) and i not in repeats]
            free = [i for i in free if received[i].date() < self.today - timedelta(days=12)] or free
            chosen = sorted(rng.sample(free, k=len(spec.stories)))
            town = self.towns[spec.town]
            shared = {
                "place": f"{spec.place}, {spec.town}",
                "postcode": _postcode(rng, town),
                "person": self.person(spec.female),
                "consent": spec.consent,
                "contact": spec.contact,
            }
            for number, slot in enumerate(chosen):
                repeats[slot] = (spec, number, shared)

        # Overdue acknowledgements: reports from the last six weeks still waiting.
        candidates = [
            i
            for i, moment in enumerate(received)
            if 5 <= (self.today - moment.date()).days <= 42
            and i not in repeats
            and rules.acknowledgement_overdue(moment.date(), self.today, acknowledged=False)
        ]
        overdue = set(rng.sample(candidates, k=min(OVERDUE, len(candidates))))

        planned = []
        for index in range(count):
            channel = channels[index]
            strands = combos[index]
            moment = self.staff_time(received[index], channel)
            if index in repeats:
                spec, number, shared = repeats[index]
                story = spec.stories[number]
                answers = self.answers(strands, story, channel, shared)
                town_name = spec.town
            else:
                story = rng.choice(STORIES[strands])
                answers = self.answers(strands, story, channel, None)
                town = rng.choices(TOWNS, weights=[t.weight for t in TOWNS])[0]
                town_name = town.name
                if answers["location_kind"] == "place":
                    street = (
                        rng.choice(town.hotspots) if town.hotspots and rng.random() < 0.4 else rng.choice(town.streets)
                    )
                    answers["location_text"] = f"{rng.choice(PLACES).format(street=street)}, {town.name}"
                    answers["postcode"] = _postcode(rng, town) if rng.random() < 0.88 else ""
            first_day = self.today - timedelta(days=364)
            answers["occurred_on"] = max(moment.date() - timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 7))), first_day)
            report = PlannedReport(index, moment, channel, strands, answers, ReportStatus.NEW, town_name, story)
            report.status = self.status_for(moment, answers["police_consent"], index in overdue)
            planned.append(report)
        open_work = [r for r in planned if (self.today - r.received.date()).days < 90]
        self.at_least(open_work, ReportStatus.ACKNOWLEDGED, 3, lambda r: True)
        self.at_least(open_work, ReportStatus.WITH_POLICE, 4, lambda r: r.answers["police_consent"] != "no")
        self.at_least(open_work, ReportStatus.ASSIGNED, 5, lambda r: True)
        for report in planned:
            report.steps.append(Step(report.received, "submit"))
            self.steps_for(report, report.story, report.index in repeats and repeats[report.index][1] > 0)
        self.delivery_states(planned)
        return planned

    def delivery_states(self, planned: list[PlannedReport]) -> None:
        """Most police referrals delivered; the latest still waiting; one retrying; one given up and sent again by
        email — so staff see every delivery state."""
        routes = sorted(
            ((step.when, report.index, step) for report in planned for step in report.steps if step.kind == "route"),
            key=lambda item: item[:2],
        )
        for _when, _index, step in routes:
            step.args["state"] = DeliveryState.SENT
            step.args["attempts"] = 1 if self.rng.random() < 0.8 else self.rng.randint(2, 3)
        if routes:
            routes[-1][2].args |= {"state": DeliveryState.PENDING, "method": "email", "attempts": 0}
        if len(routes) > 1:
            routes[-2][2].args |= {"state": DeliveryState.RETRYING, "method": "webhook", "attempts": 2}
        by_index = {report.index: report for report in planned}
        for when, index, step in reversed(routes[:-2]):
            if (self.now - when).days <= 30:
                continue
            report = by_index[index]
            after = [s.when for s in report.steps if s.when > when]
            resend = when + (min(after) - when) / 2 if after else when + timedelta(days=1)
            step.args |= {"state": DeliveryState.FAILED, "method": "webhook", "attempts": 8}
            report.steps.append(Step(resend, "route", {"method": "email", "state": DeliveryState.SENT, "attempts": 1}))
            break


def plan_reports(rng: random.Random, now: datetime, count: int = REPORTS) -> list[PlannedReport]:
    """The whole year of reports, decided up front (no database)."""
    return _Planner(rng, now).plan(count)


# --- Writing it ---------------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, rng: random.Random, now: datetime, agencies: dict[str, Agency], users: dict[str, User]):
        self.rng = rng
        self.now = now
        self.agencies = agencies
        self.users = users
        self.actors: dict[str, Actor] = {}
        self.backdate: dict[type[models.Model], dict[int, dict[str, object]]] = {}
        self.made: list[tuple[type[models.Model], int]] = []  # updates and messages the actions made (post_save)
        self.tokens: dict[str, datetime] = {}
        self.destinations: dict[str, PoliceDestination] = {}
        self.cases: list = []

    def actor(self, key: str) -> Actor:
        if key not in self.actors:
            self.actors[key] = actor_for_user(self.users[key])
        return self.actors[key]

    def later(self, model: type[models.Model], pk: int, **values: object) -> None:
        self.backdate.setdefault(model, {}).setdefault(pk, {}).update(values)

    def set_up(self) -> None:
        admin = self.actor("admin")
        police = self.agencies["police"]
        for method, address in (
            (PoliceDestination.Method.EMAIL, "hate-reports@police.demo.csphub.test"),
            (PoliceDestination.Method.WEBHOOK, "https://crime-intake.police.demo.csphub.test/hate-reports"),
        ):
            destination, created = PoliceDestination.objects.get_or_create(
                agency=police, method=method, defaults={"address": address}
            )
            if created:
                record(admin, AuditAction.CREATE, destination, reason="demo data")
            self.destinations[method] = destination
        coordinator = self.actor("coordinator")
        self.cases = list(visible_cases(coordinator).filter(kind="hate").order_by("opened_on", "pk"))

    def saw(self, sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any) -> None:
        if created:
            self.made.append((sender, instance.pk))

    def stamp(self, when: datetime) -> None:
        """Back-date the updates and messages the last action made to when it happened."""
        made, self.made = self.made, []
        for model, pk in made:
            if model is ReportUpdate:
                self.later(ReportUpdate, pk, created_at=when)
                continue
            sent = when + timedelta(seconds=self.rng.randint(20, 240))
            self.later(
                OutboundMessage,
                pk,
                created_at=when,
                next_attempt_at=when,
                sent_at=sent,
                state=DeliveryState.SENT,
                attempts=1,
            )

    def submit(self, planned: PlannedReport) -> None:
        channel = planned.channel
        answers = dict(planned.answers)
        if channel == Channel.THIRD_PARTY:
            acting, centre, kind = self.actor("reporter"), self.agencies["hub"], "hate_report_staff"
        elif channel in (Channel.STAFF, Channel.PHONE):
            acting, centre, kind = self.actor("coordinator"), None, "hate_report_staff"
        else:
            acting, centre, kind = None, None, "hate_report"
        token = new_submission_token()
        made: dict[str, HateReport] = {}

        def create() -> tuple[str, dict]:
            report, secret = actions.do_submit_report(answers, channel=channel, acting=acting, centre=centre)
            made["report"] = report
            return report.reference, {"secret": secret}

        submit_once(token, kind, create)
        planned.report = made["report"]
        self.tokens[token] = planned.received
        self.later(HateReport, planned.report.pk, created_at=planned.received)

    def officer_key(self, report: HateReport) -> str:
        if report.assigned_officer_id == self.users["police"].pk:
            return "police"
        if report.assigned_officer_id == self.users["council"].pk:
            return "council"
        return "coordinator"

    def do(self, planned: PlannedReport, step: Step) -> None:
        if step.kind == "submit":
            self.submit(planned)
            self.stamp(step.when)
            return
        report = planned.report
        assert report is not None
        coordinator = self.actor("coordinator")
        args = step.args
        match step.kind:
            case "feedback":
                feedback = actions.do_record_feedback(
                    report=report, channel=report.channel, ease=args["ease"], confidence=args["confidence"]
                )
                self.later(ReportingFeedback, feedback.pk, created_at=step.when)
            case "acknowledge":
                actions.do_acknowledge_report(report=report, acting=coordinator)
                self.later(HateReport, report.pk, acknowledged_at=step.when)
            case "triage":
                actions.do_triage_report(report=report, acting=coordinator, **args)
            case "assign":
                officer = self.users[args["agency"]] if args["officer"] else None
                actions.do_assign_report(
                    report=report, acting=coordinator, agency=self.agencies[args["agency"]], officer=officer
                )
            case "link":
                # A hate case already open in the same town if there is one, else any open before this step.
                day = timezone.localtime(step.when, LONDON).date()
                open_then = [case for case in self.cases if case.opened_on <= day]
                same_town = [case for case in open_then if case.title.endswith(f", {planned.town}")]
                if open_then:
                    actions.do_link_case(report=report, acting=coordinator, case=(same_town or open_then)[-1])
            case "note":
                actions.do_add_report_update(
                    report=report,
                    acting=self.actor(self.officer_key(report)),
                    kind=ReportUpdate.Kind.INTERNAL,
                    text=args["text"],
                    contacted=False,
                )
            case "update":
                first_contact = args["contacted"] and report.first_contact_at is None
                actions.do_add_report_update(
                    report=report,
                    acting=self.actor(self.officer_key(report)),
                    kind=ReportUpdate.Kind.FOR_REPORTER,
                    text=args["text"],
                    contacted=args["contacted"],
                )
                if first_contact:
                    self.later(HateReport, report.pk, first_contact_at=step.when)
            case "info":
                actions.do_add_information_from_reporter(report=report, text=args["text"])
            case "route":
                referral = actions.do_route_to_police(
                    report=report, acting=coordinator, destination=self.destinations[args["method"]]
                )
                self.later(PoliceReferral, referral.pk, created_at=step.when)
                self.stamp(step.when)
                self.delivery(referral.message_id, step.when, args)
            case "police_ref":
                actions.do_record_police_reference(
                    report=report,
                    acting=self.actor(
                        "police" if report.assigned_agency_id == self.agencies["police"].pk else "coordinator"
                    ),
                    police_reference=f"CUMB-{step.when:%y%m%d}-{self.rng.randint(1, 999):04d}",
                )
            case "close":
                outcome, message = CLOSINGS[args["closing"]]
                actions.do_close_report(
                    report=report, acting=coordinator, outcome=outcome, message_for_reporter=message
                )
                self.later(HateReport, report.pk, closed_at=step.when)
        self.stamp(step.when)

    def delivery(self, message_id: int, when: datetime, args: dict) -> None:
        state, attempts = args["state"], args["attempts"]
        values: dict[str, object] = {"state": state, "attempts": attempts, "sent_at": None, "last_error": ""}
        if state == DeliveryState.SENT:
            delay = timedelta(minutes=(2 ** (attempts - 1)) - 1, seconds=self.rng.randint(5, 50))
            values |= {"sent_at": when + delay}
        elif state == DeliveryState.RETRYING:
            values |= {"last_error": "URLError", "next_attempt_at": self.now + retry_delay(attempts)}
        elif state == DeliveryState.FAILED:
            values |= {"last_error": "HTTPError", "next_attempt_at": when + timedelta(hours=4)}
        self.later(OutboundMessage, message_id, **values)

    def apply_backdating(self) -> None:
        for receipt in SubmissionReceipt.objects.filter(token__in=self.tokens).only("pk", "token"):
            self.later(SubmissionReceipt, receipt.pk, created_at=self.tokens[receipt.token])
        for model, rows in self.backdate.items():
            names = sorted({name for values in rows.values() for name in values})
            objects = list(model.objects.filter(pk__in=rows).only("pk", *names))
            for obj in objects:
                for name, value in rows[obj.pk].items():
                    setattr(obj, name, value)
            model.objects.bulk_update(objects, names, batch_size=500)


def seed(
    rng: random.Random,
    *,
    agencies: dict[str, Agency],
    users: dict[str, User],
    now: datetime | None = None,
) -> dict[str, int]:
    """Write the demo hate reports. ``agencies`` and ``users`` are ``core.demo``'s, keyed as there ("police",
    "hub", "coordinator", "reporter" ...). Runs inside the caller's transaction. Returns counts of what it made."""
    now = now or timezone.now()
    planned = plan_reports(rng, now)
    writer = _Writer(rng, now, agencies, users)
    writer.set_up()
    steps = sorted(
        (
            (step.when, report.index, order, report, step)
            for report in planned
            for order, step in enumerate(report.steps)
        ),
        key=lambda item: item[:3],
    )
    for model in (ReportUpdate, OutboundMessage):
        post_save.connect(writer.saw, sender=model, weak=False, dispatch_uid=f"hate-demo-{model.__name__}")
    try:
        for _when, _index, _order, report, step in steps:
            writer.do(report, step)
    finally:
        for model in (ReportUpdate, OutboundMessage):
            post_save.disconnect(sender=model, dispatch_uid=f"hate-demo-{model.__name__}")
    writer.apply_backdating()
    made = [report.report for report in planned if report.report is not None]
    counts = {
        "hate reports": len(made),
        "hate report updates": ReportUpdate.objects.filter(report__in=made).count(),
        "police referrals": PoliceReferral.objects.filter(report__in=made).count(),
        "feedback answers": ReportingFeedback.objects.filter(report__in=made).count(),
    }
    return counts


def summary(reports: list[PlannedReport]) -> dict[str, Counter]:
    """Counts by strand, channel and status of a plan (for the tests and for a quick look)."""
    return {
        "strands": Counter(strand for report in reports for strand in report.strands),
        "channels": Counter(report.channel for report in reports),
        "statuses": Counter(report.status for report in reports),
    }
