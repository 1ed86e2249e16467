"""Synthetic demonstration data for Cumberland's Community Safety Partnership (``csphub seed-demo``).

Everything here is invented: the people, their details and what happened to them. Agency names are the
real public bodies of the partnership, except the voluntary sector charity and the reporting centre, whose
names are made up. Towns and street names are real so the maps and hotspot analysis look right; no
addresses are stored, postcodes are random within the town's district, and phone numbers are in Ofcom's
drama range (07700 900xxx).

Writes go through the same action functions the pages use, acting as the demo users, so the audit trail
is written as it would be in real use. Timestamps on the records are then back-dated across the past
year (the audit events themselves keep the time the seed ran, as audit events must).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from access import demo as access_demo
from access.models import LawfulBasis, SharingBasis
from access.policy import Actor, actor_for_user
from audit.log import record
from audit.models import AuditAction
from core.actions import (
    do_add_action,
    do_add_note,
    do_add_participant,
    do_add_team_agency,
    do_complete_action,
    do_create_case,
    do_record_incident,
    do_update_case,
)
from core.models import (
    Action,
    Case,
    CaseParticipant,
    CaseStatus,
    CaseTeamMember,
    Incident,
    IncidentCategory,
    Note,
    ParticipantRole,
    Person,
    RiskLevel,
)
from hate_crime.models import HateReport
from partnership.models import Agency, AgencyKind, Membership, Role, User

LONDON = ZoneInfo("Europe/London")
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105 - published demo credential, demo data only
DEMO_DOMAIN = "demo.csphub.test"
DEFAULT_CASES = 60
DEFAULT_INCIDENTS = 150
DEFAULT_SEED = 20260101

# --- Agencies and staff --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAgency:
    key: str  # also the mail subdomain
    name: str
    kind: str


AGENCIES = (
    DemoAgency("council", "Cumberland Council", AgencyKind.COUNCIL),
    DemoAgency("police", "Cumbria Constabulary", AgencyKind.POLICE),
    DemoAgency("fire", "Cumbria Fire and Rescue Service", AgencyKind.FIRE),
    DemoAgency("health", "NHS North East and North Cumbria Integrated Care Board", AgencyKind.HEALTH),
    DemoAgency("probation", "The Probation Service – Cumbria", AgencyKind.PROBATION),
    # Invented names: not real organisations.
    DemoAgency("charity", "Cumberland Domestic Abuse Support", AgencyKind.VOLUNTARY),
    DemoAgency("hub", "Carlisle Community Hub Reporting Centre", AgencyKind.REPORTING_CENTRE),
)


@dataclass(frozen=True)
class DemoUser:
    key: str
    agency: str
    role: str
    full_name: str
    job: str
    panels: str = ""

    @property
    def email(self) -> str:
        local = self.role.replace("_", "-")
        return f"{local}@{self.agency}.{DEMO_DOMAIN}"


USERS = (
    DemoUser("admin", "council", Role.ADMINISTRATOR, "Priya Halden", "System administrator"),
    DemoUser("coordinator", "council", Role.COORDINATOR, "Rachel Ellwood", "CSP coordinator", "marac,channel,dhr"),
    DemoUser("council", "council", Role.PRACTITIONER, "Tom Branthwaite", "ASB officer"),
    DemoUser("police", "police", Role.PRACTITIONER, "Daniel Ritson", "Police ASB officer", "marac"),
    DemoUser("fire", "fire", Role.PRACTITIONER, "Karen Holme", "Fire safety officer"),
    DemoUser("health", "health", Role.PRACTITIONER, "Nadia Ashworth", "Safeguarding lead", "marac"),
    DemoUser("probation", "probation", Role.PRACTITIONER, "Gareth Pennington", "Probation officer", "marac"),
    DemoUser("charity", "charity", Role.PRACTITIONER, "Louise Fairbairn", "IDVA", "marac"),
    DemoUser("analyst", "council", Role.ANALYST, "Owen Marsh", "Community safety analyst"),
    DemoUser("board", "council", Role.BOARD, "Margaret Thwaite", "CSP board member"),
    DemoUser("reporter", "hub", Role.REPORTING_CENTRE, "Sam Okafor", "Reporting centre volunteer"),
)
SEED_MARKER_EMAIL = USERS[0].email
AGENCY_NAMES = {a.key: a.name for a in AGENCIES}

# --- Places ---------------------------------------------------------------------------------------------


def _names(text: str) -> tuple[str, ...]:
    """A tuple from a semicolon-separated list, to keep the tables below compact."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    weight: float  # roughly population
    postcode_districts: tuple[str, ...]
    streets: tuple[str, ...]
    hotspots: tuple[str, ...] = ()  # night-time economy streets, more likely for street incidents at night


GENERIC_STREETS = _names(
    "Market Place; High Street; Main Street; Station Road; Church Street; King Street; Victoria Road; "
    "Park Road; Queen Street; Mill Lane; School Road; the bus station; the recreation ground; "
    "the supermarket car park"
)
CARLISLE_STREETS = _names(
    "Botchergate; English Street; Scotch Street; Castle Street; Lowther Street; Warwick Road; London Road; "
    "Scotland Road; Wigton Road; Dalston Road; Currock Road; Lonsdale Street; Devonshire Street; "
    "Fisher Street; Rickergate; Crosby Street; Shaddongate; Newtown Road; Blackwell Road; Court Square"
)
WORKINGTON_STREETS = _names(
    "Finkle Street; Pow Street; Washington Street; Murray Road; Vulcans Lane; Oxford Street; Station Road; "
    "Harrington Road; John Street; Jane Street; Moorclose Road; Portland Square; High Street"
)
WHITEHAVEN_STREETS = _names(
    "Lowther Street; King Street; Duke Street; Roper Street; Queen Street; Tangier Street; Market Place; "
    "Strand Street; Irish Street; Church Street; Bransty Row; Scotch Street; Coach Road"
)

