"""The administrators' retention page (rules, the dry run, the last run) and the legal holds screens.

Counts and references only: nothing here shows what a record says or who is in it."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from retention import schedule
from retention.actions import do_lift_legal_hold, do_place_legal_hold
from retention.forms import LiftHoldForm, PlaceHoldForm, PlanDateForm
from retention.models import LegalHold, RetentionRule, RetentionRun
from retention.registry import find_record_type

DEFAULT_PLAN_DAYS = 30


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def overview(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_retention")
    today = timezone.localdate()
    form = PlanDateForm(request.GET or None, initial={"on": today + timedelta(days=DEFAULT_PLAN_DAYS)})
    on = form.cleaned_data["on"] if form.is_valid() else today + timedelta(days=DEFAULT_PLAN_DAYS)
    rules = [(rule, find_record_type(rule.record_type)) for rule in RetentionRule.objects.all()]
    return render(
        request,
        "retention/overview.html",
        {
            "form": form,
            "on": on,
            "plan": schedule.plan_for(on) if not form.errors else [],
            "next_run": schedule.next_run_for(today + timedelta(days=1)),
            "notice_days": schedule.notice_days(),
            "rules": rules,
            "last_run": RetentionRun.objects.filter(finished_at__isnull=False).first(),
        },
    )


def holds(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_legal_holds")
    all_holds = LegalHold.objects.select_related("placed_by", "lifted_by", "content_type")
    return render(
        request,
        "retention/holds.html",
        {
            "active": all_holds.filter(lifted_at__isnull=True),
            "lifted": all_holds.filter(lifted_at__isnull=False)[:20],
        },
    )


def _form_page(request: HttpRequest, form: object, heading: str, caption: str = "") -> HttpResponse:
    return render(request, "retention/form.html", {"form": form, "heading": heading, "caption": caption})


@require_http_methods(["GET", "POST"])
def hold_place(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_legal_holds")
    form = PlaceHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _record_type, obj = form.found
        try:
            do_place_legal_hold(
                obj=obj, reason=form.cleaned_data["reason"], label=form.cleaned_data["reference"], acting=request.actor
            )
        except ValidationError as error:
            form.add_error("reference", error)
        else:
            messages.success(request, _("Legal hold placed"))
            return redirect("retention:holds")
    return _form_page(request, form, _("Place a legal hold"))


@require_http_methods(["GET", "POST"])
def hold_lift(request: HttpRequest, hold_id: int) -> HttpResponse:
    _require(request, "manage_legal_holds")
    hold = LegalHold.objects.filter(pk=hold_id, lifted_at__isnull=True).first()
    if hold is None:
        raise Http404
    form = LiftHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_lift_legal_hold(hold=hold, reason=form.cleaned_data["reason"], acting=request.actor)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Legal hold lifted"))
            return redirect("retention:holds")
    return _form_page(request, form, _("Lift a legal hold"), caption=hold.label)
