"""Staff pages for analysis: aggregates only, so no personal data is read and small counts are suppressed."""

from dataclasses import asdict
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from access.policy import can
from analytics.analysis import HotspotQuery, cells_as_csv, run_hotspots
from analytics.forms import HotspotFilterForm
from analytics.models import ImportBatch
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
    return render(request, "analytics/imports.html", {"page_obj": page})
