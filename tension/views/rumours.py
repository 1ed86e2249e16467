"""The rumour and disinformation register."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from tension import actions, config, forms, queries
from tension.access import access_record
from tension.models import Rumour, RumourStatus
from tension.views import posted, require


def rumour_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_tension")
    status = request.GET.get("status", "")
    rumours = Rumour.objects.select_related("publisher")
    if status in RumourStatus.values:
        rumours = rumours.filter(status=status)
    context = {"rumours": rumours, "status": status, "statuses": RumourStatus.choices,
               "can_manage": can(request.actor, "manage_rumours")}
    return render(request, "tension/rumour_list.html", context)


def spreading(request: HttpRequest) -> HttpResponse:
    require(request, "view_tension")
    context = {"rumours": queries.spreading_now(timezone.now()), "hours": config.spreading_window_hours()}
    return render(request, "tension/rumour_spreading.html", context)


@require_http_methods(["GET", "POST"])
def rumour_create(request: HttpRequest) -> HttpResponse:
    require(request, "manage_rumours")
    form = forms.RumourForm(posted(request))
    if request.method == "POST" and form.is_valid():
        rumour = actions.do_record_rumour(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Claim added to the register"))
        return redirect("tension:rumour_detail", rumour.public_id)
    return render(request, "tension/rumour_form.html", {"form": form})


def rumour_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    rumour = access_record(request.actor, Rumour, public_id)
    record(request.actor, AuditAction.VIEW, rumour)
    platforms = dict(config.platform_choices())
    context = {
        "rumour": rumour,
        "platforms": [platforms.get(p, p) for p in rumour.platforms],
        "updates": rumour.updates.select_related("by"),
        "reports": rumour.reports.select_related("area"),
        "incidents": rumour.incidents.select_related("case", "area"),
        "can_manage": can(request.actor, "change_tension_record", rumour),
        "can_approve": can(request.actor, "assess_tension"),
    }
    return render(request, "tension/rumour_detail.html", context)


@require_http_methods(["GET", "POST"])
def rumour_edit(request: HttpRequest, public_id: str) -> HttpResponse:
    rumour = access_record(request.actor, Rumour, public_id, for_write=True)
    form = forms.RumourForm(posted(request), instance=rumour)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        rumour.refresh_from_db()  # validation changed the instance in place; the action applies the changes
        try:
            actions.do_update_rumour(rumour=rumour, changes=changes, acting=request.actor)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Claim updated"))
            return redirect("tension:rumour_detail", rumour.public_id)
    return render(request, "tension/rumour_form.html", {"form": form, "rumour": rumour})


@require_http_methods(["GET", "POST"])
def rumour_status(request: HttpRequest, public_id: str) -> HttpResponse:
    rumour = access_record(request.actor, Rumour, public_id, for_write=True)
    form = forms.RumourStatusForm(posted(request), initial={"status": rumour.status})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_change_rumour_status(rumour=rumour, acting=request.actor, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Status changed"))
            return redirect("tension:rumour_detail", rumour.public_id)
    return render(request, "tension/rumour_status.html", {"form": form, "rumour": rumour})


@require_http_methods(["GET", "POST"])
def rumour_approve(request: HttpRequest, public_id: str) -> HttpResponse:
    """The coordinator reads the counter-message and approves it for publication (POST)."""
    rumour = access_record(request.actor, Rumour, public_id)
    require(request, "assess_tension")
    error = ""
    if request.method == "POST":
        try:
            actions.do_approve_counter_message(rumour=rumour, acting=request.actor)
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            messages.success(request, _("Counter-message approved for publication"))
            return redirect("tension:rumour_detail", rumour.public_id)
    return render(request, "tension/rumour_approve.html", {"rumour": rumour, "error": error})
