"""Staff pages for analysis: aggregates only, so no personal data is read and small counts are suppressed."""

import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from analytics.analysis import HotspotQuery, cells_as_csv, run_hotspots
from analytics.charts import line_chart
from analytics.forms import HotspotFilterForm, PartnerImportForm, TrendFilterForm
from analytics.models import ImportBatch
from analytics.partner_import import import_partner_file
from analytics.sources import CATEGORY_SETS
from analytics.trends import build_trends, default_period
from audit.log import record
from audit.models import AuditAction


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def _query(form: HotspotFilterForm) -> HotspotQuery:
    data = form.cleaned_data if form.is_valid() else {}
    return HotspotQuery(category=data.get("category") or "vawg", start=data.get("start") or date(2000, 1, 1),
                        end=data.get("end") or date(2100, 12, 1), window=data.get("window") or "")


def hotspots(request: HttpRequest) -> HttpResponse:
    _require(request, "view_analytics")
    form = HotspotFilterForm(request.GET or None)
    run = run_hotspots(_query(form)) if not form.is_bound or form.is_valid() else None
    page = Paginator(run.cells if run else [], 50).get_page(request.GET.get("page"))
    map_cells = [{"corners": c.corners, "class": c.classification, "count": c.shown_count, "z": round(c.z, 2)}
                 for c in (run.cells if run else [])]
    return render(request, "analytics/hotspots.html", {
        "form": form, "run": run, "page_obj": page, "map_cells": map_cells,
        "tile_url": settings.MAP_TILE_URL, "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        "query_string": request.GET.urlencode(),
    })


def hotspots_csv(request: HttpRequest) -> HttpResponse:
    _require(request, "view_analytics")
    form = HotspotFilterForm(request.GET or None)
    run = run_hotspots(_query(form))
    record(request.actor, AuditAction.EXPORT, object_type="analytics.hotspots",
           reason=f"hot spot cells as CSV: {asdict(run.query)['category']}")
    response = HttpResponse(cells_as_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="hotspots.csv"'
    return response


def imports(request: HttpRequest) -> HttpResponse:
    _require(request, "view_imports")
    page = Paginator(ImportBatch.objects.all(), 25).get_page(request.GET.get("page"))
    return render(request, "analytics/imports.html", {
        "page_obj": page, "can_import": can(request.actor, "import_partner_data")})


@require_http_methods(["GET", "POST"])
def partner_import(request: HttpRequest) -> HttpResponse:
    _require(request, "import_partner_data")
    form = PartnerImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "upload.csv"
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            batch = import_partner_file(path, form.cleaned_data["source"], form.mapping(),
                                        file_name=Path(upload.name).name[:255]).batch
        messages.success(request, _("%(imported)s rows imported, %(held)s already held, %(refused)s refused") % {
            "imported": batch.imported, "held": batch.already_imported, "refused": batch.bad_rows})
        return redirect("analytics:imports")
    return render(request, "analytics/partner_import.html", {"form": form})


def trends(request: HttpRequest) -> HttpResponse:
    _require(request, "view_analytics")
    form = TrendFilterForm(request.GET or None)
    context: dict = {"form": form, "trends": None}
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        first, last = default_period()
        start, end = data.get("start") or first, data.get("end") or last
        result = build_trends(data.get("category") or "vawg", min(start, end), end)
        label = CATEGORY_SETS[result.category].label
        context.update(trends=result, label=label, hours=range(24), chart=line_chart(
            [f"{m.month:%b %y}" for m in result.months],
            [(_("This year"), [m.count for m in result.months]),
             (_("A year before"), [m.last_year for m in result.months])],
            title=_("Records per month: %(label)s") % {"label": label},
            desc=_("A line chart of records per month with the same month a year before. "
                   "The table below gives the same numbers.")))
    return render(request, "analytics/trends.html", context)
