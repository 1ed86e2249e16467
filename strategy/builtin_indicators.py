"""Indicators computed from the shared case file (core) and the reviews app. Each definition is shown to the
board next to the figure."""

from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count

from core.models import Action, ActionStatus, Case, CaseParticipant, Incident, IncidentCategory, ParticipantRole
from reviews import rules as review_rules
from reviews.prevent_figures import referral_counts
from reviews.queries import all_reviews_with_plans, milestones_for
from strategy.indicators import register_indicator

YEAR = timedelta(days=365)


def _percent(part: int, whole: int) -> float | None:
    return None if whole == 0 else round(100 * part / whole, 1)


def asb_repeat_victim_rate(start: date, end: date) -> float | None:
    victims = CaseParticipant.objects.filter(case__kind="asb", role=ParticipantRole.VICTIM,
                                             case__opened_on__range=(start, end)).values("person").distinct()
    window = CaseParticipant.objects.filter(case__kind="asb", role=ParticipantRole.VICTIM,
                                            case__opened_on__range=(end - YEAR, end), person__in=victims)
    counts = window.values("person").annotate(n=Count("case", distinct=True))
    return _percent(sum(1 for row in counts if row["n"] >= 2), len(counts))


def marac_cases(start: date, end: date) -> int:
    return Case.objects.filter(kind="marac", opened_on__range=(start, end)).count()


def marac_per_10k(start: date, end: date) -> float | None:
    """MARAC cases in the 12 months to the period's end per 10,000 women aged 16 and over (SafeLives: 40)."""
    population = getattr(settings, "CSPHUB_WOMEN_16_PLUS", None)
    if not population:
        return None
    return round(marac_cases(end - YEAR + timedelta(days=1), end) * 10000 / population, 1)


def marac_repeat_rate(start: date, end: date) -> float | None:
    """Share of MARAC cases in the period whose victim was at MARAC in the 12 months before (SafeLives repeat)."""
    cases = CaseParticipant.objects.filter(case__kind="marac", role=ParticipantRole.VICTIM,
                                           case__opened_on__range=(start, end)).select_related("case")
    repeats = 0
    total = 0
    for participant in cases:
        total += 1
        earlier = CaseParticipant.objects.filter(
            case__kind="marac", role=ParticipantRole.VICTIM, person_id=participant.person_id,
            case__opened_on__gte=participant.case.opened_on - YEAR, case__opened_on__lt=participant.case.opened_on)
        repeats += earlier.exists()
    return _percent(repeats, total)


def hate_reports(start: date, end: date) -> int:
    return Incident.objects.filter(category=IncidentCategory.HATE, occurred_at__date__range=(start, end)).count()


def overdue_actions(start: date, end: date) -> int:
    """Actions on cases still open at the end of the period and past their due date then."""
    return Action.objects.filter(due_on__lt=end, created_at__date__lte=end).exclude(
        status=ActionStatus.CANCELLED).exclude(status=ActionStatus.DONE, completed_at__date__lte=end).count()


def dhr_on_time(start: date, end: date) -> float | None:
    met = counted = 0
    for review in all_reviews_with_plans():
        in_period = [m for m in milestones_for(review) if start <= m.due_on <= end]
        m, c = review_rules.on_time(in_period, end)
        met, counted = met + m, counted + c
    return _percent(met, counted)


def channel_referrals(start: date, end: date) -> int:
    return sum(referral_counts(start, end).values())


BUILTIN = (
    ("asb_repeat_victims", "Repeat ASB victims (%)",
     "Of the people recorded as victims on ASB cases opened in the quarter, the share who were victims on two or "
     "more ASB cases opened in the 12 months to the quarter's end.", asb_repeat_victim_rate),
    ("marac_cases", "MARAC cases", "MARAC cases opened in the quarter.", marac_cases),
    ("marac_per_10k", "MARAC cases per 10,000 women",
     "MARAC cases opened in the 12 months to the quarter's end, per 10,000 women aged 16 and over (population set "
     "in CSPHUB_WOMEN_16_PLUS). SafeLives recommends about 40.", marac_per_10k),
    ("marac_repeat_rate", "MARAC repeat rate (%)",
     "Of MARAC cases opened in the quarter, the share whose victim was on a MARAC case opened in the previous 12 "
     "months. SafeLives expects 28 to 40%.", marac_repeat_rate),
    ("hate_reports", "Hate crimes and incidents recorded",
     "Incidents in the hate category that happened in the quarter, from every source.", hate_reports),
    ("overdue_actions", "Case actions overdue",
     "Actions on partnership cases that were past their due date and not done at the end of the quarter.",
     overdue_actions),
    ("dhr_on_time", "DHR milestones met on time (%)",
     "Of Domestic Homicide Review deadlines falling in the quarter, the share met by their due date.", dhr_on_time),
    ("channel_referrals", "Channel referrals", "Channel referrals received by the panel in the quarter.",
     channel_referrals),
)


def register_builtin() -> None:
    for code, label, definition, compute in BUILTIN:
        register_indicator(code, label, definition, compute)