# Town centres (WGS84), weights roughly by population, the real postcode districts.
# fmt: off
TOWNS = (
    Town("Carlisle", 54.8925, -2.9329, 75, ("CA1", "CA2", "CA3"), CARLISLE_STREETS,
         ("Botchergate", "English Street", "Lowther Street", "Devonshire Street")),
    Town("Workington", 54.6430, -3.5480, 25, ("CA14",), WORKINGTON_STREETS,
         ("Finkle Street", "Pow Street", "Washington Street")),
    Town("Whitehaven", 54.5485, -3.5880, 23, ("CA28",), WHITEHAVEN_STREETS,
         ("King Street", "Duke Street", "Tangier Street")),
    Town("Maryport", 54.7135, -3.4950, 11, ("CA15",), (*GENERIC_STREETS, "Senhouse Street"),
         ("Senhouse Street",)),
    Town("Cockermouth", 54.6630, -3.3620, 8, ("CA13",), (*GENERIC_STREETS, "Station Street"),
         ("Main Street",)),
    Town("Keswick", 54.6013, -3.1347, 5, ("CA12",), (*GENERIC_STREETS, "Lake Road"), ("Main Street",)),
    Town("Wigton", 54.8250, -3.1610, 6, ("CA7",), GENERIC_STREETS, ("King Street",)),
    Town("Egremont", 54.4815, -3.5290, 6, ("CA22",), GENERIC_STREETS, ("Main Street",)),
    Town("Cleator Moor", 54.5214, -3.5155, 7, ("CA25",), GENERIC_STREETS, ("Market Place",)),
    # Millom's real postcode district is LA18, in the Lancaster postcode area.
    Town("Millom", 54.2110, -3.2717, 7, ("LA18",), GENERIC_STREETS, ("Market Place",)),
    Town("Brampton", 54.9410, -2.7330, 4, ("CA8",), (*GENERIC_STREETS, "Front Street"), ("Front Street",)),
    Town("Longtown", 55.0085, -2.9700, 3, ("CA6",), (*GENERIC_STREETS, "Swan Street"), ()),
    Town("Silloth", 54.8690, -3.3890, 3, ("CA7",), (*GENERIC_STREETS, "Criffel Street"), ("Criffel Street",)),
)
# fmt: on
JITTER = 0.01

# --- Time profiles ---------------------------------------------------------------------------------------

# Relative likelihood of each hour 00..23: a night-time peak (20:00–02:00) for street and domestic incidents,
# a daytime one for environmental ASB (fly-tipping, dog fouling, litter) reported when people see it.
NIGHT_HOURS = (8, 6, 3, 2, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 10, 11, 11, 10)
DAY_HOURS = (1, 1, 0, 0, 0, 0, 1, 2, 4, 6, 7, 7, 7, 7, 7, 6, 6, 5, 4, 4, 3, 3, 2, 1)
GOLDEN = 0.6180339887498949
# Monday..Sunday: Friday and Saturday nights are the busiest.
WEEKDAYS = (1.0, 0.9, 1.0, 1.1, 1.6, 1.8, 1.2)


def _season(day: date) -> float:
    if (day.month, day.day) >= (10, 25) and (day.month, day.day) <= (11, 6):  # Halloween and bonfire night
        return 1.6
    return 1.3 if day.month in (6, 7, 8) else 1.0


# --- Content ---------------------------------------------------------------------------------------------

FEMALE_NAMES = _names(
    "Emma; Sarah; Laura; Rebecca; Gemma; Claire; Hannah; Chloe; Jessica; Amy; Leanne; Natalie; Kirsty; "
    "Joanne; Lisa; Megan; Shannon; Danielle; Hayley; Nicola; Ruth; Jean; Margaret; Eileen; Sophie; Zainab; "
    "Agnieszka"
)
MALE_NAMES = _names(
    "James; Daniel; Liam; Ryan; Craig; Scott; Kyle; Jordan; Lee; Darren; Mark; Paul; Stephen; Michael; "
    "Andrew; Jamie; Connor; Callum; Dean; Wayne; Alan; Kenneth; Tariq; Piotr; George; Harry"
)
FAMILY_NAMES = _names(
    "Armstrong; Graham; Nixon; Bell; Irving; Routledge; Tyson; Wilson; Dixon; Atkinson; Robinson; Jackson; "
    "Fletcher; Hodgson; Richardson; Little; Elliot; Carruthers; Moffat; Stoddart; Bowman; Huddart; "
    "Kirkbride; Mossop; Pattinson; Sewell; Thornburn; Wannop; Scott; Johnston; Brown; Taylor; Hughes; "
    "Ahmed; Kowalski; Edgar; Lowes; Steel"
)
SAFE_CONTACT = (
    "Text first from a withheld number; call only on weekday mornings, 9–11, when partner is at work.",
    "Contact through a trusted friend's mobile only. Do not send letters to the home address.",
    "Call the mobile between 12:00 and 14:00. If anyone else answers, say it is the dentist's surgery.",
    "Use email only; the phone is checked by the ex-partner.",
    "Meet at the GP surgery; never visit the home. Code word if unsafe: 'appointment'.",
    "Safe to call any weekday after 10:00. Do not leave messages.",
)
VULNERABILITIES = (
    "Long-term anxiety and depression.",
    "Mobility problems; uses a walking frame.",
    "Learning disability; needs information in easy read.",
    "Alcohol dependency, engaging with treatment service.",
    "Pregnant (second trimester).",
    "English is a second language; prefers Polish interpreter.",
    "Care leaver, aged 19.",
)

