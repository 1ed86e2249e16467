"""Staff screens for an ASB case: plan, interventions with their effect, victim risk assessments."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.gates import access_case
from access.policy import can
from asb import queries
from asb.actions.cases import do_assess_risk, do_record_intervention, do_save_plan, do_update_intervention
from asb.forms.cases import InterventionForm, InterventionUpdateForm, PlanForm, RiskAssessmentForm
from asb.models import AsbCasePlan, Intervention
from asb.rules.risk import RISK_QUESTIONS
from audit.log import record
from audit.models import AuditAction
from core.models import Case
from csphub.http import form_data


def _asb_case(request: HttpRequest, reference: str, for_write: str | None = None) -> Case:
    case = access_case(request.actor, reference, for_write=for_write)
    if case.kind != "asb":
        raise Http404
    return case


def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    case = _asb_case(request, reference)
    record(request.actor, AuditAction.VIEW, case, reason="asb case page")
    context = {
        "case": case, "plan": AsbCasePlan.objects.filter(case=case).first(),
        "interventions": queries.intervention_effects(case),
        "assessments": case.asb_risk_assessments.select_related("person", "assessed_by"),
        "can_add": can(request.actor, "add_to_case", case), "questions": {q.code: q.text for q in RISK_QUESTIONS},
        "window": queries.current_config().effect_window_days,
    }
    return render(request, "asb/case.html", context)


def _form_page(request: HttpRequest, case: Case, form, title: str, save, success: str,  # noqa: ANN001
               caption: str = "") -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect("asb:case", reference=case.reference)
    return render(request, "asb/form.html", {"form": form, "case": case, "title": title, "caption": caption})


@require_http_methods(["GET", "POST"])
def plan_edit(request: HttpRequest, reference: str) -> HttpResponse:
    case = _asb_case(request, reference, for_write="add_to_case")
    form = PlanForm(form_data(request), instance=AsbCasePlan.objects.filter(case=case).first())
    return _form_page(request, case, form, _("Problem-solving plan"), lambda f: do_save_plan(
        case=case, problem=f.cleaned_data["problem"], plan=f.cleaned_data["plan"], acting=request.actor),
        _("Plan saved"))


@require_http_methods(["GET", "POST"])
def intervention_create(request: HttpRequest, reference: str) -> HttpResponse:
    case = _asb_case(request, reference, for_write="add_to_case")
    form = InterventionForm(form_data(request), case=case)
    return _form_page(request, case, form, _("Record an intervention"), lambda f: do_record_intervention(
        case=case, acting=request.actor, **f.cleaned_data), _("Intervention recorded"))


@require_http_methods(["GET", "POST"])
def intervention_edit(request: HttpRequest, reference: str, public_id: UUID) -> HttpResponse:
    """Add the outcome, a breach or the officer to an intervention already recorded."""
    case = _asb_case(request, reference, for_write="add_to_case")
    intervention = Intervention.objects.filter(case=case, public_id=public_id).first()
    if intervention is None:
        raise Http404
    # The form works on its own copy: validating a ModelForm writes into its instance, and the action compares
    # the saved values with the new ones to know what changed.
    form = InterventionUpdateForm(form_data(request), instance=Intervention.objects.get(pk=intervention.pk), case=case)
    when = f"{intervention.on.day} {intervention.on:%B %Y}"
    caption = _("%(step)s on %(on)s") % {"step": intervention.get_step_display(), "on": when}
    return _form_page(request, case, form, _("Update the intervention"), lambda f: do_update_intervention(
        intervention=intervention, acting=request.actor, **f.changes()), _("Intervention updated"), caption=caption)


@require_http_methods(["GET", "POST"])
def risk_create(request: HttpRequest, reference: str) -> HttpResponse:
    case = _asb_case(request, reference, for_write="add_to_case")
    form = RiskAssessmentForm(form_data(request), case=case)
    return _form_page(request, case, form, _("Victim risk assessment"), lambda f: do_assess_risk(
        case=case, person=f.cleaned_data["person"], answers=f.answers(),
        officer_says_high=f.cleaned_data["officer_says_high"], acting=request.actor), _("Risk assessment saved"))
