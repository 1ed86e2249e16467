"""Staff pages for safer spaces. Unsafe-place reports appear only as aggregates; venues and campaigns hold
no personal data."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from analytics.config import suppress
from vawg import actions, queries
from vawg.config import venue_radius_metres
from vawg.forms import CampaignForm, VenueForm
from vawg.models import Campaign, Venue

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def _venue(request: HttpRequest, venue_id: object, capability: str) -> Venue:
    """404 for a venue that does not exist or that the user may not see; 403 to see but not change."""
    venue = Venue.objects.filter(public_id=venue_id).first()
    if venue is None or not can(request.actor, "view_venue", venue):
        raise Http404
    if capability != "view_venue" and not can(request.actor, capability, venue):
        raise PermissionDenied
    return venue


def unsafe_places(request: HttpRequest) -> HttpResponse:
    _require(request, "view_safer_spaces")
    return render(request, "vawg/unsafe_places.html", queries.report_aggregates())


def venue_list(request: HttpRequest) -> HttpResponse:
    _require(request, "view_safer_spaces")
    return render(request, "vawg/venue_list.html", {
        "venues": Venue.objects.all(), "can_manage": can(request.actor, "manage_venues")})


@require_http_methods(["GET", "POST"])
def venue_create(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_venues")
    form = VenueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        venue = actions.do_add_venue(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Venue added"))
        return redirect("vawg:venue_detail", venue_id=venue.public_id)
    return render(request, "vawg/venue_form.html", {"form": form, "creating": True})


def venue_detail(request: HttpRequest, venue_id: object) -> HttpResponse:
    venue = _venue(request, venue_id, "view_venue")
    radius = venue_radius_metres()
    table = queries.venue_hour_of_week(venue, radius)
    rows = [{"day": DAYS[d], "cells": [suppress(n) if n else "0" for n in table[d]], "total": suppress(sum(table[d]))}
            for d in range(7)]
    return render(request, "vawg/venue_detail.html", {
        "venue": venue, "radius": int(radius), "rows": rows, "hours": range(24),
        "total": suppress(sum(map(sum, table))), "can_edit": can(request.actor, "edit_venue", venue)})


@require_http_methods(["GET", "POST"])
def venue_edit(request: HttpRequest, venue_id: object) -> HttpResponse:
    venue = _venue(request, venue_id, "edit_venue")
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        changed = {name: form.cleaned_data[name] for name in form.changed_data}
        venue.refresh_from_db()  # the bound form changed the instance; the action applies the change
        actions.do_update_venue(venue, acting=request.actor, **changed)
        messages.success(request, _("Venue updated"))
        return redirect("vawg:venue_detail", venue_id=venue.public_id)
    return render(request, "vawg/venue_form.html", {"form": form, "venue": venue})


def campaign_list(request: HttpRequest) -> HttpResponse:
    _require(request, "view_safer_spaces")
    return render(request, "vawg/campaign_list.html", {
        "campaigns": Campaign.objects.all(), "can_manage": can(request.actor, "manage_campaigns")})


@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_campaigns")
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.do_add_campaign(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Campaign recorded"))
        return redirect("vawg:campaign_list")
    return render(request, "vawg/campaign_form.html", {"form": form})
