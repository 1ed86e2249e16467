"""Staff screens for Domestic Homicide Reviews. Thin: gate, one action, render."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from partnership.models import Agency
from reviews import forms, queries, rules
from reviews.actions import dhr as actions
from reviews.actions.common import do_add_panel_meeting
from reviews.config import dhr_timescales
from reviews.gates import access_review
from reviews.views.common import form_page, require


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request, "view_reviews")
    rows = queries.dashboard_rows(queries.visible_reviews(request.actor), timezone.localdate())
    return render(request, "reviews/dhr_dashboard.html", {
        "rows": rows, "today": timezone.localdate(), "can_notify": can(request.actor, "notify_dhr"),
    })


@require_http_methods(["GET", "POST"])
def notify(request: HttpRequest) -> HttpResponse:
    require(request, "notify_dhr")
    lead_agency = Agency.objects.get(pk=min(request.actor.casework_agency_ids))  # notify_dhr implies one
    created = {}

    def save(data: dict) -> None:
        created["review"] = actions.do_notify_dhr(acting=request.actor, lead_agency=lead_agency, **data)

    response = form_page(request, forms.DhrNotificationForm, save, heading=_("Record a death notified to the "
                         "partnership"), back_url=reverse("reviews:dhr_dashboard"), success=_("Review record opened"))
    if "review" in created:
        return redirect("reviews:dhr_detail", public_id=created["review"].public_id)
    return response


def detail(request: HttpRequest, public_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, review)
    record(request.actor, AuditAction.VIEW, review.case, reason="through its review record")
    milestones = queries.milestones_for(review)
    today = timezone.localdate()
    return render(request, "reviews/dhr_detail.html", {
        "review": review, "case": review.case, "today": today,
        "milestones": [(m, m.state(today)) for m in milestones],
        "next": rules.next_deadline(milestones),
        "reports": review.agency_reports.select_related("agency"),
        "recommendations": review.recommendations.select_related("owner_agency"),
        "meetings": review.case.agenda_items.select_related("meeting"),
        "can_update": can(request.actor, "update_record", review),
        "can_decide": can(request.actor, "decide_record", review),
        "decision_due": rules.decision_due(review.notified_on, dhr_timescales()),
        "people": review.case.participants.select_related("person"),
    })


def _back(review) -> str:  # noqa: ANN001
    return reverse("reviews:dhr_detail", kwargs={"public_id": review.public_id})


@require_http_methods(["GET", "POST"])
def decide(request: HttpRequest, public_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="decide_record")
    return form_page(
        request, forms.DhrDecisionForm,
        lambda d: actions.do_decide_dhr(review=review, hold=d["hold"], decided_on=d["decision_on"],
                                        reasons=d["reasons"], acting=request.actor),
        heading=_("Decide whether to hold a review"), back_url=_back(review), success=_("Decision recorded"),
        caption=review.case.reference)


def _progress(review, actor):  # noqa: ANN001, ANN202
    return lambda data: actions.do_record_dhr_progress(review=review, changes=data, acting=actor)


STEPS = {
    "home-office": (forms.HomeOfficeForm, _progress, "Record when the Home Office was told"),
    "chair": (forms.ChairForm, _progress, "Record the independent chair"),
    "terms": (forms.TermsForm, _progress, "Record the terms of reference"),
    "family": (forms.FamilyForm, _progress, "Record family involvement"),
    "draft": (forms.DraftForm, _progress, "Record a draft of the overview report"),
    "send-to-qa": (forms.OnDateForm, lambda r, a: lambda d: actions.do_submit_dhr_to_qa(review=r, on=d["on"],
                   acting=a), "Record sending the report for Home Office quality assurance"),
    "qa-feedback": (forms.QaFeedbackForm, lambda r, a: lambda d: actions.do_record_qa_feedback(
        review=r, on=d["on"], feedback=d["feedback"], acting=a), "Record quality assurance feedback"),
    "publish": (forms.OnDateForm, lambda r, a: lambda d: actions.do_publish_dhr(review=r, on=d["on"], acting=a),
                "Record publication"),
}


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, public_id: str, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    review = access_review(request.actor, public_id, for_write="update_record")
    form_class, make_save, heading = STEPS[step]
    return form_page(request, form_class, make_save(review, request.actor), heading=_(heading),
                     back_url=_back(review), success=_("Review updated"), caption=review.case.reference)


@require_http_methods(["GET", "POST"])
def agency_report(request: HttpRequest, public_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="update_record")
    return form_page(
        request, forms.AgencyReportForm,
        lambda d: actions.do_request_agency_report(review=review, acting=request.actor, **d),
        heading=_("Ask an agency for a chronology or report"), back_url=_back(review),
        success=_("Request recorded"), caption=review.case.reference)


@require_http_methods(["GET", "POST"])
def agency_report_received(request: HttpRequest, public_id: str, report_id: int) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="update_record")
    report = review.agency_reports.filter(pk=report_id).first()
    if report is None:
        raise Http404
    return form_page(
        request, forms.ReceivedForm,
        lambda d: actions.do_receive_agency_report(report=report, received_on=d["received_on"], acting=request.actor),
        heading=_("Record that the report arrived"), back_url=_back(review), success=_("Report recorded as received"),
        caption=f"{review.case.reference}: {report}")


@require_http_methods(["GET", "POST"])
def recommendation(request: HttpRequest, public_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="update_record")
    return form_page(
        request, forms.RecommendationForm,
        lambda d: actions.do_add_recommendation(review=review, acting=request.actor, **d),
        heading=_("Add a lesson or recommendation"), back_url=_back(review), success=_("Lesson added"),
        caption=review.case.reference)


@require_http_methods(["GET", "POST"])
def recommendation_done(request: HttpRequest, public_id: str, item_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="update_record")
    item = review.recommendations.filter(public_id=item_id).first()
    if item is None:
        raise Http404
    return form_page(
        request, forms.CompleteRecommendationForm,
        lambda d: actions.do_complete_recommendation(item=item, on=d["completed_on"], evidence=d["evidence"],
                                                     acting=request.actor),
        heading=_("Mark a recommendation as done"), back_url=_back(review), success=_("Recommendation done"),
        caption=review.case.reference)


@require_http_methods(["GET", "POST"])
def meeting(request: HttpRequest, public_id: str) -> HttpResponse:
    review = access_review(request.actor, public_id, for_write="update_record")
    return form_page(
        request, forms.MeetingForm,
        lambda d: do_add_panel_meeting(case=review.case, kind=forms.MEETING_KINDS["dhr"], acting=request.actor, **d),
        heading=_("Add a panel meeting"), back_url=_back(review), success=_("Meeting added"),
        caption=review.case.reference)


@require_http_methods(["GET", "POST"])
def lessons(request: HttpRequest) -> HttpResponse:
    """Lessons across reviews. Free text is searched by POST so it never sits in a URL or a log."""
    require(request, "view_lessons")
    form = forms.LessonSearchForm(request.POST or request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    results = queries.lessons_for(request.actor, theme=filters.get("theme", ""), text=filters.get("text", ""))
    record(request.actor, AuditAction.SEARCH, object_type="reviews.recommendation",
           reason=f"lessons: {len(results)} results")
    return render(request, "reviews/lessons.html", {"form": form, "results": results})
