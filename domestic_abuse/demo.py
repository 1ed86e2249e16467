"""Demo data for the domestic abuse module, built on the demo DA cases core/demo.py makes.

Call after core's cases exist (see ``seed``). Every write goes through this module's actions, acting as the
demo staff, so the audit trail is the one real use would leave. Everything is invented: service names are
generic descriptions, not real charities; school names are made up; phone numbers are Ofcom drama numbers.
Deterministic for a given ``rng`` and ``today``.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.easter import easter
from django.utils import timezone

from access.models import LawfulBasis
from access.policy import Actor, actor_for_user
from audit.log import record
from audit.models import AuditAction
from core.actions import do_add_action, do_add_participant, do_complete_action, do_create_case, do_record_incident
from core.models import Case, ParticipantRole, Person
from domestic_abuse import actions, rules
from domestic_abuse import safeguarding_actions as safeguarding
from domestic_abuse.config import setting
from domestic_abuse.directory_actions import do_save_support_service
from domestic_abuse.models import (
    DashAssessment,
    DashQuestion,
    EncompassNotification,
    MaracReferral,
    MaracResearch,
    ReferralStatus,
    School,
    SchoolClosure,
    SelfReferral,
)

LONDON = ZoneInfo("Europe/London")
DOMAIN = "demo.csphub.test"
NEEDED_CASES = 7

# (slug, name, category, description, eligibility, phone, hours, route, takes self-referrals, agency key)
SERVICES = (
    ("idva-service", "Independent domestic violence advisers (IDVA service)", "idva",
     "Free, private support if you are at high risk of harm from a partner, ex-partner or family member. "
     "An adviser helps you make a safety plan, and works with the police, courts and housing for you.",
     "Anyone aged 16 or over living in Cumberland", "01228 900101", "Monday to Friday, 9am to 5pm",
     "Call, or ask them to contact you through this website", True, "charity"),
    ("safe-accommodation", "Safe accommodation and refuge", "refuge",
     "A safe place to stay for you and your children if you need to leave home. Staff are there every day.",
     "Women, and women with children, fleeing domestic abuse", "01228 900102", "Every day, any time",
     "Call at any time. You do not need a referral from anyone else.", False, None),
    ("national-helpline", "24-hour domestic abuse helpline", "helpline",
     "Someone to talk to, day or night. They listen, tell you what your options are and can find you a refuge "
     "space anywhere in the country.", "Anyone worried about domestic abuse", "0808 900 0103",
     "Every day, any time", "Call, or use the web chat on their website", False, None),
    ("mens-advice-line", "Advice line for men", "men",
     "Confidential advice for men experiencing domestic abuse from a partner, ex-partner or family member.",
     "Men aged 16 or over", "0808 900 0104", "Monday to Friday, 9am to 8pm", "Call or email", False, None),
    ("lgbt-helpline", "LGBT+ domestic abuse helpline", "lgbt",
     "Support from people who understand, for lesbian, gay, bisexual, trans and queer people experiencing abuse.",
     "LGBT+ people aged 16 or over", "0808 900 0105", "Monday to Thursday, 10am to 8pm", "Call or email",
     False, None),
    ("sexual-violence-support", "Sexual violence support and advisers (ISVA)", "isva",
     "Help after rape or sexual assault, whenever it happened. Advisers support you whether or not you tell "
     "the police. The sexual assault referral centre can see you for a medical examination.",
     "Anyone aged 13 or over", "01228 900106", "Every day, any time",
     "Call, or ask them to contact you through this website", True, "charity"),
    ("children-young-people", "Children and young people's support service", "children",
     "One-to-one and group support for children who have lived with domestic abuse at home.",
     "Children and young people aged 5 to 18, with a parent's agreement", "01228 900107",
     "Monday to Friday, 9am to 5pm", "A parent, school or social worker can refer", False, None),
    ("change-programme", "Behaviour change programme for people who harm", "helpline",
     "A programme for people who want to stop being abusive to a partner. It runs alongside support for the "
     "partner, to keep them safe.", "Adults who have been abusive to a partner", "0808 900 0108",
     "Monday to Friday, 10am to 4pm", "Call. You can refer yourself, or be referred by a professional.",
     False, "probation"),
)

SAFE_CONTACT = "Text first from a withheld number; call only on weekday mornings when her partner is at work."
CALL_OUTS = (
    "Police called to an argument at the address; victim reported being pushed.",
    "Ex-partner turned up at the house and refused to leave.",
    "Threatening messages from ex-partner in breach of bail conditions.",
)

# (name, town)
SCHOOLS = (
    ("Riverside Fold Primary School", "Carlisle"), ("Castlegate Junior School", "Carlisle"),
    ("Eden Bridge Academy", "Carlisle"), ("Harbourside Primary School", "Workington"),
    ("Solway Coast Academy", "Workington"), ("Fellview Primary School", "Whitehaven"),
    ("Saltings Primary School", "Maryport"), ("Derwent Meadows School", "Cockermouth"),
)


def school_year_closures(today: date) -> list[tuple[str, date, date]]:
    """A typical English school year's closures (half-terms, holidays, training days) for the year holding
    ``today``. Real calendars differ by a few days between councils, so the partnership edits these."""
    start = today.year if today.month >= 9 else today.year - 1
    end = start + 1

    def monday_on_or_before(day: date) -> date:
        return day - timedelta(days=day.weekday())

    last_oct_monday = monday_on_or_before(date(start, 10, 31))
    may_bank_holiday = monday_on_or_before(date(end, 5, 31))
    good_friday = easter(end) - timedelta(days=2)
    christmas_from = monday_on_or_before(date(start, 12, 22))
    return [
        ("Training day (start of year)", date(start, 9, 1), date(start, 9, 1)),
        ("October half-term", last_oct_monday, last_oct_monday + timedelta(days=4)),
        ("Christmas holiday", christmas_from, christmas_from + timedelta(days=12)),
        ("Training day (January)", christmas_from + timedelta(days=14), christmas_from + timedelta(days=14)),
        ("February half-term", monday_on_or_before(date(end, 2, 20)), monday_on_or_before(date(end, 2, 20))
         + timedelta(days=4)),
        ("Easter holiday", good_friday - timedelta(days=4), good_friday + timedelta(days=10)),
        ("May half-term", may_bank_holiday, may_bank_holiday + timedelta(days=4)),
        ("Summer holiday", date(end, 7, 22), date(end, 9, 1)),
    ]


@dataclass
class _Seed:
    rng: random.Random
    users: dict[str, Any]
    agencies: dict[str, Any]
    today: date

    def actor(self, key: str) -> Actor:
        return actor_for_user(self.users[key])

    def at(self, day: date, hour: int = 10) -> datetime:
        return datetime.combine(day, time(hour, self.rng.choice((0, 15, 30, 45))), tzinfo=LONDON)

    # -- directory, schools and calendar --

    def directory(self) -> None:
        for slug, name, category, description, eligibility, phone, hours, route, takes, agency in SERVICES:
            do_save_support_service(service=None, acting=self.actor("coordinator"), fields={
                "slug": slug, "name": name, "category": category, "description": description,
                "eligibility": eligibility, "area": "Cumberland", "phone": phone, "opening_hours": hours,
                "referral_route": route, "accepts_self_referral": takes,
                "referral_email": f"referrals@{slug}.{DOMAIN}" if takes else "",
                "agency": self.agencies[agency] if agency else None})

    def schools(self) -> list[School]:
        admin = self.actor("admin")
        made = []
        for name, town in SCHOOLS:
            mailbox = name.lower().replace(" ", "-").replace("'", "")
            school = School.objects.create(name=name, area=town, key_adult_email=f"dsl@{mailbox}.{DOMAIN}")
            record(admin, AuditAction.CREATE, school, reason="demo data")
            made.append(school)
        for name, first, last in school_year_closures(self.today):
            closure = SchoolClosure.objects.create(name=name, first_day=first, last_day=last)
            record(admin, AuditAction.CREATE, closure, reason="demo data")
        return made

    # -- cases --

    def cases(self) -> list[Case]:
        """Core's demo DA cases, oldest first; topped up if a small demo made fewer than this module needs."""
        found = list(Case.objects.filter(kind="domestic_abuse").order_by("opened_on", "pk")[:NEEDED_CASES])
        for index in range(len(found), NEEDED_CASES):
            acting = self.actor("police")
            case = do_create_case(acting=acting, kind="domestic_abuse", title="Domestic abuse: repeat incidents",
                                  lead_agency=self.agencies["police"], lead_officer=self.users["police"],
                                  opened_on=self.today - timedelta(days=300 - 30 * index))
            people = []
            for role, given, extra in ((ParticipantRole.VICTIM, "Hannah", {"safe_contact": SAFE_CONTACT}),
                                       (ParticipantRole.PERPETRATOR, "Craig", {})):
                people.append(do_add_participant(
                    case=case, role=role, basis=LawfulBasis.SAFEGUARDING, acting=acting,
                    basis_explanation="Sharing needed to protect from serious harm.",
                    person_fields={"given_name": given, "family_name": f"Demo{index}", **extra}).person)
            for days_ago in (250 - 30 * index, 150 - 15 * index, 40 - 3 * index):
                do_record_incident(acting=acting, cases=[case], people=people, category="domestic_abuse",
                                   occurred_at=self.at(self.today - timedelta(days=days_ago), 22),
                                   description=self.rng.choice(CALL_OUTS), source_agency=self.agencies["police"],
                                   location_text="Carlisle")
            found.append(case)
        return found

    def lead(self, case: Case) -> Actor:
        return actor_for_user(case.lead_officer) if case.lead_officer else self.actor("police")

    def person(self, case: Case, role: str) -> Person | None:
        link = case.participants.filter(role=role).select_related("person").order_by("pk").first()
        return link.person if link else None

    def child(self, case: Case, schools: list[School], index: int) -> Person:
        child = self.person(case, ParticipantRole.CHILD)
        victim = self.person(case, ParticipantRole.VICTIM)
        if child is None:
            child = do_add_participant(
                case=case, role=ParticipantRole.CHILD, basis=LawfulBasis.SAFEGUARDING, acting=self.lead(case),
                basis_explanation="Sharing needed to safeguard a child.",
                person_fields={"given_name": self.rng.choice(("Ellie", "Jack", "Mia", "Noah", "Ava")),
                               "family_name": victim.family_name if victim else "",
                               "date_of_birth": self.today - timedelta(days=365 * (6 + index) + 40)}).person
        safeguarding.do_set_child_school(case=case, child=child, school=schools[index % len(schools)],
                                         acting=self.lead(case))
        return child

    def dash(self, case: Case, yes: int, *, on: date, judgement: str = "") -> DashAssessment:
        victim = self.person(case, ParticipantRole.VICTIM)
        numbers = list(DashQuestion.objects.filter(version=actions.current_dash_version())
                       .values_list("number", flat=True))
        chosen = set(self.rng.sample(numbers, k=min(yes, len(numbers))))
        answers = {n: ("yes" if n in chosen else self.rng.choice(("no", "no", "not_known")), "") for n in numbers}
        assessment = actions.do_complete_dash(case=case, victim=victim, answers=answers,
                                              version=actions.current_dash_version(),
                                              professional_judgement=bool(judgement), judgement_reason=judgement,
                                              acting=self.lead(case))
        # Back-dated like core's demo records; the audit events keep the time the seed ran.
        DashAssessment.objects.filter(pk=assessment.pk).update(assessed_on=on, created_at=self.at(on))
        return assessment

    def refer(self, assessment: DashAssessment, on: date) -> MaracReferral:
        referral = MaracReferral.objects.get(assessment=assessment, status=ReferralStatus.PROPOSED)
        actions.do_submit_referral(referral=referral, idva_engaged=self.rng.random() < 0.7, victim_aware=True,
                                   safe_contact="Call the mobile on weekday mornings only. Do not leave messages.",
                                   basis=LawfulBasis.SAFEGUARDING, acting=self.lead(assessment.case),
                                   referred_on=on)
        MaracReferral.objects.filter(pk=referral.pk).update(created_at=self.at(on))
        referral.refresh_from_db()
        return referral

    # -- MARAC --

    def meeting(self, held_on: date, referrals: list[MaracReferral], *, past: bool) -> None:
        coordinator = self.actor("coordinator")
        keys = ("police", "charity", "health", "probation", "council")
        meeting = actions.do_create_meeting(
            title=f"Cumberland MARAC, {held_on:%B %Y}", held_at=self.at(held_on, 10),
            location="Civic Centre, Carlisle, committee room 2", agencies=[self.agencies[k] for k in keys],
            acting=coordinator)
        researcher = {self.agencies[k].pk: "coordinator" if k == "council" else k for k in keys}
        for number, referral in enumerate(referrals):
            item = actions.do_list_referral(meeting=meeting, referral=referral, acting=coordinator)
            for research in MaracResearch.objects.filter(agenda_item=item).order_by("pk"):
                if not past and (number + research.agency_id) % 3 == 0:
                    continue  # upcoming meeting: some agencies still to return their research
                holds = self.rng.random() < 0.6
                actions.do_submit_research(
                    research=research, holds_information=holds, acting=self.actor(researcher[research.agency_id]),
                    summary="Known to us: two contacts in the last six months, last one a welfare check." if holds
                    else "")
            if past:
                actions.do_record_minutes(item=item, acting=coordinator, minutes=(
                    "Risk discussed. Perpetrator's bail conditions confirmed. IDVA to keep weekly contact. "
                    "Housing to fit target-hardening. Police to flag the address for an urgent response."))
                for title, key, days in (("Flag the address for an urgent police response", "police", 2),
                                         ("Complete a home security survey", "council", 14),
                                         ("Offer the victim weekly IDVA contact", "charity", 7)):
                    action = do_add_action(case=item.case, meeting=meeting, acting=coordinator, title=title,
                                           owner_agency=self.agencies[key], due_on=held_on + timedelta(days=days))
                    # Older meetings' actions are all done; the last meeting leaves one overdue to chase.
                    if held_on < self.today - timedelta(days=60) or key != "council":
                        do_complete_action(action=action, outcome="Done.", acting=self.actor(researcher[
                            self.agencies[key].pk]))

    # -- perpetrators, children, self-referrals --

    def perpetrators(self, cases: list[Case]) -> None:
        serial = self.person(cases[0], ParticipantRole.PERPETRATOR)
        other = cases[3]
        if serial is not None and not other.participants.filter(person=serial).exists():
            safeguarding.do_link_perpetrator(case=other, person=serial, acting=self.lead(other))
        ask_case, know_case = cases[1], cases[2]
        for case, kind, days_ago, notes in (
            (ask_case, "dvds_ask", 10, "Right to ask made by the victim at the police front desk."),
            (know_case, "dvds_know", 35, "Raised after intelligence from probation. Decision overdue."),
            (cases[0], "behaviour_change", 60, "Referred to the behaviour change programme; assessment booked."),
            (cases[0], "enforcement", 90, "Arrested; bail conditions not to contact the victim."),
        ):
            perpetrator = self.person(case, ParticipantRole.PERPETRATOR)
            if perpetrator is None:
                continue
            intervention = safeguarding.do_record_intervention(
                case=case, perpetrator=perpetrator, kind=kind, started_on=self.today - timedelta(days=days_ago),
                notes=notes, acting=self.actor("police"))
            if kind == "enforcement":
                safeguarding.do_decide_intervention(intervention=intervention, outcome="done", notes="",
                                                    decided_on=self.today - timedelta(days=88),
                                                    acting=self.actor("police"))

    def encompass(self, cases: list[Case], schools: list[School]) -> None:
        """One notification acknowledged, one overdue (escalated), one waiting for tomorrow's school day.

        The overdue one is the latest evening call-out whose school-day deadline has passed, found from the
        school calendar, so the demo shows an overdue notification even in a school holiday."""
        police = self.actor("police")
        now = timezone.now()
        closures = safeguarding.school_closures()
        starts = setting("DA_SCHOOL_DAY_START")
        overdue_at = next(moment for days in range(2, 120)
                          if rules.encompass_due(moment := self.at(self.today - timedelta(days=days), 19),
                                                 closures=closures, school_starts=starts) < now)
        plan = ((cases[4], overdue_at - timedelta(days=3), True), (cases[5], overdue_at, False),
                (cases[6], now - timedelta(minutes=10), False))
        for index, (case, when, acknowledge) in enumerate(plan):
            self.child(case, schools, index)
            incident = safeguarding.do_record_police_attendance(
                case=case, occurred_at=when, location_text="", acting=police,
                description="Police attended a verbal argument; children in the house at the time.")
            for notification in EncompassNotification.objects.filter(incident=incident):
                if acknowledge:
                    safeguarding.do_acknowledge_encompass(notification)
        safeguarding.escalate_overdue_encompass(now)

    def self_referrals(self) -> None:
        from domestic_abuse.models import SupportService

        idva = SupportService.objects.get(slug="idva-service")
        isva = SupportService.objects.get(slug="sexual-violence-support")
        for service, name, method, detail, days_ago, contacted in (
            (idva, "Jo", "phone", "07700 900461", 9, True),
            (isva, "K", "email", f"k.safe@{DOMAIN}", 1, False),
        ):
            reference, _ = safeguarding.create_self_referral({
                "service": service.pk, "name": name, "contact_method": method, "contact_detail": detail,
                "safe_times": "Weekday mornings", "leave_message": "no", "message": "I would like to talk to someone."})
            received = self.at(self.today - timedelta(days=days_ago), 21)
            SelfReferral.objects.filter(reference=reference).update(received_at=received)
            if contacted:
                referral = SelfReferral.objects.get(reference=reference)
                safeguarding.do_record_first_contact(referral=referral, when=received + timedelta(hours=16),
                                                     acting=self.actor("charity"))


