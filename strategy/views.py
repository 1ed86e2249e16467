"""Strategy pages and the quarterly board report. Aggregates only; thin views."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from strategy import actions, forms, report, rules
from strategy.models import Indicator, Measure, Priority


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def _quarter(text: str):  # noqa: ANN202
    start = rules.parse_quarter(text)
    if start is None:
        raise Http404
    return start


def latest_quarter() -> str:
    """The last complete quarter: the one the board reports on."""
    start = rules.previous_quarter(rules.quarter_start(timezone.localdate()))
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


def overview(request: HttpRequest) -> HttpResponse:
    _require(request, "view_strategy")
    quarter = latest_quarter()
    return render(request, "strategy/overview.html", {
        "sections": report.board_report(_quarter(quarter)), "quarter": quarter,
        "quarter_label": rules.quarter_label(_quarter(quarter)), "can_manage": can(request.actor, "manage_strategy"),
    })


@require_http_methods(["GET", "POST"])
def indicator(request: HttpRequest, code: str) -> HttpResponse:
    _require(request, "view_strategy")
    item = get_object_or_404(Indicator, code=code)
    may_enter = can(request.actor, "enter_indicator_values")
    form = forms.IndicatorValueForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_enter:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.do_enter_indicator_value(
                    indicator=item, quarter_start=rules.parse_quarter(form.cleaned_data["quarter"]),
                    value=form.cleaned_data["value"], source=form.cleaned_data["source"],
                    source_date=form.cleaned_data["source_date"], acting=request.actor)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Figure saved"))
                return redirect("strategy:indicator", code=code)
    start = _quarter(latest_quarter())
    row = report.indicator_row(item, start)
    return render(request, "strategy/indicator.html", {
        "row": row, "indicator": item, "form": form, "may_enter": may_enter and not row.computed,
        "breakdown": report.breakdown(item, start), "quarter_label": rules.quarter_label(start)})


@require_http_methods(["GET", "POST"])
def narrative(request: HttpRequest, priority: str, quarter: str) -> HttpResponse:
    _require(request, "manage_strategy")
    item = get_object_or_404(Priority, code=priority)
    start = _quarter(quarter)
    existing = item.narratives.filter(quarter_start=start).first()
    form = forms.NarrativeForm(request.POST if request.method == "POST" else None,
                               initial={"text": existing.text if existing else ""})
    if request.method == "POST" and form.is_valid():
        actions.do_save_narrative(priority=item, quarter_start=start, text=form.cleaned_data["text"],
                                  acting=request.actor)
        messages.success(request, _("Narrative saved"))
        return redirect("strategy:board_report", quarter=quarter)
    return render(request, "strategy/form.html", {
        "form": form, "heading": _("Narrative: %s") % item.title, "caption": rules.quarter_label(start)})


@require_http_methods(["GET", "POST"])
def plan_action(request: HttpRequest, measure_id: int) -> HttpResponse:
    _require(request, "manage_strategy")
    measure = get_object_or_404(Measure, pk=measure_id)
    form = forms.PlanActionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.do_add_plan_action(measure=measure, acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Action added"))
        return redirect("strategy:overview")
    return render(request, "strategy/form.html", {"form": form, "heading": _("Add an action"),
                                                  "caption": measure.text})


def _report_context(request: HttpRequest, quarter: str) -> dict:
    start = _quarter(quarter)
    record(request.actor, AuditAction.EXPORT, object_type="strategy.board_report", object_id=quarter)
    previous = rules.previous_quarter(start)
    return {"sections": report.board_report(start), "quarter": quarter, "quarter_label": rules.quarter_label(start),
            "previous": f"{previous.year}-Q{(previous.month - 1) // 3 + 1}",
            "can_manage": can(request.actor, "manage_strategy"), "generated": timezone.localdate()}


def board_report(request: HttpRequest, quarter: str) -> HttpResponse:
    _require(request, "view_strategy")
    return render(request, "strategy/board_report.html", _report_context(request, quarter))


def board_report_pdf(request: HttpRequest, quarter: str) -> HttpResponse:
    _require(request, "view_strategy")
    from weasyprint import HTML  # imported here: loading it at start-up is slow

    html = render_to_string("strategy/board_report_pdf.html", _report_context(request, quarter), request=request)
    pdf = HTML(string=html).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="board-report-{quarter}.pdf"'
    return response
