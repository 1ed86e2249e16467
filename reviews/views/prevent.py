"""Prevent duty oversight: no personal data, and referral figures are aggregated with small numbers hidden."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from reviews import forms, rules
from reviews.actions.prevent import do_complete_prevent_action, do_save_prevent_record
from reviews.models import PreventPlanAction, PreventRiskAssessment, PreventTraining
from reviews.prevent_figures import referrals_by_quarter
from reviews.views.common import form_page, require


def overview(request: HttpRequest) -> HttpResponse:
    require(request, "view_prevent")
    training = [(t, rules.training_rate(t.staff_trained, t.staff_in_scope))
                for t in PreventTraining.objects.select_related("agency")]
    return render(request, "reviews/prevent.html", {
        "assessment": PreventRiskAssessment.objects.first(),
        "plan": PreventPlanAction.objects.select_related("owner_agency"),
        "training": training,
        "quarters": referrals_by_quarter(),
        "can_manage": can(request.actor, "manage_prevent"), "today": timezone.localdate(),
    })


FORMS = {
    "risk-assessment": (forms.RiskAssessmentForm, "Record the local risk assessment"),
    "plan-action": (forms.PlanActionForm, "Add an action to the partnership plan"),
    "training": (forms.TrainingForm, "Record training completion"),
}


@require_http_methods(["GET", "POST"])
def add(request: HttpRequest, what: str) -> HttpResponse:
    if what not in FORMS:
        raise Http404
    require(request, "manage_prevent")
    form_class, heading = FORMS[what]

    def save(data: dict) -> None:
        do_save_prevent_record(record_obj=form_class._meta.model(**data), acting=request.actor)

    return form_page(request, form_class, save, heading=_(heading), back_url=reverse("reviews:prevent"),
                     success=_("Saved"))


@require_http_methods(["GET", "POST"])
def action_done(request: HttpRequest, action_id: int) -> HttpResponse:
    require(request, "manage_prevent")
    action = PreventPlanAction.objects.filter(pk=action_id).first()
    if action is None:
        raise Http404
    return form_page(
        request, forms.CompletePreventActionForm,
        lambda d: do_complete_prevent_action(action=action, on=d["completed_on"], evidence=d["evidence"],
                                             acting=request.actor),
        heading=_("Mark a Prevent action as done"), back_url=reverse("reviews:prevent"), success=_("Action done"),
        caption=action.title)
