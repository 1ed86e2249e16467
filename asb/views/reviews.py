"""Staff screens for the ASB Case Review: list and deadlines, entry by phone or letter, and each step."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.policy import can
from asb import queries
from asb.access import access_application
from asb.actions import case_review as act
from asb.forms.case_review import (
    ComplaintsForm,
    EscalationDecisionForm,
    EscalationForm,
    InformationReceivedForm,
    InformationRequestForm,
    OutcomeForm,
    RecommendationForm,
    ScheduleReviewForm,
    StaffApplicationForm,
    application_fields,
)
from asb.forms.cases import DateForm
from asb.models import CaseReviewApplication
from audit.log import record
from audit.models import AuditAction
from csphub.http import form_data


def _manage(request: HttpRequest, public_id: UUID) -> CaseReviewApplication:
    application = access_application(request.actor, public_id)
    if not can(request.actor, "manage_case_review", application):
        raise PermissionDenied
    return application


def review_list(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "manage_case_reviews"):
        raise PermissionDenied
    return render(request, "asb/review_list.html", {"rows": queries.deadline_dashboard(), "today": timezone.localdate(),
                                                    "recent": CaseReviewApplication.objects.all()[:50]})


@require_http_methods(["GET", "POST"])
def review_create(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "manage_case_reviews"):
        raise PermissionDenied
    form = StaffApplicationForm(form_data(request))
    complaints = ComplaintsForm(form_data(request))
    if request.method == "POST" and form.is_valid() & complaints.is_valid():
        fields = application_fields(form.cleaned_data)
        fields.update(channel=form.cleaned_data["channel"], received_on=form.cleaned_data["received_on"])
        application, _secret = act.do_submit_application(acting=request.actor, fields=fields,
                                                         complaints=complaints.complaints())
        messages.success(request, _("Application %s recorded") % application.reference)
        return redirect("asb:review_detail", public_id=application.public_id)
    return render(request, "asb/review_create.html", {"form": form, "complaints": complaints})


def review_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = access_application(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, application)
    context = {
        "application": application, "deadlines": queries.application_deadlines(application),
        "today": timezone.localdate(), "complaints": application.complaints.all(),
        "preview": act.decide_threshold_preview(application),
        "requests": application.information_requests.select_related("agency"),
        "recommendations": application.recommendations.select_related("owner_agency"),
        "escalation": act.escalation_timeline(application),
    }
    return render(request, "asb/review_detail.html", context)


@require_POST
def review_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    try:
        act.do_decide_threshold(application=application, acting=request.actor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("asb:review_detail", public_id=application.public_id)


def _step(request: HttpRequest, application: CaseReviewApplication, form, title: str, save) -> HttpResponse:  # noqa: ANN001
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("asb:review_detail", public_id=application.public_id)
    return render(request, "asb/review_step.html", {"form": form, "application": application, "title": title})


@require_http_methods(["GET", "POST"])
def review_schedule(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    return _step(request, application, ScheduleReviewForm(form_data(request)), _("Book the review panel"),
                 lambda data: act.do_schedule_review(application=application, acting=request.actor, **data))


@require_http_methods(["GET", "POST"])
def review_information(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    return _step(request, application, InformationRequestForm(form_data(request)), _("Ask an agency for information"),
                 lambda data: act.do_request_information(application=application, acting=request.actor, **data))


@require_http_methods(["GET", "POST"])
def information_received(request: HttpRequest, public_id: UUID, number: int) -> HttpResponse:
    """Mark that an agency has sent the information the review asked for."""
    application = _manage(request, public_id)
    asked = application.information_requests.select_related("agency").filter(pk=number).first()
    if asked is None:
        raise Http404
    if asked.received_on is not None:
        messages.info(request, _("That information is already marked as received"))
        return redirect("asb:review_detail", public_id=application.public_id)
    form = InformationReceivedForm(form_data(request), requested_on=asked.requested_on,
                                   initial={"received_on": timezone.localdate()})
    return _step(request, application, form, _("Information from %s has arrived") % asked.agency,
                 lambda data: act.do_mark_information_received(request=asked, received_on=data["received_on"],
                                                               acting=request.actor))


@require_http_methods(["GET", "POST"])
def review_recommendation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    return _step(request, application, RecommendationForm(form_data(request)), _("Add a recommendation"),
                 lambda data: act.do_add_recommendation(application=application, acting=request.actor, **data))


@require_POST
def recommendation_done(request: HttpRequest, public_id: UUID, number: int) -> HttpResponse:
    application = _manage(request, public_id)
    recommendation = application.recommendations.filter(pk=number).first()
    if recommendation is None:
        raise Http404
    try:
        act.do_complete_recommendation(recommendation=recommendation, acting=request.actor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("asb:review_detail", public_id=application.public_id)


@require_http_methods(["GET", "POST"])
def review_held(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    return _step(request, application, DateForm(form_data(request)), _("Record that the review was held"),
                 lambda data: act.do_record_review_held(application=application, held_on=data["on"],
                                                        acting=request.actor))


@require_http_methods(["GET", "POST"])
def review_outcome(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    form = OutcomeForm(form_data(request), initial={"letter": application.outcome_letter})
    return _step(request, application, form, _("Send the outcome letter"),
                 lambda data: act.do_send_outcome(application=application, letter=data["letter"], acting=request.actor))


@require_http_methods(["GET", "POST"])
def review_escalation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    application = _manage(request, public_id)
    if application.escalation_status == "requested":
        return _step(request, application, EscalationDecisionForm(form_data(request)), _("Decide the escalation"),
                     lambda data: act.do_decide_escalation(application=application, upheld=data["upheld"] == "yes",
                                                           acting=request.actor))
    return _step(request, application, EscalationForm(form_data(request)), _("Record an escalation request"),
                 lambda data: act.do_record_escalation(application=application, acting=request.actor, **data))