ASB_TITLES = (
    "Persistent noise and shouting from neighbouring flat, {town}",
    "Group of young people gathering and intimidating residents near shops, {town}",
    "Repeated fly-tipping in back lane, {town}",
    "Neighbour dispute with verbal abuse and damage to fencing, {town}",
    "Off-road motorbikes on playing fields, {town}",
    "Drug-related visitors and nuisance at a flat, {town}",
    "Vehicle nuisance and anti-social driving on estate, {town}",
    "Graffiti and criminal damage at bus shelters, {town}",
    "Repeat victim of harassment by neighbours, {town}",
)
DA_TITLES = (
    "Domestic abuse: controlling behaviour and threats from partner, {town}",
    "Domestic abuse: repeat incidents after separation, {town}",
    "Domestic abuse: child present at incidents, {town}",
    "Domestic abuse: stalking by ex-partner, {town}",
    "Domestic abuse: economic abuse and isolation, {town}",
    "Domestic abuse: adult child to parent, {town}",
)
HATE_TITLES = (
    "Racially aggravated harassment of shop staff, {town}",
    "Homophobic abuse in town centre at night, {town}",
    "Disability hate: repeated targeting by local youths, {town}",
    "Religious hate graffiti on community building, {town}",
    "Online and in-person abuse of a family new to the area, {town}",
)
VAWG_TITLES = (
    "Reports of women followed leaving venues at night, {town}",
    "Spiking concern linked to a licensed premises, {town}",
    "Indecent exposure near riverside path, {town}",
    "Harassment of schoolgirls at bus stop, {town}",
)
GENERAL_TITLES = (
    "Deliberate fires in derelict building, {town}",
    "Street drinking and begging in shopping area, {town}",
    "Cuckooing concern at a flat, {town}",
    "Repeated burglary attempts on allotments, {town}",
)
TENSION_TITLES = (
    "Rising tension after rumours on social media, {town}",
    "Planned protest near hotel housing asylum seekers, {town}",
)
MARAC_TITLES = (
    "MARAC: high-risk domestic abuse, escalating violence, {town}",
    "MARAC: strangulation reported, victim pregnant, {town}",
    "MARAC: repeat referral, perpetrator released from custody, {town}",
    "MARAC: threats to kill and stalking, {town}",
)

INCIDENT_TEXT: dict[str, tuple[str, ...]] = {
    IncidentCategory.ASB_PERSONAL: (
        "Resident reports being shouted at and threatened by neighbours when leaving home.",
        "Group of youths banging on windows and making threats to the occupant.",
        "Caller reports ongoing verbal abuse and being filmed by neighbours.",
        "Eggs thrown at front door; occupant frightened to go out.",
    ),
    IncidentCategory.ASB_NUISANCE: (
        "Loud music and shouting from a flat after midnight, several callers.",
        "Group of around ten young people drinking and shouting outside shops.",
        "Off-road bikes being ridden on the footpath and playing fields.",
        "Visitors coming and going at all hours, slamming doors and arguing in the street.",
        "Fireworks set off in the street late at night.",
    ),
    IncidentCategory.ASB_ENVIRONMENTAL: (
        "Bags of household waste and a mattress dumped in back lane.",
        "Fresh graffiti tags on bus shelter and shop shutters.",
        "Abandoned car with flat tyres left for several weeks.",
        "Litter and drug paraphernalia found in play area.",
    ),
    IncidentCategory.DOMESTIC_ABUSE: (
        "Police called to verbal argument at address; victim reported being pushed.",
        "Victim reports ex-partner turning up at the house and refusing to leave.",
        "Threatening messages received from ex-partner in breach of bail conditions.",
        "Neighbour called police after hearing screaming; victim has visible injuries.",
        "Victim reports partner took her phone and bank card and would not let her leave.",
    ),
    IncidentCategory.HATE: (
        "Racist comments shouted at shop worker by a customer.",
        "Homophobic abuse directed at two men outside a bar.",
        "Disabled resident called names and mimicked by youths.",
        "Offensive graffiti sprayed on the wall of a place of worship.",
    ),
    IncidentCategory.SEXUAL_OFFENCE: (
        "Woman reports being touched inappropriately in a crowded bar.",
        "Male exposed himself to women walking on the riverside path.",
        "Suspected drink spiking reported by a woman taken to hospital.",
    ),
    IncidentCategory.VIOLENCE: (
        "Assault outside a takeaway after closing time; one person treated at scene.",
        "Woman followed from a venue and grabbed by the arm; suspect ran off.",
        "Fight between two groups in the taxi queue.",
    ),
    IncidentCategory.CRIMINAL_DAMAGE: (
        "Windows smashed at a vacant shop.",
        "Car tyres slashed on residential street.",
        "Bus shelter glass broken overnight.",
    ),
    IncidentCategory.PUBLIC_ORDER: (
        "Drunk and disorderly male refusing to leave licensed premises.",
        "Large group fighting and shouting in the street; dispersed by officers.",
    ),
    IncidentCategory.DRUGS: (
        "Suspected drug dealing from a parked car reported by residents.",
        "Cannabis smell and visitors at a flat; residents concerned.",
    ),
    IncidentCategory.FIRE: (
        "Deliberate fire set in wheelie bins behind shops.",
        "Fire started in derelict building; crews attended.",
        "Grass fire set on waste ground.",
    ),
    IncidentCategory.TENSION: (
        "Rumours circulating online about an incident that did not happen.",
        "Leaflets posted through doors stirring up hostility towards newcomers.",
    ),
    IncidentCategory.OTHER: ("Concern for welfare of a person sleeping rough.",),
}

