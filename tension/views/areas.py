"""The weekly assessment, areas and their level history, and tension reports."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from core.queries import suppress
from tension import actions, config, forms, queries
from tension.access import access_record
from tension.models import Rumour, TensionArea, TensionReport
from tension.views import posted, require


def home(request: HttpRequest) -> HttpResponse:
    """The weekly assessment: every area with its level, trend, the reports behind it and hate and ASB
    incidents beside it."""
    require(request, "view_tension")
    today = timezone.localdate()
    monday = queries.parse_week(request.GET.get("week"), today)
    rows = queries.weekly_assessment(monday)
    context = {
        "rows": rows, "monday": monday, "sunday": monday + timedelta(days=6),
        "previous_week": (monday - timedelta(days=7)).strftime("%G-W%V"),
        "next_week": (monday + timedelta(days=7)).strftime("%G-W%V") if monday < today - timedelta(
            days=today.weekday()) else "",
        "spreading": queries.spreading_now(timezone.now())[:5],
        "can_assess": can(request.actor, "assess_tension"),
        "can_declare": can(request.actor, "declare_tension_incident"),
        "levels": config.levels(),
    }
    return render(request, "tension/home.html", context)


def report_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_tension")
    reports = TensionReport.objects.select_related("area", "submitted_agency")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    return render(request, "tension/report_list.html", {"page_obj": page})


@require_http_methods(["GET", "POST"])
def report_create(request: HttpRequest) -> HttpResponse:
    require(request, "submit_tension_report")
    form = forms.TensionReportForm(posted(request), initial={"observed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        report = actions.do_submit_tension_report(acting=request.actor, rumours=data.pop("rumours"), **data)
        messages.success(request, _("Tension report sent. Thank you."))
        return redirect("tension:report_detail", report.public_id)
    return render(request, "tension/report_form.html", {"form": form})


def report_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    report = access_record(request.actor, TensionReport, public_id)
    record(request.actor, AuditAction.VIEW, report)
    context = {"report": report, "indicators": dict(config.indicator_choices()),
               "can_review": can(request.actor, "change_tension_record", report)}
    return render(request, "tension/report_detail.html", context)


@require_http_methods(["GET", "POST"])
def report_review(request: HttpRequest, public_id: str) -> HttpResponse:
    report = access_record(request.actor, TensionReport, public_id, for_write=True)
    form = forms.SharingReviewForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.do_review_report_sharing(report=report, decision=form.cleaned_data["decision"], acting=request.actor)
        messages.success(request, _("Sharing review recorded"))
        return redirect("tension:report_detail", report.public_id)
    return render(request, "tension/report_review.html", {"form": form, "report": report})


@require_http_methods(["GET", "POST"])
def area_create(request: HttpRequest) -> HttpResponse:
    require(request, "assess_tension")
    form = forms.AreaForm(posted(request))
    if request.method == "POST" and form.is_valid():
        area = actions.do_create_area(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Area added"))
        return redirect("tension:area_detail", area.public_id)
    return render(request, "tension/area_form.html", {"form": form})


def area_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    area = access_record(request.actor, TensionArea, public_id)
    context = {
        "area": area,
        "history": area.level_changes.select_related("set_by"),
        "reports": queries.area_reports(area),
        "incidents": area.incidents.select_related("case"),
        "can_assess": can(request.actor, "change_tension_record", area),
    }
    return render(request, "tension/area_detail.html", context)


@require_http_methods(["GET", "POST"])
def area_set_level(request: HttpRequest, public_id: str) -> HttpResponse:
    area = access_record(request.actor, TensionArea, public_id, for_write=True)
    form = forms.AreaLevelForm(posted(request), initial={"level": area.current_level})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_set_area_level(area=area, acting=request.actor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Level recorded for %(area)s") % {"area": area.name})
            return redirect("tension:area_detail", area.public_id)
    return render(request, "tension/area_level_form.html", {"form": form, "area": area})


def figures(request: HttpRequest) -> HttpResponse:
    """Counts only, for analysts and the board; 1 to 4 shown as "fewer than 5"."""
    require(request, "view_aggregates")
    by_level = TensionReport.objects.values("judged_level").annotate(n=Count("id")).order_by("judged_level")
    by_status = Rumour.objects.values("status").annotate(n=Count("id")).order_by("status")
    areas = TensionArea.objects.filter(active=True).values("current_level").annotate(n=Count("id"))
    labels = dict(config.level_choices())
    context = {
        "reports": [(labels.get(r["judged_level"], r["judged_level"]), suppress(r["n"])) for r in by_level],
        "rumours": [(r["status"].capitalize(), suppress(r["n"])) for r in by_status],
        "areas": [(labels.get(r["current_level"], r["current_level"]), suppress(r["n"])) for r in areas],
    }
    return render(request, "tension/figures.html", context)
