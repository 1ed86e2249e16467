"""Staff screens for subject rights: the requests register, finding the person, recording and actioning requests.

URLs carry random ids only (a person's or a request's ``public_id``), never a name or a contact detail; the
person search is a POST for the same reason.
"""

from collections.abc import Callable
from typing import Any, TypeVar
from uuid import UUID

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from core.models import Person
from rights import actions, forms, queries
from rights.models import ErasureRequest, RectificationRequest, SubjectAccessRequest

M = TypeVar("M", bound=Model)


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def _get(model: type[M], public_id: UUID) -> M:
    found = model.objects.filter(public_id=public_id).first()
    if found is None:
        raise Http404
    return found


def _form_page(
    request: HttpRequest,
    form_class: type[django_forms.Form],
    save: Callable[[dict[str, Any]], Any],
    *,
    heading: str,
    back_url: str,
    success: str,
    caption: str = "",
    intro: str = "",
    done_url: Callable[[Any], str] | None = None,
) -> HttpResponse:
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(done_url(saved) if done_url else back_url)
    return render(
        request,
        "rights/form.html",
        {"form": form, "heading": heading, "back_url": back_url, "caption": caption, "intro": intro},
    )


def register(request: HttpRequest) -> HttpResponse:
    _require(request, "view_subject_rights")
    return render(
        request,
        "rights/register.html",
        {
            "rows": queries.register_rows(timezone.localdate()),
            "can_handle": can(request.actor, "handle_subject_rights"),
        },
    )


@require_http_methods(["GET", "POST"])
def find_person(request: HttpRequest) -> HttpResponse:
    _require(request, "handle_subject_rights")
    form = forms.FindPersonForm(request.POST if request.method == "POST" else None)
    results = None
    if request.method == "POST" and form.is_valid():
        results = queries.find_people(**form.cleaned_data)
        record(
            request.actor,
            AuditAction.SEARCH,
            object_type="core.person",
            reason=f"subject rights person search: {len(results)} found",
        )
    return render(request, "rights/find_person.html", {"form": form, "results": results})


def person(request: HttpRequest, person_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    subject = _get(Person, person_id)
    record(request.actor, AuditAction.VIEW, subject, reason="subject rights: person's requests")
    return render(request, "rights/person.html", {"person": subject, **queries.requests_for(subject)})


@require_http_methods(["GET", "POST"])
def new_request(request: HttpRequest, person_id: UUID, kind: str) -> HttpResponse:
    _require(request, "handle_subject_rights")
    subject = _get(Person, person_id)
    back = reverse("rights:person", args=[subject.public_id])
    pages: dict[str, tuple[type[django_forms.Form], Callable[[dict[str, Any]], Model], str]] = {
        "access": (
            forms.SubjectAccessRequestForm,
            lambda d: actions.do_record_subject_access_request(person=subject, acting=request.actor, **d),
            _("Record a subject access request"),
        ),
        "rectification": (
            forms.RectificationRequestForm,
            lambda d: actions.do_record_rectification_request(person=subject, acting=request.actor, **d),
            _("Record a request to correct a detail"),
        ),
        "erasure": (
            forms.ErasureRequestForm,
            lambda d: actions.do_record_erasure_request(person=subject, acting=request.actor, **d),
            _("Record a request for erasure"),
        ),
    }
    if kind not in pages:
        raise Http404
    form_class, save, heading = pages[kind]
    return _form_page(
        request,
        form_class,
        save,
        heading=heading,
        back_url=back,
        success=_("Request recorded"),
        caption=subject.full_name,
        done_url=queries.detail_url,
    )


def access_request(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    sar = _get(SubjectAccessRequest, public_id)
    record(request.actor, AuditAction.VIEW, sar, reason="subject access request")
    return render(request, "rights/access_request.html", {"sar": sar, "state": queries.state_of(sar)})


@require_http_methods(["GET", "POST"])
def extend_access_request(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    sar = _get(SubjectAccessRequest, public_id)
    back = queries.detail_url(sar)
    return _form_page(
        request,
        forms.ExtendForm,
        lambda d: actions.do_extend_subject_access_request(request=sar, reason=d["reason"], acting=request.actor),
        heading=_("Extend the time to respond by two months"),
        back_url=back,
        success=_("Response time extended"),
        caption=sar.reference,
    )


@require_http_methods(["GET", "POST"])
def complete_access_request(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    sar = _get(SubjectAccessRequest, public_id)
    return _form_page(
        request,
        forms.CompleteForm,
        lambda d: actions.do_complete_subject_access_request(request=sar, acting=request.actor, **d),
        heading=_("Record that the response was sent"),
        back_url=queries.detail_url(sar),
        success=_("Request complete"),
        caption=sar.reference,
    )


def download_export(request: HttpRequest, public_id: UUID, file_format: str) -> HttpResponse:
    _require(request, "handle_subject_rights")
    sar = _get(SubjectAccessRequest, public_id)
    if file_format not in actions.EXPORT_FORMATS:
        raise Http404
    name, content = actions.do_export_subject_access(request=sar, file_format=file_format, acting=request.actor)
    response = HttpResponse(content, content_type=actions.EXPORT_FORMATS[file_format])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def rectification_request(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    item = _get(RectificationRequest, public_id)
    record(request.actor, AuditAction.VIEW, item, reason="rectification request")
    return render(request, "rights/rectification_request.html", {"item": item, "state": queries.state_of(item)})


@require_http_methods(["GET", "POST"])
def rectify(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    item = _get(RectificationRequest, public_id)
    return _form_page(
        request,
        forms.ConfirmForm,
        lambda d: actions.do_rectify_person(rectification=item, acting=request.actor),
        heading=_("Make the correction"),
        back_url=queries.detail_url(item),
        success=_("Correction made"),
        caption=item.reference,
        intro=_("The person record will be changed to what the request says it should be."),
    )


def erasure_request(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    item = _get(ErasureRequest, public_id)
    record(request.actor, AuditAction.VIEW, item, reason="erasure request")
    return render(request, "rights/erasure_request.html", {"item": item, "state": queries.state_of(item)})


@require_http_methods(["GET", "POST"])
def assess_erasure(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    item = _get(ErasureRequest, public_id)

    def save(data: dict[str, Any]) -> ErasureRequest:
        return actions.do_assess_erasure_request(
            erasure=item,
            granted=data["decision"] == "granted",
            refusal_ground=data["refusal_ground"],
            reason=data["reason"],
            decided_on=data["decided_on"],
            acting=request.actor,
        )

    return _form_page(
        request,
        forms.ErasureDecisionForm,
        save,
        heading=_("Decide the request for erasure"),
        back_url=queries.detail_url(item),
        success=_("Decision recorded"),
        caption=item.reference,
        intro=_(
            "Refuse only on a ground the law gives, for example when the records are needed for a "
            "statutory function or a legal hold applies. Tell the person why."
        ),
    )


@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest, public_id: UUID) -> HttpResponse:
    _require(request, "handle_subject_rights")
    item = _get(ErasureRequest, public_id)
    return _form_page(
        request,
        forms.ConfirmForm,
        lambda d: actions.do_erase_person(erasure=item, acting=request.actor),
        heading=_("Erase the person's records"),
        back_url=queries.detail_url(item),
        success=_("Records erased"),
        caption=item.reference,
        intro=_("The person's details are replaced everywhere in csphub. This cannot be undone."),
    )