NOTES: dict[str, tuple[str, ...]] = {
    "asb": (
        "Visited the complainant; diary sheets left and explained how to record incidents.",
        "Warning letter sent to the address linked to the nuisance.",
        "Spoke to the housing provider, who will visit their tenant this week.",
        "Noise monitoring equipment installed for two weeks.",
        "Complainant reports things are quieter since the visit.",
        "Discussed at the ASB problem-solving panel; agreed joint visit.",
    ),
    "domestic_abuse": (
        "DASH completed with the victim; safety plan agreed.",
        "IDVA made contact using the safe contact arrangements.",
        "Victim does not currently support a prosecution; support continues.",
        "Target-hardening referral made to fire service for a home safety visit.",
        "Children's services informed through Operation Encompass.",
        "Bail conditions confirmed: no contact, not to attend the address.",
    ),
    "marac": (
        "Referred to MARAC following high-risk DASH (score 16).",
        "Discussed at MARAC; actions agreed for police, health and IDVA.",
        "Health flag added to GP and maternity records.",
        "IDVA reports victim engaging well with support.",
        "Perpetrator remanded; risk reviewed and reduced.",
    ),
    "hate": (
        "Victim contacted and offered support from the reporting centre.",
        "CCTV requested from the premises.",
        "Suspect identified and interviewed; file passed for charging decision.",
        "Community reassurance patrols arranged.",
    ),
    "vawg": (
        "Licensed premises visited; staff reminded of Ask for Angela.",
        "Extra patrols on Friday and Saturday nights agreed.",
        "Street lighting fault reported to the highways team.",
    ),
    "general": (
        "Site visit carried out with the landlord.",
        "Agreed joint patrol plan for the next month.",
        "Partners updated at the tasking meeting.",
    ),
    "tension": (
        "Community tension assessment completed: medium.",
        "Briefing shared with partners and community leaders.",
        "Online rumours checked; no evidence of the claimed incident.",
    ),
}

ACTIONS: dict[str, tuple[str, ...]] = {
    "asb": (
        "Joint visit to the alleged perpetrator",
        "Send warning letter",
        "Install noise monitoring",
        "Review diary sheets",
        "Contact housing provider about tenancy",
        "Consider Community Protection Warning",
        "Arrange mediation",
    ),
    "domestic_abuse": (
        "Complete DASH risk assessment",
        "Refer to IDVA service",
        "Home fire safety visit and target hardening",
        "Check bail conditions",
        "Notify school through Operation Encompass",
        "Review safety plan",
    ),
    "marac": (
        "Flag address for urgent police response",
        "Add flag to GP and maternity records",
        "IDVA to review safety plan with victim",
        "Probation to share licence conditions",
        "Refer children to early help",
        "Consider Domestic Violence Protection Notice",
    ),
    "hate": (
        "Offer victim support referral",
        "Obtain CCTV",
        "Arrange reassurance patrols",
        "Remove offensive graffiti",
    ),
    "vawg": (
        "Visit licensed premises",
        "Review street lighting",
        "Plan Friday night patrols",
        "Share safety messaging",
    ),
    "general": (
        "Secure the building",
        "Site visit with landlord",
        "Arrange clean-up",
        "Report to tasking meeting",
    ),
    "tension": ("Update tension assessment", "Brief community leaders", "Monitor social media"),
}
OUTCOMES = (
    "Done.",
    "Completed; no further concerns.",
    "Completed and recorded on agency system.",
    "Done; update given at panel.",
    "Completed; see notes.",
)


@dataclass(frozen=True)
class KindPlan:
    weight: float
    titles: tuple[str, ...]
    categories: tuple[str, ...]
    lead: tuple[tuple[str, str], ...]  # (agency key, user key) choices
    team: tuple[str, ...]  # agencies usually added (some chosen at random)
    must_team: tuple[str, ...] = ()
    risks: tuple[str, ...] = (RiskLevel.STANDARD, RiskLevel.MEDIUM)
    note_key: str = ""


PLANS: dict[str, KindPlan] = {
    "asb": KindPlan(
        0.36,
        ASB_TITLES,
        (IncidentCategory.ASB_PERSONAL, IncidentCategory.ASB_NUISANCE, IncidentCategory.ASB_ENVIRONMENTAL),
        (("council", "council"), ("council", "council"), ("police", "police")),
        ("police", "council", "fire", "health", "probation"),
        risks=(
            RiskLevel.NOT_ASSESSED,
            RiskLevel.STANDARD,
            RiskLevel.STANDARD,
            RiskLevel.MEDIUM,
            RiskLevel.HIGH,
        ),
    ),
    "domestic_abuse": KindPlan(
        0.26,
        DA_TITLES,
        (IncidentCategory.DOMESTIC_ABUSE,),
        (("police", "police"), ("charity", "charity")),
        ("charity", "police", "health", "probation", "fire"),
        risks=(RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.HIGH),
    ),
    "hate": KindPlan(
        0.10,
        HATE_TITLES,
        (IncidentCategory.HATE,),
        (("police", "police"), ("police", "police"), ("council", "council")),
        ("council", "police", "health"),
    ),
    "vawg": KindPlan(
        0.08,
        VAWG_TITLES,
        (IncidentCategory.SEXUAL_OFFENCE, IncidentCategory.VIOLENCE, IncidentCategory.PUBLIC_ORDER),
        (("police", "police"), ("council", "council")),
        ("council", "police", "charity", "health"),
    ),
    "general": KindPlan(
        0.06,
        GENERAL_TITLES,
        (
            IncidentCategory.CRIMINAL_DAMAGE,
            IncidentCategory.FIRE,
            IncidentCategory.DRUGS,
            IncidentCategory.PUBLIC_ORDER,
        ),
        (("council", "council"), ("council", "coordinator")),
        ("police", "fire"),
        risks=(RiskLevel.NOT_ASSESSED, RiskLevel.STANDARD, RiskLevel.MEDIUM),
    ),
    "tension": KindPlan(
        0.04,
        TENSION_TITLES,
        (IncidentCategory.TENSION,),
        (("council", "coordinator"),),
        ("police",),
        must_team=("police",),
    ),
    "marac": KindPlan(
        0.10,
        MARAC_TITLES,
        (IncidentCategory.DOMESTIC_ABUSE,),
        (("police", "police"), ("charity", "charity")),
        ("probation",),
        must_team=("charity", "police", "health", "council"),
        risks=(RiskLevel.HIGH,),
    ),
}
# The minimum of each kind whenever there are enough cases, so small test runs still show each.
ALWAYS = ("asb", "domestic_abuse", "marac")


