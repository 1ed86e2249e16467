"""Staff screens: the coordinator's triage queue and the report page with its decisions. Thin views."""

import csv
from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.policy import can, visible_cases
from audit.log import record
from audit.models import AuditAction
from hate_crime import actions, queries, rules, staff_forms
from hate_crime.access import access_report, visible_reports
from hate_crime.models import HateReport


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def queue(request: HttpRequest) -> HttpResponse:
    _require(request, "view_hate_queue")
    filters = staff_forms.QueueFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    reports = visible_reports(request.actor)
    page = Paginator(queries.filter_queue(reports, cleaned), 25).get_page(request.GET.get("page"))
    queries.with_deadlines(list(page.object_list))
    record(
        request.actor,
        AuditAction.SEARCH,
        object_type="hate_crime.hatereport",
        reason=f"queue listed {len(page.object_list)} reports",
    )
    context = {
        "filters": filters,
        "page_obj": page,
        "counts": queries.status_counts(reports),
        "ack_days": rules.setting("HATE_CRIME_ACK_WORKING_DAYS", 2),
    }
    return render(request, "hate_crime/staff/queue.html", context)


def report_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    report = access_report(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, report)
    actor = request.actor
    context = {
        "report": report,
        "strands": [rules.strand_label(code) for code in report.strands],
        "incident_types": [str(dict(rules.INCIDENT_TYPES).get(code, code)) for code in report.incident_types],
        "help_wanted": [str(dict(rules.HELP_WANTED).get(code, code)) for code in report.help_wanted],
        "updates": report.updates.select_related("author"),
        "referrals": report.referrals.select_related("destination__agency", "message", "sharing_agreement"),
        "may_route": rules.may_route_to_police(report.police_consent)[0],
        "can_manage": can(actor, "manage_hate_report", report),
        "can_work": can(actor, "work_hate_report", report),
        "ack_due": rules.acknowledgement_due(report.created_at.date()),
    }
    return render(request, "hate_crime/staff/report_detail.html", context)


@require_POST
def acknowledge(request: HttpRequest, public_id: str) -> HttpResponse:
    report = access_report(request.actor, public_id, for_write="manage_hate_report")
    try:
        actions.do_acknowledge_report(report=report, acting=request.actor)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Report acknowledged"))
    return redirect(report)


def _report_form_view(
    request: HttpRequest,
    public_id: str,
    form_class: type[django_forms.Form],
    capability: str,
    save: Callable[[HateReport, Any], object],
    heading: str,
    success: str,
    initial: Callable[[HateReport], dict] | None = None,
) -> HttpResponse:
    """The shared shape of every decision on a report: gate, validate, one action, back to the report."""
    report = access_report(request.actor, public_id, for_write=capability)
    form = form_class(request.POST if request.method == "POST" else None, initial=initial(report) if initial else None)
    if request.method == "POST" and form.is_valid():
        try:
            save(report, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(report)
    return render(request, "hate_crime/staff/report_form.html", {"report": report, "form": form, "heading": heading})


@require_http_methods(["GET", "POST"])
def triage(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.TriageForm,
        "work_hate_report",
        lambda report, data: actions.do_triage_report(report=report, acting=request.actor, **data),
        _("Classify and assess risk"),
        _("Triage saved"),
        initial=lambda r: {
            "classification": r.classification,
            "risk_level": r.risk_level,
            "vulnerability": r.vulnerability,
        },
    )


@require_http_methods(["GET", "POST"])
def assign(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.AssignForm,
        "manage_hate_report",
        lambda report, data: actions.do_assign_report(report=report, acting=request.actor, **data),
        _("Assign the report"),
        _("Report assigned"),
    )


@require_http_methods(["GET", "POST"])
def case(request: HttpRequest, public_id: str) -> HttpResponse:
    def save(report: HateReport, data: dict) -> object:
        if data["lead_agency"]:
            return actions.do_open_case_for_report(report=report, acting=request.actor, lead_agency=data["lead_agency"])
        found = staff_forms.find_hate_case(visible_cases(request.actor), data["existing_case"])
        if found is None:
            raise ValidationError(_("We could not find a hate crime case with that reference that you can see"))
        return actions.do_link_case(report=report, acting=request.actor, case=found)

    return _report_form_view(
        request,
        public_id,
        staff_forms.CaseForm,
        "manage_hate_report",
        save,
        _("Open or link a shared case"),
        _("Case linked"),
    )


@require_http_methods(["GET", "POST"])
def police_reference(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.PoliceReferenceForm,
        "work_hate_report",
        lambda report, data: actions.do_record_police_reference(report=report, acting=request.actor, **data),
        _("Record the police reference"),
        _("Police reference recorded"),
        initial=lambda r: {"police_reference": r.police_reference},
    )


@require_http_methods(["GET", "POST"])
def add_update(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.UpdateForm,
        "work_hate_report",
        lambda report, data: actions.do_add_report_update(report=report, acting=request.actor, **data),
        _("Add an update"),
        _("Update added"),
    )


@require_http_methods(["GET", "POST"])
def route(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.RouteForm,
        "manage_hate_report",
        lambda report, data: actions.do_route_to_police(report=report, acting=request.actor, **data),
        _("Pass the report to the police"),
        _("Report queued for the police"),
    )


@require_http_methods(["GET", "POST"])
def close(request: HttpRequest, public_id: str) -> HttpResponse:
    return _report_form_view(
        request,
        public_id,
        staff_forms.CloseForm,
        "manage_hate_report",
        lambda report, data: actions.do_close_report(report=report, acting=request.actor, **data),
        _("Close the report"),
        _("Report closed"),
    )


def trends(request: HttpRequest) -> HttpResponse:
    _require(request, "view_hate_trends")
    data = queries.trends()
    biggest = max([row["n"] for row in data["strand_rows"]] + [1])
    for row in data["strand_rows"]:
        # Bars only for totals that may be shown; a small total draws no bar, so its size cannot be read off.
        row["bar"] = (
            0 if 0 < row["n"] < rules.setting("HATE_CRIME_SMALL_NUMBER", 5) else round(300 * row["n"] / biggest)
        )
    return render(request, "hate_crime/staff/trends.html", data)


def trends_csv(request: HttpRequest) -> HttpResponse:
    _require(request, "view_hate_trends")
    record(request.actor, AuditAction.EXPORT, object_type="hate_crime.trends", reason="trends CSV")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hate-reports-trends.csv"'
    csv.writer(response).writerows(queries.trends_csv_rows(queries.trends()))
    return response