def _thursday(day: date) -> date:
    """MARACs here meet on Thursdays: the Thursday on or before ``day``."""
    return day - timedelta(days=(day.weekday() - 3) % 7)


def seed(rng: random.Random, users: dict[str, Any], agencies: dict[str, Any], today: date) -> dict[str, int]:
    """Build the module's demo data. ``users`` and ``agencies`` are core/demo.py's ``_Builder.users`` and
    ``.agencies`` (keys coordinator, admin, police, charity, health, probation, council)."""
    s = _Seed(rng, users, agencies, today)
    s.directory()
    schools = s.schools()
    cases = s.cases()
    s.perpetrators(cases)  # first, so the serial perpetrator is on the MARAC case opened from cases[3]
    # One victim's story: referred, heard, then back within 12 months (a repeat).
    repeat_case = cases[0]
    first = s.refer(s.dash(repeat_case, 15, on=today - timedelta(days=214)), today - timedelta(days=212))
    heard = []
    for case, yes, days_ago in ((cases[1], 16, 40), (cases[2], 9, 38)):
        judgement = "Strangulation disclosed; victim very frightened." if yes < 14 else ""
        heard.append(s.refer(s.dash(case, yes, on=today - timedelta(days=days_ago), judgement=judgement),
                             today - timedelta(days=days_ago - 1)))
    s.meeting(_thursday(today - timedelta(days=200)), [first], past=True)
    s.meeting(_thursday(today - timedelta(days=28)), heard, past=True)
    upcoming = [s.refer(s.dash(repeat_case, 17, on=today - timedelta(days=12)), today - timedelta(days=11)),
                s.refer(s.dash(cases[3], 14, on=today - timedelta(days=6)), today - timedelta(days=5))]
    s.meeting(_thursday(today + timedelta(days=20)), upcoming, past=False)
    s.dash(cases[4], 11, on=today - timedelta(days=20))  # medium risk
    s.dash(cases[5], 6, on=today - timedelta(days=15))  # standard risk
    waiting = MaracReferral.objects.filter(status=ReferralStatus.PROPOSED).order_by("pk").first()
    if waiting is not None:  # the escalation criterion proposed a referral: the practitioner decides not to
        actions.do_decline_referral(referral=waiting, acting=s.lead(waiting.case),
                                    reason="Incidents were verbal and the victim is now living with family "
                                           "out of area; IDVA support continues.")
    s.encompass(cases, schools)
    s.self_referrals()
    return {"services": len(SERVICES), "schools": len(schools), "dash": DashAssessment.objects.count(),
            "marac_referrals": MaracReferral.objects.exclude(referred_on=None).count(),
            "encompass": EncompassNotification.objects.count(), "self_referrals": SelfReferral.objects.count()}