def kind_counts(total: int) -> dict[str, int]:
    """How many cases of each kind: weighted, largest remainder, the main kinds at least once."""
    raw = {kind: plan.weight * total for kind, plan in PLANS.items()}
    counts = {kind: int(value) for kind, value in raw.items()}
    by_remainder = sorted(raw, key=lambda kind: (raw[kind] - counts[kind], PLANS[kind].weight), reverse=True)
    for kind in by_remainder[: total - sum(counts.values())]:
        counts[kind] += 1
    for kind in ALWAYS:
        if counts[kind] == 0 and total >= len(ALWAYS):
            spare = {k: counts[k] - (1 if k in ALWAYS else 0) for k in counts}
            donor = max(spare, key=lambda k: (spare[k], k not in ALWAYS))
            counts[donor] -= 1
            counts[kind] = 1
    return counts


# --- The builder --------------------------------------------------------------------------------------------


@dataclass
class SeedResult:
    created: bool
    counts: dict[str, int] = field(default_factory=dict)


def already_seeded() -> bool:
    return User.objects.filter(email=SEED_MARKER_EMAIL).exists()


def sign_in_rows() -> list[tuple[str, str, str]]:
    """(email, role, agency) for every demo account; the role with the job and any panel seats."""
    rows = []
    for user in USERS:
        role = f"{Role(user.role).label} ({user.job}"
        role += f"; panels: {user.panels.replace(',', ', ')})" if user.panels else ")"
        rows.append((user.email, role, AGENCY_NAMES[user.agency]))
    return rows


def demo_counts() -> dict[str, int]:
    return {
        "agencies": Agency.objects.count(),
        "users": User.objects.count(),
        "cases": Case.objects.count(),
        "people": Person.objects.count(),
        "incidents": Incident.objects.count(),
        "notes": Note.objects.count(),
        "actions": Action.objects.count(),
        "hate reports": HateReport.objects.count(),
    }


