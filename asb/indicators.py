"""The ASB figures the partnership strategy computes live, registered from AsbConfig.ready.

The ASB Case Review figures are the four the guidance asks partnerships to publish (applications received,
applications not meeting the threshold, reviews carried out, reviews resulting in recommendations) plus the
share of decisions meeting the threshold, per quarter. ``case_review_applications`` and
``case_review_threshold_met`` are codes the strategy already seeds as hand-entered indicators: registering them
makes those figures live. The strategy's ``asb_repeat_victims`` (a rate from ASB cases) is left as it is;
``asb_repeat_victims_flagged`` adds the count from incidents, under the partnership's repeat-victim rule.

Every function takes the quarter's first and last day (both inclusive). Counts of people are suppressed for
the board by the strategy (``Indicator.is_count_of_people``); a percentage of fewer than ``min_decisions()``
decisions is not given at all, as it would show what happened to one or two applicants.
"""

from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from asb.models import ApplicationStatus, CaseReviewApplication, Recommendation, RepeatVictimFlag

REVIEWED = (ApplicationStatus.REVIEW_HELD, ApplicationStatus.OUTCOME_SENT)
# Everything a threshold decision can lead to, so a met application that has since moved on still counts as met.
MET = (ApplicationStatus.THRESHOLD_MET, *REVIEWED)


def min_decisions() -> int:
    return int(getattr(settings, "CSPHUB_INDICATOR_MIN_RESPONSES", 5))


def _decided(start: date, end: date) -> QuerySet[CaseReviewApplication]:
    return CaseReviewApplication.objects.filter(decided_on__range=(start, end))


def applications_received(start: date, end: date) -> int:
    return CaseReviewApplication.objects.filter(received_on__range=(start, end)).count()


def threshold_not_met(start: date, end: date) -> int:
    return _decided(start, end).filter(status=ApplicationStatus.THRESHOLD_NOT_MET).count()


def threshold_met_percent(start: date, end: date) -> float | None:
    decided = _decided(start, end)
    total = decided.count()
    if total < min_decisions():
        return None
    return round(100 * decided.filter(status__in=MET).count() / total, 1)


def _held(start: date, end: date) -> QuerySet[CaseReviewApplication]:
    return CaseReviewApplication.objects.filter(reviewed_on__range=(start, end), status__in=REVIEWED)


def reviews_held(start: date, end: date) -> int:
    return _held(start, end).count()


def reviews_with_recommendations(start: date, end: date) -> int:
    return _held(start, end).filter(Exists(Recommendation.objects.filter(application=OuterRef("pk")))).count()


def repeat_victims_flagged(start: date, end: date) -> int:
    """People or addresses newly flagged in the quarter; one flagged twice in the quarter counts once."""
    return RepeatVictimFlag.objects.filter(raised_at__date__range=(start, end)).values("key").distinct().count()


INDICATORS = (
    ("case_review_applications", "ASB Case Review applications",
     "ASB Case Review applications received in the quarter, online, by phone or by letter.",
     applications_received),
    ("case_review_threshold_met", "Case Review applications meeting the threshold (%)",
     "Of the applications whose threshold decision was made in the quarter, the share that met the threshold. "
     "Not shown when fewer than 5 decisions were made.", threshold_met_percent),
    ("case_review_threshold_not_met", "Case Review applications not meeting the threshold",
     "Applications whose threshold decision, made in the quarter, was that the threshold was not met.",
     threshold_not_met),
    ("case_review_reviews_held", "ASB Case Reviews carried out",
     "Case Reviews whose panel meeting was held in the quarter.", reviews_held),
    ("case_review_with_recommendations", "ASB Case Reviews resulting in recommendations",
     "Case Reviews held in the quarter that made at least one recommendation.", reviews_with_recommendations),
    ("asb_repeat_victims_flagged", "Repeat victims of ASB flagged",
     "People or addresses flagged in the quarter as repeat victims of antisocial behaviour under the "
     "partnership's rule (by default 3 or more incidents in 12 months, from any agency). Each counts once a "
     "quarter.", repeat_victims_flagged),
)


def register() -> None:
    from strategy.indicators import register_indicator

    for code, label, definition, compute in INDICATORS:
        register_indicator(code, label, definition, compute)
