"""Strategy indicators this module computes (strategy.indicators). MARAC volume, rate per 10,000 and the
repeat rate are already computed by strategy.builtin_indicators, so they are not repeated here.

Each figure is a whole-partnership aggregate for the board; strategy shows it with its definition.
"""

from datetime import date

from django.db.models import F

from domestic_abuse.models import EncompassNotification, MaracReferral, PerpetratorIntervention, SelfReferral
from domestic_abuse.models.perpetrators import InterventionStatus
from domestic_abuse.rules import percent


def marac_idva_engagement(start: date, end: date) -> float | None:
    referrals = MaracReferral.objects.filter(referred_on__range=(start, end))
    return percent(referrals.filter(idva_engaged=True).count(), referrals.count())


def encompass_on_time(start: date, end: date) -> float | None:
    sent = EncompassNotification.objects.filter(incident__occurred_at__date__range=(start, end))
    on_time = sent.filter(acknowledged_at__isnull=False, acknowledged_at__lte=F("due_at")).count()
    return percent(on_time, sent.count())


def dvds_on_time(start: date, end: date) -> float | None:
    """Clare's Law requests due a decision in the period: the share decided by the due date."""
    due = PerpetratorIntervention.objects.filter(decision_due__range=(start, end))
    decided = due.filter(decided_on__isnull=False, decided_on__lte=F("decision_due")).exclude(
        status=InterventionStatus.OPEN).count()
    return percent(decided, due.count())


def self_referral_median_hours(start: date, end: date) -> float | None:
    hours = sorted(r.hours_to_first_contact for r in SelfReferral.objects.filter(
        received_at__date__range=(start, end), first_contact_at__isnull=False))
    if len(hours) < 5:  # fewer than five people: a median would describe individuals
        return None
    middle = len(hours) // 2
    return hours[middle] if len(hours) % 2 else round((hours[middle - 1] + hours[middle]) / 2, 1)


INDICATORS = (
    ("da_marac_idva_engagement", "MARAC referrals with an IDVA engaged (%)",
     "Of MARAC referrals made in the quarter, the share where an independent domestic violence adviser was "
     "working with the victim at referral.", marac_idva_engagement),
    ("da_encompass_on_time", "Operation Encompass notices acknowledged in time (%)",
     "Of Operation Encompass notifications for police call-outs in the quarter, the share the school "
     "acknowledged before the start of the next school day.", encompass_on_time),
    ("da_dvds_on_time", "Clare's Law decisions made in time (%)",
     "Of Clare's Law (DVDS) requests whose decision fell due in the quarter, the share decided by the due date "
     "(28 days from the request unless the partnership sets another limit).", dvds_on_time),
    ("da_self_referral_hours", "Hours from asking for help online to first contact (median)",
     "For requests for help made through the find-support page in the quarter and contacted, the median hours "
     "until the service first made contact. Not shown for fewer than 5 requests.", self_referral_median_hours),
)


def register() -> None:
    from strategy.indicators import register_indicator

    for code, label, definition, compute in INDICATORS:
        register_indicator(code, label, definition, compute)
