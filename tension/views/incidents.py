"""High-tension incidents: declare, timeline, call list, actions, escalate, stand down, situation reports."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can, visible_cases
from audit.log import record
from audit.models import AuditAction
from tension import actions, forms
from tension.access import access_incident, access_response_action
from tension.models import HighTensionIncident, SituationReport
from tension.sitrep import sitrep_context
from tension.views import posted, require


def incident_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_tension")
    incidents = HighTensionIncident.objects.filter(case__in=visible_cases(request.actor)).select_related(
        "case", "area"
    )
    context = {"incidents": incidents, "can_declare": can(request.actor, "declare_tension_incident")}
    return render(request, "tension/incident_list.html", context)


@require_http_methods(["GET", "POST"])
def incident_declare(request: HttpRequest) -> HttpResponse:
    require(request, "declare_tension_incident")
    form = forms.DeclareIncidentForm(posted(request), initial={"area": request.GET.get("area") or None})
    if request.method == "POST" and form.is_valid():
        incident = actions.do_declare_incident(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("High-tension incident %(ref)s declared. Partners have been alerted.")
                         % {"ref": incident.reference})
        return redirect(incident)
    return render(request, "tension/incident_declare.html", {"form": form})


def incident_detail(request: HttpRequest, reference: str) -> HttpResponse:
    incident = access_incident(request.actor, reference)
    record(request.actor, AuditAction.VIEW, incident.case, reason="high-tension incident")
    context = {
        "incident": incident,
        "timeline": incident.timeline.select_related("by", "by_agency"),
        "call_list": incident.call_list.select_related("agency"),
        "actions": incident.actions.select_related("owner_agency"),
        "sitreps": incident.sitreps.select_related("issued_by"),
        "rumours": incident.rumours.all(),
        "can_update": can(request.actor, "update_tension_incident", incident),
        "can_escalate": can(request.actor, "escalate_tension_incident", incident),
        "can_stand_down": can(request.actor, "stand_down_tension_incident", incident),
        "can_complete": {a.pk for a in incident.actions.all() if can(request.actor, "complete_response_action", a)},
    }
    return render(request, "tension/incident_detail.html", context)


def _incident_form(request: HttpRequest, reference: str, form_class: type, template: str,
                   save: Callable[[HighTensionIncident, Any], object], *, capability: str, success: str,
                   form_kwargs: Callable[[HighTensionIncident], dict] | None = None) -> HttpResponse:
    """Every incident form: gate, validate, one action, back to the incident; errors keep what was typed."""
    incident = access_incident(request.actor, reference, for_write=capability)
    form = form_class(posted(request), **(form_kwargs(incident) if form_kwargs else {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(incident, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(incident)
    return render(request, template, {"form": form, "incident": incident})


@require_http_methods(["GET", "POST"])
def add_timeline_entry(request: HttpRequest, reference: str) -> HttpResponse:
    return _incident_form(
        request, reference, forms.TimelineEntryForm, "tension/incident_form.html",
        lambda i, f: actions.do_add_timeline_entry(incident=i, acting=request.actor, **f.cleaned_data),
        capability="update_tension_incident", success=_("Added to the timeline"),
    )


@require_http_methods(["GET", "POST"])
def add_partner(request: HttpRequest, reference: str) -> HttpResponse:
    return _incident_form(
        request, reference, forms.PartnerContactForm, "tension/incident_form.html",
        lambda i, f: actions.do_add_partner_contact(incident=i, acting=request.actor, **f.cleaned_data),
        capability="update_tension_incident", success=_("Partner added to the call list"),
        form_kwargs=lambda i: {"incident": i},
    )


@require_http_methods(["GET", "POST"])
def add_action(request: HttpRequest, reference: str) -> HttpResponse:
    return _incident_form(
        request, reference, forms.ResponseActionForm, "tension/incident_form.html",
        lambda i, f: actions.do_add_response_action(incident=i, acting=request.actor, **f.cleaned_data),
        capability="update_tension_incident", success=_("Action added"),
    )


@require_http_methods(["GET", "POST"])
def escalate(request: HttpRequest, reference: str) -> HttpResponse:
    return _incident_form(
        request, reference, forms.EscalateForm, "tension/incident_form.html",
        lambda i, f: actions.do_escalate_incident(incident=i, acting=request.actor, **f.cleaned_data),
        capability="escalate_tension_incident", success=_("Incident escalated. Partners have been alerted."),
        form_kwargs=lambda i: {"current": i.level},
    )


@require_http_methods(["GET", "POST"])
def stand_down(request: HttpRequest, reference: str) -> HttpResponse:
    return _incident_form(
        request, reference, forms.StandDownForm, "tension/incident_form.html",
        lambda i, f: actions.do_stand_down_incident(incident=i, acting=request.actor, **f.cleaned_data),
        capability="stand_down_tension_incident", success=_("Incident stood down. Partners have been alerted."),
    )


@require_http_methods(["GET", "POST"])
def complete_action(request: HttpRequest, reference: str, action_id: int) -> HttpResponse:
    incident = access_incident(request.actor, reference)
    item = access_response_action(request.actor, incident, action_id)
    form = forms.CompleteActionForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.do_complete_response_action(action=item, outcome=form.cleaned_data["outcome"], acting=request.actor)
        messages.success(request, _("Action marked as done"))
        return redirect(incident)
    return render(request, "tension/incident_form.html", {"form": form, "incident": incident, "item": item})


@require_http_methods(["GET", "POST"])
def sitrep_issue(request: HttpRequest, reference: str) -> HttpResponse:
    """GET shows the situation report as it stands now; POST issues (freezes) it."""
    incident = access_incident(request.actor, reference)
    form = forms.SitrepForm(posted(request))
    if request.method == "POST":
        if not can(request.actor, "update_tension_incident", incident):
            raise PermissionDenied
        if form.is_valid():
            sitrep = actions.do_issue_sitrep(incident=incident, acting=request.actor,
                                             next_review_hours=form.cleaned_data["next_review_hours"])
            messages.success(request, _("Situation report %(n)s issued") % {"n": sitrep.number})
            return redirect("tension:sitrep_detail", incident.reference, sitrep.number)
    record(request.actor, AuditAction.VIEW, incident.case, reason="draft situation report")
    body = render_to_string("tension/_sitrep_body.html", sitrep_context(incident, now=timezone.now()))
    context = {"incident": incident, "form": form, "body": body,
               "can_issue": can(request.actor, "update_tension_incident", incident)}
    return render(request, "tension/sitrep_draft.html", context)


def _sitrep(request: HttpRequest, reference: str, number: int) -> tuple[HighTensionIncident, SituationReport]:
    incident = access_incident(request.actor, reference)
    sitrep = incident.sitreps.filter(number=number).select_related("issued_by").first()
    if sitrep is None:
        raise Http404
    return incident, sitrep


def sitrep_detail(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    incident, sitrep = _sitrep(request, reference, number)
    record(request.actor, AuditAction.VIEW, sitrep)
    return render(request, "tension/sitrep_detail.html", {"incident": incident, "sitrep": sitrep})


def sitrep_pdf(request: HttpRequest, reference: str, number: int) -> HttpResponse:
    from weasyprint import HTML  # imported here: it is heavy and only this page needs it

    incident, sitrep = _sitrep(request, reference, number)
    html = render_to_string("tension/sitrep_print.html", {"incident": incident, "sitrep": sitrep})
    pdf = HTML(string=html).write_pdf()  # no base URL: the page loads nothing from the network
    record(request.actor, AuditAction.EXPORT, sitrep, reason="pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{incident.reference}-sitrep-{sitrep.number}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
