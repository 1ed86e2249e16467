"""Read-side helpers. Every list starts from the access policy's scoped querysets."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from access.policy import Actor, visible_cases
from reviews import rules
from reviews.config import dhr_timescales
from reviews.models import ChannelReferral, DomesticHomicideReview


def visible_reviews(actor: Actor) -> QuerySet[DomesticHomicideReview]:
    return DomesticHomicideReview.objects.filter(case__in=visible_cases(actor).filter(kind="dhr"))


def visible_referrals(actor: Actor) -> QuerySet[ChannelReferral]:
    return ChannelReferral.objects.filter(case__in=visible_cases(actor).filter(kind="channel"))


def facts_for(review: DomesticHomicideReview) -> rules.DhrFacts:
    """Copy what the milestone rules need. Expects agency_reports and recommendations prefetched on lists."""
    held = None if review.decision_on is None else review.stage != "not_held"
    reports = tuple(
        (str(r.pk), f"{r.get_kind_display()}: {r.agency.name}", r.due_on, r.received_on)
        for r in review.agency_reports.all()
    )
    actions = tuple(
        (str(a.pk), f"{a.get_theme_display()}: {a.owner_agency.name if a.owner_agency else ''}", a.due_on,
         a.completed_on)
        for a in review.recommendations.all() if a.due_on is not None
    )
    return rules.DhrFacts(
        notified_on=review.notified_on, held=held, decision_on=review.decision_on,
        home_office_notified_on=review.home_office_notified_on, qa_submitted_on=review.qa_submitted_on,
        qa_feedback_on=review.qa_feedback_on, published_on=review.published_on,
        agency_reports=reports, actions=actions,
    )


def milestones_for(review: DomesticHomicideReview) -> list[rules.Milestone]:
    return rules.dhr_milestones(facts_for(review), dhr_timescales())


@dataclass(frozen=True)
class DashboardRow:
    review: DomesticHomicideReview
    next: rules.Milestone | None
    breaches: list[rules.Milestone]


def dashboard_rows(reviews: QuerySet[DomesticHomicideReview], today: date) -> list[DashboardRow]:
    reviews = reviews.select_related("case").prefetch_related("agency_reports__agency",
                                                              "recommendations__owner_agency")
    rows = []
    for review in reviews:
        milestones = milestones_for(review)
        rows.append(DashboardRow(review, rules.next_deadline(milestones), rules.breaches(milestones, today)))
    return rows


def all_reviews_with_plans() -> QuerySet[DomesticHomicideReview]:
    """Every review, for aggregate indicators and reminders (never shown record by record)."""
    return DomesticHomicideReview.objects.select_related("case").prefetch_related(
        "agency_reports__agency", "recommendations__owner_agency"
    )


def lessons_for(actor: Actor, *, theme: str = "", text: str = "") -> list:
    """Lessons from reviews the actor may see, and from every published (anonymised) review."""
    from django.db.models import Q

    from reviews.models import DhrStage, Recommendation

    published = Q(review__stage__in=[DhrStage.PUBLISHED, DhrStage.COMPLETE])
    items = Recommendation.objects.filter(published | Q(review__in=visible_reviews(actor)))
    if theme:
        items = items.filter(theme=theme)
    for word in text.split():
        items = items.filter(Q(lesson__icontains=word) | Q(recommendation__icontains=word))
    return list(items.select_related("review__case", "owner_agency").order_by("theme", "-review__notified_on")[:200])
