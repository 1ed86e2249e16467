"""Reports made on someone's behalf: by third-party reporting centres, and by staff taking a phone call.

The page asks the same questions as the public journey (the same forms, all on one page), plus how the
person got in touch and whether they want contact. Questions that do not apply are not checked.
"""

from typing import Any

from django import forms as django_forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from hate_crime import actions, forms
from hate_crime.access import access_centre_report, centre_reports
from hate_crime.models import Channel, ReportUpdate
from hate_crime.public import flow
from hate_crime.status import PUBLIC_STATUS_LABELS
from intake.submission import new_submission_token, submit_once
from partnership.models import Agency, Role


class TokenForm(django_forms.Form):
    token = django_forms.CharField(widget=django_forms.HiddenInput)


class StaffChannelForm(django_forms.Form):
    channel = django_forms.ChoiceField(
        label=_("How did the report come in?"),
        widget=django_forms.RadioSelect,
        choices=[(Channel.PHONE, Channel.PHONE.label), (Channel.STAFF, Channel.STAFF.label)],
    )


def build_forms(data: Any, extra: list[type[django_forms.Form]]) -> tuple[list[dict], dict | None]:
    """Every question's form, bound only where the question applies; the answers when all of those are valid."""
    answers: dict[str, Any] = {}
    sections, valid = [], True
    for form_class in extra:
        form = form_class(data)
        valid = form.is_valid() and valid if data is not None else False
        answers.update(form.cleaned_data if data is not None and form.is_valid() else {})
        sections.append({"title": "", "form": form})
    for question in flow.questions:
        applies = question.applies is None or data is None or question.applies(answers)
        if applies and data is not None:
            form = question.form_class(data)
            if form.is_valid():
                answers.update(form.cleaned_data)
            else:
                valid = False
        else:
            form = question.form_class(initial=data.dict() if data is not None else None)
        sections.append({"title": question.title, "form": form, "conditional": question.applies is not None})
    return sections, (answers if valid and data is not None else None)


def _your_agency(request: HttpRequest, role: str) -> Agency:
    grant = next(g for g in request.actor.grants if g.role == role)
    return Agency.objects.get(pk=grant.agency_id)


def _submit_page(
    request: HttpRequest, *, extra: list, channel: str | None, role: str, template_title: str, done: str
) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    token_form = TokenForm(data, initial={"token": new_submission_token()})
    sections, answers = build_forms(data, extra)
    if answers is not None and token_form.is_valid():
        centre = _your_agency(request, role) if role == Role.REPORTING_CENTRE else None
        if centre is not None:
            answers["reported_via"] = answers.get("reported_via", "")
            if answers.pop("wants_contact", "no") == "no":
                answers["contact_preference"] = "none"
        chosen = answers.pop("channel", None) or channel

        def create() -> tuple[str, dict]:
            report, secret = actions.do_submit_report(answers, channel=chosen, acting=request.actor, centre=centre)
            return report.reference, {"secret": secret}

        result = submit_once(token_form.cleaned_data["token"], "hate_report_staff", create)
        request.session["hate_centre_done"] = {"reference": result.reference, **result.extra}
        return redirect(done)
    all_forms = [section["form"] for section in sections]
    return render(
        request,
        "hate_crime/staff/report_on_behalf.html",
        {"sections": sections, "all_forms": all_forms, "token_form": token_form, "title": template_title},
    )


def _done(request: HttpRequest, back: str) -> HttpResponse:
    done = request.session.pop("hate_centre_done", None)
    if not done:
        return redirect(back)
    return render(request, "hate_crime/staff/on_behalf_done.html", {"done": done, "back": back})


@require_http_methods(["GET", "POST"])
def centre_new(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "submit_on_behalf"):
        raise PermissionDenied
    return _submit_page(
        request,
        extra=[forms.CentreDetailsForm],
        channel=Channel.THIRD_PARTY,
        role=Role.REPORTING_CENTRE,
        template_title=_("Report a hate incident for someone"),
        done="hate_crime:centre_done",
    )


def centre_done(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "submit_on_behalf"):
        raise PermissionDenied
    return _done(request, "hate_crime:centre_list")


def centre_list(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "submit_on_behalf"):
        raise PermissionDenied
    reports = centre_reports(request.actor).only("public_id", "reference", "status", "created_at")
    page = Paginator(reports, 25).get_page(request.GET.get("page"))
    record(request.actor, AuditAction.SEARCH, object_type="hate_crime.hatereport", reason="centre list")
    return render(request, "hate_crime/staff/centre_list.html", {"page_obj": page, "labels": PUBLIC_STATUS_LABELS})


def centre_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    if not can(request.actor, "submit_on_behalf"):
        raise PermissionDenied
    report = access_centre_report(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, report, reason="centre status view")
    updates = report.updates.filter(kind=ReportUpdate.Kind.FOR_REPORTER)
    return render(
        request,
        "hate_crime/staff/centre_detail.html",
        {"report": report, "updates": updates, "status_label": PUBLIC_STATUS_LABELS[report.status]},
    )


@require_http_methods(["GET", "POST"])
def staff_new(request: HttpRequest) -> HttpResponse:
    """A coordinator records a report made by phone or in person."""
    if not can(request.actor, "triage_hate_reports"):
        raise PermissionDenied
    return _submit_page(
        request,
        extra=[StaffChannelForm],
        channel=None,
        role=Role.COORDINATOR,
        template_title=_("Record a hate incident report"),
        done="hate_crime:staff_done",
    )


def staff_done(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "triage_hate_reports"):
        raise PermissionDenied
    return _done(request, "hate_crime:queue")
