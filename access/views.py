"""Staff pages for the register of information sharing agreements. Thin: gate, form, one action, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access import actions
from access.agreements import filtered_agreements, status_of
from access.forms import AgreementFilterForm, EndAgreementForm, SharingAgreementForm
from access.gates import access_agreement
from access.models import SharingAgreement
from access.policy import can
from csphub.http import form_data


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def agreement_list(request: HttpRequest) -> HttpResponse:
    _require(request, "view_sharing_agreements")
    filters = AgreementFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    agreements = filtered_agreements(cleaned.get("agency"), cleaned.get("status", ""))
    return render(
        request,
        "access/agreement_list.html",
        {"filters": filters, "agreements": agreements, "can_manage": can(request.actor, "manage_sharing_agreements")},
    )


def agreement_detail(request: HttpRequest, agreement_id: object) -> HttpResponse:
    agreement = access_agreement(request.actor, agreement_id)
    return render(
        request,
        "access/agreement_detail.html",
        {
            "agreement": agreement,
            "status": status_of(agreement),
            "parties": agreement.parties.all(),
            "can_edit": can(request.actor, "edit_sharing_agreement", agreement),
            "can_end": can(request.actor, "end_sharing_agreement", agreement),
        },
    )


def _save(request: HttpRequest, agreement: SharingAgreement | None) -> HttpResponse:
    form = SharingAgreementForm(form_data(request), instance=agreement)
    if request.method == "POST" and form.is_valid():
        if agreement is not None:
            agreement.refresh_from_db()  # the bound form changed the instance; the action applies the change
        try:
            saved = actions.do_save_sharing_agreement(
                agreement=agreement,
                fields=form.agreement_fields(),
                parties=form.cleaned_data["parties"],
                acting=request.actor,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agreement %s saved") % saved.reference)
            return redirect(saved)
    return render(request, "access/agreement_form.html", {"form": form, "agreement": agreement})


@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_sharing_agreements")
    return _save(request, None)


@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, agreement_id: object) -> HttpResponse:
    return _save(request, access_agreement(request.actor, agreement_id, for_write="edit_sharing_agreement"))


@require_http_methods(["GET", "POST"])
def agreement_end(request: HttpRequest, agreement_id: object) -> HttpResponse:
    agreement = access_agreement(request.actor, agreement_id, for_write="end_sharing_agreement")
    form = EndAgreementForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_end_sharing_agreement(
                agreement=agreement, ends_on=form.cleaned_data["ends_on"], acting=request.actor
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agreement %s ended") % agreement.reference)
            return redirect(agreement)
    return render(request, "access/agreement_end.html", {"form": form, "agreement": agreement})
