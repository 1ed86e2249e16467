"""The domestic abuse rules: pure functions, data in, answer and the reason for it out.

No request, no database. Thresholds and windows come in as arguments (callers pass ``config.setting``
values), so each rule can be tested with a table of real-world cases.
"""

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays
from django.utils import timezone

YES, NO, NOT_KNOWN = "yes", "no", "not_known"
HIGH, MEDIUM, STANDARD = "high", "medium", "standard"


# --- DASH ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DashResult:
    score: int
    level: str
    reason: str


def dash_result(answers: Iterable[str], *, professional_judgement: bool, high: int, medium: int) -> DashResult:
    """The score is the number of "yes" answers ("not known" is not a yes). 14+ is high risk, 10-13 medium,
    below 10 standard; a practitioner's professional judgement makes the result high whatever the score."""
    score = sum(1 for answer in answers if answer == YES)
    if score >= high:
        return DashResult(score, HIGH, f"{score} yes answers: at or above the high-risk threshold of {high}")
    if professional_judgement:
        return DashResult(score, HIGH, f"{score} yes answers, raised to high risk on professional judgement")
    if score >= medium:
        return DashResult(score, MEDIUM, f"{score} yes answers: from {medium} to {high - 1} is medium risk")
    return DashResult(score, STANDARD, f"{score} yes answers: below {medium} is standard risk")


# --- MARAC referral criteria --------------------------------------------------------------------------


@dataclass(frozen=True)
class MaracCriteria:
    visible_high_risk: bool
    professional_judgement: bool
    potential_escalation: bool
    reasons: tuple[str, ...] = field(default=())

    @property
    def met(self) -> bool:
        return self.visible_high_risk or self.professional_judgement or self.potential_escalation

    @property
    def codes(self) -> list[str]:
        flags = [("visible_high_risk", self.visible_high_risk), ("professional_judgement", self.professional_judgement),
                 ("potential_escalation", self.potential_escalation)]
        return [code for code, met in flags if met]


def count_recent_incidents(incidents: Iterable[tuple[datetime, str]], *, as_of: datetime, window_days: int,
                           police_only: bool) -> int:
    """Incidents (when, source agency kind) in the window before ``as_of``. SafeLives counts any reported
    incident, not only police call-outs, unless the partnership chooses otherwise."""
    start = as_of - timedelta(days=window_days)
    return sum(1 for when, source in incidents
               if start <= when <= as_of and (not police_only or source == "police"))


def marac_criteria(*, score: int, professional_judgement: bool, recent_incidents: int, high: int,
                   escalation_incidents: int, window_days: int) -> MaracCriteria:
    reasons = []
    visible = score >= high
    if visible:
        reasons.append(f"Visible high risk: {score} yes answers (threshold {high})")
    if professional_judgement:
        reasons.append("Professional judgement")
    escalation = recent_incidents >= escalation_incidents
    if escalation:
        reasons.append(f"Potential escalation: {recent_incidents} incidents in {window_days} days "
                       f"(threshold {escalation_incidents})")
    return MaracCriteria(visible, professional_judgement, escalation, tuple(reasons))


@dataclass(frozen=True)
class RepeatAnswer:
    is_repeat: bool
    previous: date | None
    reason: str


def repeat_referral(referred_on: date, earlier_referrals: Iterable[date], *, window_days: int) -> RepeatAnswer:
    """A repeat MARAC is a referral within ``window_days`` of the last referral for the same victim."""
    earlier = [day for day in earlier_referrals if day <= referred_on]
    if not earlier:
        return RepeatAnswer(False, None, "First referral for this victim")
    last = max(earlier)
    gap = (referred_on - last).days
    if gap <= window_days:
        return RepeatAnswer(True, last, f"Repeat: {gap} days after the last referral (within {window_days})")
    return RepeatAnswer(False, last, f"Not a repeat: {gap} days after the last referral (more than {window_days})")


# --- Working days and school days ----------------------------------------------------------------------


@lru_cache(maxsize=32)
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays (the ``holidays`` package; England's and Wales's lists are the same)."""
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=[year]).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def working_days_before(day: date, count: int) -> date:
    """The date ``count`` working days before ``day`` (weekends and bank holidays skipped)."""
    current = day
    while count > 0:
        current -= timedelta(days=1)
        if is_working_day(current):
            count -= 1
    return current


def is_school_day(day: date, closures: Collection[tuple[date, date]]) -> bool:
    return is_working_day(day) and not any(first <= day <= last for first, last in closures)


def encompass_due(attended_at: datetime, *, closures: Collection[tuple[date, date]], school_starts: time) -> datetime:
    """Operation Encompass: the school's key adult must be told before the next school day starts. That is
    the first school-day start after the police attended (weekends, bank holidays and closures skipped)."""
    local = timezone.localtime(attended_at)
    day = local.date()
    for _offset in range(400):  # a school year has far fewer closed days than this
        start = timezone.make_aware(datetime.combine(day, school_starts))
        if start > local and is_school_day(day, closures):
            return start
        day += timedelta(days=1)
    raise ValueError("No school day in the next 400 days: check the school closures")


# --- Perpetrators --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RfgScore:
    recency: float
    frequency: float
    gravity: float
    victims: float
    total: float


def rfg_score(incidents: Sequence[tuple[datetime, str]], victim_count: int, *, as_of: datetime,
              window_days: int, weights: Mapping[str, float], gravity_by_category: Mapping[str, int],
              frequency_cap: int, gravity_cap: int, victim_cap: int) -> RfgScore:
    """Recency-frequency-gravity (MATAC). Each part is scaled to 0-100 and weighted:

    * recency = 100 × (window − days since the latest incident) / window (0 if none in the window);
    * frequency = 100 × min(incidents in the window, frequency cap) / frequency cap;
    * gravity = 100 × min(sum of each incident's category gravity, gravity cap) / gravity cap;
    * victims = 100 × min(victims, victim cap) / victim cap.
    """
    start = as_of - timedelta(days=window_days)
    recent = [(when, category) for when, category in incidents if start <= when <= as_of]
    if recent:
        days_since = (as_of - max(when for when, _ in recent)).days
        recency = 100 * (window_days - days_since) / window_days
    else:
        recency = 0.0
    frequency = 100 * min(len(recent), frequency_cap) / frequency_cap
    gravity_points = sum(gravity_by_category.get(category, 1) for _, category in recent)
    gravity = 100 * min(gravity_points, gravity_cap) / gravity_cap
    victims = 100 * min(victim_count, victim_cap) / victim_cap
    total = (weights["recency"] * recency + weights["frequency"] * frequency + weights["gravity"] * gravity
             + weights["victims"] * victims)
    return RfgScore(round(recency, 1), round(frequency, 1), round(gravity, 1), round(victims, 1), round(total, 1))


def is_serial(victim_count: int, *, threshold: int) -> bool:
    return victim_count >= threshold


def dvds_decision_due(received_on: date, *, days: int) -> date:
    """Clare's Law: a decision on disclosure is due within ``days`` of the request (right to ask) or of the
    police starting the check (right to know)."""
    return received_on + timedelta(days=days)


# --- Figures -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compared:
    value: float | None
    low: float | None
    high: float | None

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "No data yet"
        if self.low is None:
            return "No recommended range set"
        if self.value < self.low:
            return "Below the recommended range"
        if self.high is not None and self.value > self.high:
            return "Above the recommended range"
        return "Within the recommended range" if self.high is not None else "At or above the benchmark"


def per_10k(count: int, population: int) -> float | None:
    return round(count * 10_000 / population, 1) if population else None


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
