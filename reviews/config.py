"""Every timescale the reviews app uses, with its source. Override any of them in settings:

    CSPHUB_DHR_TIMESCALES = {"decision_months": 1, ...}
    CSPHUB_CHANNEL_TIMESCALES = {"post_closure_review_months": (6, 12), ...}

Values marked [U] are not set by the statutory guidance we could confirm (see ../shared/domain/README.md)
and are local defaults the partnership should agree.
"""

from dataclasses import dataclass, replace

from django.conf import settings


@dataclass(frozen=True)
class DhrTimescales:
    # DHR statutory guidance (2016): the CSP chair decides within one month of the police notification and
    # informs the Home Office of the decision.
    decision_months: int = 1
    home_office_months: int = 1
    # Target: the overview report is completed (sent to the Home Office QA panel) 6 months from the decision.
    report_months: int = 6
    # [U] Local defaults: working days an agency has to return its chronology or IMR once asked.
    agency_report_working_days: int = 30
    # [U] Months from QA feedback to publication.
    publication_months: int = 2
    # A deadline falling on a weekend or bank holiday moves to the next working day.
    roll_to_working_day: bool = True
    # Reminders are sent this many days before a deadline (and again when it is missed).
    reminder_days_before: int = 7


@dataclass(frozen=True)
class ChannelTimescales:
    # Channel duty guidance: the case is reviewed 6 and 12 months after the person leaves Channel.
    post_closure_review_months: tuple[int, ...] = (6, 12)
    # [U] How often the panel reviews a person while support is in place.
    support_review_months: int = 3
    # Police screening averages about 5 days (Channel guidance); shown as a guide, not a deadline.
    police_screening_days: int = 5
    # Reminders of reviews during support and after closure go this many days before they are due.
    reminder_days_before: int = 7


def dhr_timescales() -> DhrTimescales:
    return replace(DhrTimescales(), **getattr(settings, "CSPHUB_DHR_TIMESCALES", {}))


def channel_timescales() -> ChannelTimescales:
    return replace(ChannelTimescales(), **getattr(settings, "CSPHUB_CHANNEL_TIMESCALES", {}))
