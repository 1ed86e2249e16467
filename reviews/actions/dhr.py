from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_create_case, do_update_case
from core.models import CaseStatus
from partnership.models import Agency
from reviews import rules
from reviews.actions.common import notify_team
from reviews.config import dhr_timescales
from reviews.models import AgencyReport, DhrStage, DomesticHomicideReview, Recommendation, RecommendationStatus

# Fields a panel may record directly, as the review goes on; stage changes have their own actions.
PROGRESS_FIELDS = frozenset({
    "home_office_notified_on", "chair_name", "chair_appointed_on", "terms_of_reference", "terms_agreed_on",
    "family_contacted_on", "family_involvement", "draft_version", "draft_on",
})


@transaction.atomic
def do_notify_dhr(*, acting: Actor, title: str, notified_on: date, notifying_agency: Agency, lead_agency: Agency,
                  date_of_death: date | None = None) -> DomesticHomicideReview:
    """Open a restricted review record when the police (or another agency) notify the partnership of a death."""
    case = do_create_case(acting=acting, kind="dhr", title=title, lead_agency=lead_agency,
                          lead_officer=acting.user, restricted=True, opened_on=notified_on)
    review = DomesticHomicideReview(case=case, notified_on=notified_on, notifying_agency=notifying_agency,
                                    date_of_death=date_of_death)
    review.full_clean(exclude=["case"])
    review.save()
    record(acting, AuditAction.CREATE, review)
    due = rules.decision_due(notified_on, dhr_timescales())
    notify_team(case, subject=_("New Domestic Homicide Review notification %s") % case.reference,
                body=_("A death has been notified to the partnership (%(ref)s). The decision whether to hold a "
                       "review is due by %(due)s.") % {"ref": case.reference, "due": f"{due:%d %B %Y}"},
                purpose="dhr_notification")
    return review


def _save(review: DomesticHomicideReview, acting: Actor, reason: str) -> DomesticHomicideReview:
    review.save()
    record(acting, AuditAction.UPDATE, review, reason=reason)
    return review


@transaction.atomic
def do_decide_dhr(*, review: DomesticHomicideReview, hold: bool, decided_on: date, reasons: str,
                  acting: Actor) -> DomesticHomicideReview:
    review.decide(hold=hold, on=decided_on, reasons=reasons)
    _save(review, acting, "decision: hold" if hold else "decision: not held")
    if not hold:
        do_update_case(case=review.case, acting=acting, changes={"status": CaseStatus.CLOSED})
    return review


@transaction.atomic
def do_record_dhr_progress(*, review: DomesticHomicideReview, changes: dict[str, Any],
                           acting: Actor) -> DomesticHomicideReview:
    unknown = set(changes) - PROGRESS_FIELDS
    if unknown:
        raise ValueError(f"Not a progress field: {sorted(unknown)}")
    if review.stage in (DhrStage.NOT_HELD, DhrStage.COMPLETE):
        raise ValidationError(_("This review is finished"))
    for name, value in changes.items():
        setattr(review, name, value)
    return _save(review, acting, "changed: " + ", ".join(sorted(changes)))


@transaction.atomic
def do_submit_dhr_to_qa(*, review: DomesticHomicideReview, on: date, acting: Actor) -> DomesticHomicideReview:
    review.submit_to_qa(on=on)
    return _save(review, acting, "sent for quality assurance")


@transaction.atomic
def do_record_qa_feedback(*, review: DomesticHomicideReview, on: date, feedback: str,
                          acting: Actor) -> DomesticHomicideReview:
    review.receive_qa_feedback(on=on, feedback=feedback)
    return _save(review, acting, "quality assurance feedback recorded")


@transaction.atomic
def do_publish_dhr(*, review: DomesticHomicideReview, on: date, acting: Actor) -> DomesticHomicideReview:
    review.publish(on=on)
    return _save(review, acting, "published")


@transaction.atomic
def do_request_agency_report(*, review: DomesticHomicideReview, agency: Agency, kind: str, requested_on: date,
                             acting: Actor) -> AgencyReport:
    if review.stage != DhrStage.IN_PROGRESS:
        raise ValidationError(_("Agencies are asked for reports while the review is in progress"))
    if review.agency_reports.filter(agency=agency, kind=kind).exists():
        raise ValidationError(_("This agency has already been asked for this"))
    report = AgencyReport.objects.create(review=review, agency=agency, kind=kind, requested_on=requested_on,
                                         due_on=rules.agency_report_due(requested_on, dhr_timescales()))
    record(acting, AuditAction.CREATE, report, reason=f"review {review.pk}")
    return report


@transaction.atomic
def do_receive_agency_report(*, report: AgencyReport, received_on: date, acting: Actor) -> AgencyReport:
    if report.received_on is not None:
        raise ValidationError(_("This report has already been received"))
    report.received_on = received_on
    report.save()
    record(acting, AuditAction.UPDATE, report, reason="received")
    return report


@transaction.atomic
def do_add_recommendation(*, review: DomesticHomicideReview, acting: Actor, **fields: Any) -> Recommendation:
    if review.stage in (DhrStage.AWAITING_DECISION, DhrStage.NOT_HELD, DhrStage.COMPLETE):
        raise ValidationError(_("Lessons and recommendations are added while a review is held"))
    item = Recommendation(review=review, **fields)
    if item.recommendation and (item.owner_agency is None or item.due_on is None):
        raise ValidationError(_("A recommendation needs an agency responsible and a due date"))
    item.full_clean()
    item.save()
    record(acting, AuditAction.CREATE, item, reason=f"review {review.pk}")
    return item


@transaction.atomic
def do_complete_recommendation(*, item: Recommendation, on: date, evidence: str, acting: Actor) -> Recommendation:
    if item.status != RecommendationStatus.OPEN:
        raise ValidationError(_("This recommendation is already done"))
    item.status, item.completed_on, item.evidence = RecommendationStatus.DONE, on, evidence
    item.save()
    record(acting, AuditAction.UPDATE, item, reason="completed")
    review = item.review
    open_left = review.recommendations.filter(status=RecommendationStatus.OPEN).exists()
    if review.stage == DhrStage.PUBLISHED and not open_left:
        review.complete(on=on)
        _save(review, acting, "action plan complete")
        do_update_case(case=review.case, acting=acting, changes={"status": CaseStatus.CLOSED})
    return item