class _Builder:
    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng = rng
        self.now = now
        self.today = timezone.localtime(now, LONDON).date()
        self.first_day = self.today - timedelta(days=364)
        self.agencies: dict[str, Agency] = {}
        self.users: dict[str, User] = {}
        self.actors: dict[str, Actor] = {}
        # Hours come from a golden-ratio sequence per profile rather than independent draws, so even a small
        # demo (or test) shows the profile's shape and not sampling noise.
        self.hour_steps: dict[tuple[int, ...], float] = {}
        # Back-dating, applied in bulk at the end.
        self.backdate: dict[type, dict[int, dict[str, object]]] = {}

    # -- helpers --

    def later(self, model: type, pk: int, **values: object) -> None:
        self.backdate.setdefault(model, {}).setdefault(pk, {}).update(values)

    def pick_town(self) -> Town:
        return self.rng.choices(TOWNS, weights=[t.weight for t in TOWNS])[0]

    def street(self, town: Town, *, hotspot_bias: float = 0.0) -> str:
        if town.hotspots and self.rng.random() < hotspot_bias:
            return self.rng.choice(town.hotspots)
        return self.rng.choice(town.streets)

    def place(self, town: Town, street: str) -> dict[str, object]:
        lat = town.lat + self.rng.uniform(-JITTER, JITTER)
        lon = town.lon + self.rng.uniform(-JITTER, JITTER)
        return {
            "latitude": Decimal(f"{lat:.6f}"),
            "longitude": Decimal(f"{lon:.6f}"),
            "location_text": f"On or near {street}, {town.name}",
        }

    def day_between(self, start: date, end: date) -> date:
        """A day in [start, end], more often a Friday or Saturday, summer or bonfire season."""
        start = max(start, self.first_day)
        end = min(end, self.today)
        if end < start:
            return end
        span = (end - start).days
        top = max(WEEKDAYS) * 1.6
        for _ in range(50):
            day = start + timedelta(days=self.rng.randint(0, span))
            if self.rng.random() * top <= WEEKDAYS[day.weekday()] * _season(day):
                return day
        return day

    def moment(self, start: date, end: date, hours: tuple[int, ...] = NIGHT_HOURS) -> datetime:
        """An aware Europe/London time on a weighted day and hour, never in the future."""
        for _ in range(20):
            day = self.day_between(start, end)
            hour = self.hour(hours)
            when = datetime.combine(day, time(hour, self.rng.randint(0, 59)), tzinfo=LONDON)
            if when <= self.now:
                return when
        return self.now - timedelta(minutes=self.rng.randint(5, 600))

    def hour(self, weights: tuple[int, ...]) -> int:
        step = self.hour_steps.get(weights, self.rng.random())
        self.hour_steps[weights] = (step + GOLDEN) % 1.0
        target = step * sum(weights)
        for hour, weight in enumerate(weights):
            target -= weight
            if target < 0:
                return hour
        return 23

    def office_time(self, day: date) -> datetime:
        return datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59)), tzinfo=LONDON)

    def person_fields(self, town: Town, role: str, kind: str) -> dict[str, object]:
        rng = self.rng
        if role == ParticipantRole.VICTIM and kind in ("domestic_abuse", "marac", "vawg"):
            female_share = 0.9
        elif role == ParticipantRole.PERPETRATOR:
            female_share = 0.12
        else:
            female_share = 0.5
        female = rng.random() < female_share
        given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        fields: dict[str, object] = {
            "given_name": given,
            "family_name": rng.choice(FAMILY_NAMES),
            "gender": "Female" if female else "Male",
        }
        if role == ParticipantRole.CHILD:
            fields["date_of_birth"] = self.today - timedelta(days=rng.randint(2 * 365, 15 * 365))
        elif rng.random() < 0.75:
            fields["date_of_birth"] = self.today - timedelta(days=rng.randint(17 * 365, 80 * 365))
        if rng.random() < 0.85:
            district = rng.choice(town.postcode_districts)
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            fields["postcode"] = f"{district} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
        if role != ParticipantRole.CHILD and rng.random() < 0.7:
            fields["phone"] = f"07700 900{rng.randint(0, 999):03d}"
        if role == ParticipantRole.VICTIM and kind in ("domestic_abuse", "marac"):
            fields["safe_contact"] = rng.choice(SAFE_CONTACT)
        if role == ParticipantRole.VICTIM and rng.random() < 0.3:
            fields["vulnerabilities"] = rng.choice(VULNERABILITIES)
        return fields

    # -- agencies and users --

    def build_partnership(self) -> None:
        for spec in AGENCIES:
            agency, _ = Agency.objects.get_or_create(name=spec.name, defaults={"kind": spec.kind})
            self.agencies[spec.key] = agency
        for spec in USERS:
            user = User(
                email=spec.email,
                full_name=spec.full_name,
                is_staff=spec.role == Role.ADMINISTRATOR,
                date_joined=self.now - timedelta(days=400),
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            Membership.objects.create(user=user, agency=self.agencies[spec.agency], role=spec.role, panels=spec.panels)
            self.users[spec.key] = user
        for key, user in self.users.items():
            self.actors[key] = actor_for_user(user)
        admin = self.actors["admin"]
        for agency in self.agencies.values():
            record(admin, AuditAction.CREATE, agency, reason="demo data")
        for user in self.users.values():
            record(admin, AuditAction.CREATE, user, reason="demo data")
            for membership in user.memberships.all():
                record(admin, AuditAction.CREATE, membership, reason="demo data")
        # Every team addition and referral below relies on one of these.
        access_demo.seed(self.agencies, self.actors["coordinator"], self.today)

    # -- cases --

    def participants_for(self, kind: str) -> list[tuple[str, str]]:
        """(role, lawful basis) for 1–3 people on a case of this kind."""
        rng = self.rng
        victim_basis = LawfulBasis.CONSENT
        if kind == "marac":
            victim_basis = rng.choice((LawfulBasis.CONSENT, LawfulBasis.SAFEGUARDING, LawfulBasis.VITAL_INTERESTS))
        people = []
        if kind in ("general", "tension"):
            people.append((ParticipantRole.SUBJECT, LawfulBasis.PREVENT_CRIME))
            if rng.random() < 0.5:
                people.append((ParticipantRole.WITNESS, LawfulBasis.CONSENT))
            return people
        people.append((ParticipantRole.VICTIM, victim_basis))
        if kind in ("domestic_abuse", "marac"):
            people.append((ParticipantRole.PERPETRATOR, LawfulBasis.PREVENT_CRIME))
            if rng.random() < 0.45:
                people.append((ParticipantRole.CHILD, LawfulBasis.SAFEGUARDING))
        else:
            if rng.random() < 0.6:
                people.append((ParticipantRole.PERPETRATOR, LawfulBasis.PREVENT_CRIME))
            if rng.random() < 0.3:
                people.append((ParticipantRole.WITNESS, LawfulBasis.CONSENT))
        return people[:3]

    def user_for_agency(self, agency_key: str) -> str:
        return {"council": "council", "hub": "council"}.get(agency_key, agency_key)

    def build_case(self, kind: str, opened_on: date) -> Case:
        rng = self.rng
        plan = PLANS[kind]
        town = self.pick_town()
        home_street = self.street(town)
        lead_agency, lead_user = rng.choice(plan.lead)
        acting = self.actors[lead_user]
        case = do_create_case(
            acting=acting,
            kind=kind,
            title=rng.choice(plan.titles).format(town=town.name),
            risk_level=rng.choice(plan.risks),
            lead_agency=self.agencies[lead_agency],
            lead_officer=self.users[lead_user],
            opened_on=opened_on,
        )
        opened_at = self.office_time(opened_on)
        self.later(Case, case.pk, created_at=opened_at)
        for member in case.team.all():
            self.later(CaseTeamMember, member.pk, added_at=opened_at)

        # Status decided up front so the chronology ends where the case does.
        roll = rng.random()
        age = (self.today - opened_on).days
        if age > 45 and roll < 0.25:
            status = CaseStatus.CLOSED
            end = opened_on + timedelta(days=rng.randint(30, min(age, 200)))
        elif roll < 0.32:
            status, end = CaseStatus.ON_HOLD, self.today
        else:
            status, end = CaseStatus.OPEN, self.today

        people: list[Person] = []
        for role, basis in self.participants_for(kind):
            explanation = {
                LawfulBasis.CONSENT: "Consent given verbally and recorded on first contact.",
                LawfulBasis.SAFEGUARDING: "Sharing needed to safeguard a child or adult at risk.",
                LawfulBasis.PREVENT_CRIME: "Sharing needed to prevent further offending (CDA 1998 s.115).",
                LawfulBasis.VITAL_INTERESTS: "High risk of serious harm; sharing needed to protect life.",
            }[basis]
            participant = do_add_participant(
                case=case,
                person_fields=self.person_fields(town, role, kind),
                role=role,
                basis=basis,
                basis_explanation=explanation,
                acting=acting,
            )
            people.append(participant.person)
            self.later(CaseParticipant, participant.pk, added_at=opened_at)
            self.later(Person, participant.person_id, created_at=opened_at)
            for sharing in SharingBasis.objects.filter(person_id=participant.person_id).only("pk"):
                self.later(SharingBasis, sharing.pk, recorded_at=opened_at)

        # The team: the kind's required partners, then some of the usual ones.
        wanted = list(plan.must_team)
        optional = [a for a in plan.team if a not in wanted]
        rng.shuffle(optional)
        wanted += optional[: rng.randint(0 if plan.must_team else 1, min(2, len(optional)))]
        team_agencies = [lead_agency]
        for agency_key in wanted:
            if agency_key == lead_agency:
                continue
            sensitive = kind == "marac" or agency_key in ("police", "charity") or rng.random() < 0.35
            member = do_add_team_agency(
                case=case, agency=self.agencies[agency_key], sensitive_access=sensitive, acting=acting
            )
            team_agencies.append(agency_key)
            added_on = min(opened_on + timedelta(days=rng.randint(0, 10)), end)
            self.later(CaseTeamMember, member.pk, added_at=self.office_time(added_on))

        # Incidents: one or two before the case was opened, the rest while it was open.
        primary = rng.choice(plan.categories)
        for index in range(rng.randint(2, 8)):
            category = primary if rng.random() < 0.7 else rng.choice(plan.categories)
            cat_hours = DAY_HOURS if category == IncidentCategory.ASB_ENVIRONMENTAL else NIGHT_HOURS
            if index == 0:
                occurred = self.moment(opened_on - timedelta(days=30), opened_on - timedelta(days=1), cat_hours)
            else:
                occurred = self.moment(opened_on, end, cat_hours)
            source = self.incident_source(kind, category, lead_agency)
            street = home_street if rng.random() < 0.7 else self.street(town, hotspot_bias=0.5)
            incident = do_record_incident(
                acting=self.actors[self.user_for_agency(source)],
                cases=[case],
                people=[p for p in people if rng.random() < 0.8],
                occurred_at=occurred,
                category=category,
                description=rng.choice(INCIDENT_TEXT[category]),
                source_agency=self.agencies[source],
                external_reference=self.external_reference(source, occurred),
                **self.place(town, street),
            )
            self.later(Incident, incident.pk, created_at=occurred + timedelta(minutes=rng.randint(20, 60 * 30)))

        # Notes and actions by the team.
        note_texts = NOTES.get(kind, NOTES["general"])
        for text in rng.sample(note_texts, k=min(len(note_texts), rng.randint(1, 4))):
            author = rng.choice(team_agencies)
            note = do_add_note(case=case, text=text, acting=self.actors[self.user_for_agency(author)])
            self.later(Note, note.pk, created_at=self.office_time(self.day_between(opened_on, end)))
        action_titles = ACTIONS.get(kind, ACTIONS["general"])
        for title in rng.sample(action_titles, k=min(len(action_titles), rng.randint(1, 4))):
            self.build_action(case, title, team_agencies, acting, opened_on, end, closing=status == CaseStatus.CLOSED)

        if status != CaseStatus.OPEN:
            changes: dict[str, object] = {"status": status}
            if status == CaseStatus.CLOSED:
                changes["closed_on"] = end
            do_update_case(case=case, acting=acting, changes=changes)
        return case

    def build_action(
        self,
        case: Case,
        title: str,
        team: list[str],
        acting: Actor,
        opened_on: date,
        end: date,
        *,
        closing: bool,
    ) -> None:
        rng = self.rng
        owner_key = rng.choice(team)
        created_on = self.day_between(opened_on, max(opened_on, end - timedelta(days=3)))
        due_on = created_on + timedelta(days=rng.choice((7, 14, 14, 21, 28, 42)))
        owner_user = self.users[self.user_for_agency(owner_key)] if rng.random() < 0.5 else None
        action = do_add_action(
            case=case,
            acting=acting,
            title=title,
            owner_agency=self.agencies[owner_key],
            owner_user=owner_user,
            due_on=due_on,
        )
        self.later(Action, action.pk, created_at=self.office_time(created_on))
        if closing:
            done = True
        elif due_on < self.today:
            done = rng.random() < 0.6  # the rest are overdue
        else:
            done = rng.random() < 0.2
        if done:
            do_complete_action(
                action=action,
                outcome=rng.choice(OUTCOMES),
                acting=self.actors[self.user_for_agency(owner_key)],
            )
            finished = created_on + timedelta(days=rng.randint(1, max(1, (due_on - created_on).days + 5)))
            finished = min(finished, end, self.today)
            self.later(Action, action.pk, completed_at=max(self.office_time(finished), self.office_time(created_on)))

    def incident_source(self, kind: str, category: str, lead_agency: str) -> str:
        rng = self.rng
        if category == IncidentCategory.FIRE:
            return "fire"
        if category == IncidentCategory.ASB_ENVIRONMENTAL:
            return "council"
        if kind in ("domestic_abuse", "marac"):
            return "police" if rng.random() < 0.8 else "charity"
        if kind == "asb":
            return rng.choice(("police", "council", lead_agency))
        return "police" if rng.random() < 0.75 else "council"

    def external_reference(self, source: str, occurred: datetime) -> str:
        if source == "police":
            return f"CUMB-{occurred:%y%m%d}-{self.rng.randint(1, 999):04d}"
        if source == "council":
            return f"ASB/{occurred:%Y}/{self.rng.randint(100, 9999)}"
        return ""

    # -- standalone incidents for analysis --

    def build_standalone_incidents(self, total: int) -> None:
        rng = self.rng
        police = (
            (IncidentCategory.ASB_NUISANCE, 30),
            (IncidentCategory.ASB_PERSONAL, 14),
            (IncidentCategory.VIOLENCE, 14),
            (IncidentCategory.PUBLIC_ORDER, 10),
            (IncidentCategory.CRIMINAL_DAMAGE, 9),
            (IncidentCategory.DRUGS, 6),
            (IncidentCategory.DOMESTIC_ABUSE, 8),
            (IncidentCategory.HATE, 4),
            (IncidentCategory.SEXUAL_OFFENCE, 4),
        )
        council = (
            (IncidentCategory.ASB_ENVIRONMENTAL, 45),
            (IncidentCategory.ASB_NUISANCE, 30),
            (IncidentCategory.CRIMINAL_DAMAGE, 15),
            (IncidentCategory.FIRE, 5),
            (IncidentCategory.OTHER, 5),
        )
        for _ in range(total):
            source = "police" if rng.random() < 0.7 else "council"
            table = police if source == "police" else council
            category = rng.choices([c for c, _ in table], weights=[w for _, w in table])[0]
            hours = (
                DAY_HOURS if category in (IncidentCategory.ASB_ENVIRONMENTAL, IncidentCategory.OTHER) else NIGHT_HOURS
            )
            occurred = self.moment(self.first_day, self.today, hours)
            town = self.pick_town()
            street_bias = 0.6 if hours is NIGHT_HOURS and occurred.hour in (20, 21, 22, 23, 0, 1, 2) else 0.1
            incident = do_record_incident(
                acting=self.actors[source],
                occurred_at=occurred,
                category=category,
                description=rng.choice(INCIDENT_TEXT[category]),
                source_agency=self.agencies[source],
                external_reference=self.external_reference(source, occurred),
                **self.place(town, self.street(town, hotspot_bias=street_bias)),
            )
            self.later(Incident, incident.pk, created_at=occurred + timedelta(minutes=rng.randint(10, 60 * 24)))

    def apply_backdating(self) -> None:
        for model, rows in self.backdate.items():
            fields = sorted({name for values in rows.values() for name in values})
            objects = list(model.objects.filter(pk__in=rows).only("pk", *fields))
            for obj in objects:
                for name, value in rows[obj.pk].items():
                    setattr(obj, name, value)
            model.objects.bulk_update(objects, fields, batch_size=500)


def seed(
    *,
    cases: int = DEFAULT_CASES,
    incidents: int = DEFAULT_INCIDENTS,
    seed_value: int = DEFAULT_SEED,
    progress: Callable[[str], None] | None = None,
    now: datetime | None = None,
    with_domains: bool = True,
) -> SeedResult:
    """Build the demo data unless it is already there. One transaction: all or nothing."""
    rng = random.Random(seed_value)
    say = progress or (lambda _message: None)
    with transaction.atomic():
        if already_seeded():
            return SeedResult(created=False, counts=demo_counts())
        builder = _Builder(rng, now or timezone.now())
        builder.build_partnership()
        say(f"{len(AGENCIES)} agencies and {len(USERS)} staff accounts")
        plan = [kind for kind, count in kind_counts(cases).items() for _ in range(count)]
        rng.shuffle(plan)
        opened = sorted(builder.today - timedelta(days=rng.randint(3, 350)) for _ in plan)
        for kind, opened_on in zip(plan, opened, strict=True):
            builder.build_case(kind, opened_on)
        say(f"{cases} cases")
        builder.build_standalone_incidents(incidents)
        say(f"{incidents} incidents not linked to a case")
        if with_domains:
            _seed_domains_before_backdating(rng, builder, say)
        builder.apply_backdating()
        if with_domains:
            _seed_domains(rng, builder, say)
    return SeedResult(created=True, counts=demo_counts())


def _seed_domains_before_backdating(rng: random.Random, builder: "_Builder", say: Callable[[str], None]) -> None:
    """The domain apps' demo data that sits among the case file's incidents. Imported here: each builds on
    this module's partnership, towns and people."""
    from analytics import demo as analytics_demo
    from asb import demo as asb_demo
    from vawg import demo as vawg_demo

    asb_demo.seed(rng, builder.actors, builder.agencies, builder.now)
    say("antisocial behaviour: repeat victims, a PSPO and ASB Case Review applications")
    analytics_demo.seed(rng, builder.now)
    say("police.uk and partner data for analysis")
    vawg_demo.seed(rng, builder.actors, builder.now)
    say("venues, campaigns and unsafe-place reports")


def _seed_domains(rng: random.Random, builder: "_Builder", say: Callable[[str], None]) -> None:
    from domestic_abuse import demo as da_demo
    from hate_crime import demo as hate_demo
    from retention import demo as retention_demo
    from reviews import demo as reviews_demo
    from rights import demo as rights_demo
    from strategy import demo as strategy_demo
    from tension import demo as tension_demo

    hate_demo.seed(rng, agencies=builder.agencies, users=builder.users, now=builder.now)
    say("hate incident reports")
    da_demo.seed(rng, users=builder.users, agencies=builder.agencies, today=builder.today)
    say("DASH assessments, MARAC meetings, perpetrators, Operation Encompass and the support directory")
    tension_demo.seed(rng, builder.users)
    say("a community tension scenario")
    reviews_demo.seed(rng, builder.users["coordinator"], builder.agencies["police"], builder.today)
    say("Domestic Homicide Reviews, Channel and Prevent")
    rights_demo.seed(rng, builder.users["coordinator"], builder.today)
    say("subject access, rectification and erasure requests")
    retention_demo.seed(builder.users["coordinator"], builder.today)
    say("legal holds and the retention schedule's plan")
    strategy_demo.seed(rng, builder.today)  # last: its figures are computed from everything above
    say("the strategy's measures and indicators")
