"""Staff screens for the shared case file. Thin: parse, pass the access gate, call an action, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.agreements import agreements_due_for_review
from access.gates import access_action, access_case, access_case_for_break_glass, access_person
from access.policy import can, visible_cases, visible_person_fields
from audit.log import record
from audit.models import AuditAction
from core import actions, forms, queries
from core.dashboard import overdue_items
from core.kinds import get_kind
from core.models import CaseStatus, IncidentCategory
from core.panels import panels_for
from csphub.http import form_data, form_files


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def dashboard(request: HttpRequest) -> HttpResponse:
    _require(request, "view_dashboard")
    context = {
        "cases": queries.my_open_cases(request.actor)[:20],
        "overdue": overdue_items(request.actor),
    }
    if can(request.actor, "view_sharing_agreements"):
        context["agreements_due"] = agreements_due_for_review(request.actor)[:20]
        context["today"] = timezone.localdate()
    return render(request, "core/dashboard.html", context)


def case_list(request: HttpRequest) -> HttpResponse:
    _require(request, "view_dashboard")
    filters = forms.CaseFilterForm(request.GET or None)
    cleaned = filters.cleaned_data if filters.is_valid() else {}
    page = Paginator(queries.filtered_cases(request.actor, cleaned), 25).get_page(request.GET.get("page"))
    return render(request, "core/case_list.html", {"filters": filters, "page_obj": page})


@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """Search is a POST so that names never appear in URLs, logs or browser history."""
    _require(request, "search")
    form = forms.SearchForm(form_data(request))
    results = None
    if request.method == "POST" and form.is_valid():
        results = list(queries.search_cases(request.actor, form.cleaned_data["q"]))
        record(request.actor, AuditAction.SEARCH, object_type="core.case", reason=f"{len(results)} results")
    return render(request, "core/search.html", {"form": form, "results": results})


@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    _require(request, "create_case")
    form = forms.CaseForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        case = actions.do_create_case(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("Case %s created") % case.reference)
        return redirect(case)
    return render(request, "core/case_form.html", {"form": form, "creating": True})


def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    try:
        case = access_case(request.actor, reference)
    except Http404:
        case = access_case_for_break_glass(request.actor, reference)
        return redirect("core:break_glass", reference=case.reference)
    record(request.actor, AuditAction.VIEW, case)
    context = {
        "case": case,
        "kind": get_kind(case.kind),
        "participants": case.participants.select_related("person"),
        "chronology": queries.chronology(case),
        "actions": case.actions.select_related("owner_agency", "owner_user"),
        "team": case.team.select_related("agency", "user", "sharing_agreement"),
        "attachments": case.attachments.select_related("uploaded_by"),
        "access_log": queries.access_log(case),
        "break_glass": case.break_glass_grants.select_related("user")[:20],
        "can_add": can(request.actor, "add_to_case", case),
        "can_edit": can(request.actor, "edit_case", case),
        "can_manage_team": can(request.actor, "manage_team", case),
        "sensitive_fields": visible_person_fields(request.actor, case),
        "panels": panels_for(request.actor, case),
    }
    return render(request, "core/case_detail.html", context)


@require_http_methods(["GET", "POST"])
def break_glass(request: HttpRequest, reference: str) -> HttpResponse:
    if can(request.actor, "view_dashboard") and visible_cases(request.actor).filter(reference=reference).exists():
        return redirect("core:case_detail", reference=reference)  # already allowed: nothing to break
    case = access_case_for_break_glass(request.actor, reference)
    form = forms.BreakGlassForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        actions.do_break_glass(case=case, reason=form.cleaned_data["reason"], acting=request.actor)
        return redirect(case)
    return render(request, "core/break_glass.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, reference: str) -> HttpResponse:
    case = access_case(request.actor, reference, for_write="edit_case")
    form = forms.CaseEditForm(form_data(request), instance=case)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        case.refresh_from_db()  # the form's instance was modified in place by validation
        if changes:
            actions.do_update_case(case=case, acting=request.actor, changes=changes)
        messages.success(request, _("Case updated"))
        return redirect(case)
    return render(request, "core/case_form.html", {"form": form, "case": case})


def person_detail(request: HttpRequest, reference: str, person_id: str) -> HttpResponse:
    case = access_case(request.actor, reference)
    person = access_person(request.actor, case, person_id)
    record(request.actor, AuditAction.VIEW, person, reason=f"through case {case.pk}")
    context = {
        "case": case,
        "person": person,
        "roles": case.participants.filter(person=person),
        "sensitive_fields": visible_person_fields(request.actor, case),
        "incidents": person.incidents.filter(cases=case),
    }
    return render(request, "core/person_detail.html", context)


def _case_form_view(request: HttpRequest, reference: str, form_class, template: str, save, *,  # noqa: ANN001, PLR0913
                    capability: str = "add_to_case", success: str = "", files: bool = False) -> HttpResponse:
    """The shared shape of every "add something to a case" page: gate, validate, one action, back to the case."""
    case = access_case(request.actor, reference, for_write=capability)
    form = form_class(form_data(request), form_files(request)) if files else form_class(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(case)
    return render(request, template, {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def add_incident(request: HttpRequest, reference: str) -> HttpResponse:
    def save(case, form):  # noqa: ANN001, ANN202
        source_agency_id = request.actor.audit_agency[0]
        return actions.do_record_incident(
            acting=request.actor, cases=[case], source_agency_id=source_agency_id, **form.cleaned_data
        )

    return _case_form_view(request, reference, forms.IncidentForm, "core/incident_form.html", save,
                           success=_("Incident recorded"))


@require_http_methods(["GET", "POST"])
def add_note(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.NoteForm, "core/note_form.html",
        lambda case, form: actions.do_add_note(case=case, text=form.cleaned_data["text"], acting=request.actor),
        success=_("Note added"),
    )


@require_http_methods(["GET", "POST"])
def add_action(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.ActionForm, "core/action_form.html",
        lambda case, form: actions.do_add_action(case=case, acting=request.actor, **form.cleaned_data),
        success=_("Action added"),
    )


@require_http_methods(["GET", "POST"])
def add_participant(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.ParticipantForm, "core/participant_form.html",
        lambda case, form: actions.do_add_participant(
            case=case, person_fields=form.person_fields(), role=form.cleaned_data["role"],
            basis=form.cleaned_data["basis"] or None, basis_explanation=form.cleaned_data["basis_explanation"],
            acting=request.actor,
        ),
        success=_("Person added to the case"),
    )


@require_http_methods(["GET", "POST"])
def add_team_agency(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.TeamAgencyForm, "core/team_form.html",
        lambda case, form: actions.do_add_team_agency(acting=request.actor, case=case, **form.cleaned_data),
        capability="manage_team", success=_("Agency added to the case team"),
    )


@require_http_methods(["GET", "POST"])
def add_team_user(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.TeamUserForm, "core/team_form.html",
        lambda case, form: actions.do_add_team_user(acting=request.actor, case=case, **form.cleaned_data),
        capability="manage_team", success=_("Member of staff added to the case team"),
    )


@require_http_methods(["GET", "POST"])
def add_attachment(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_form_view(
        request, reference, forms.AttachmentForm, "core/attachment_form.html",
        lambda case, form: actions.do_attach_file(
            case=case, upload=form.cleaned_data["file"], description=form.cleaned_data["description"],
            acting=request.actor,
        ),
        success=_("File attached"), files=True,
    )


def download_attachment(request: HttpRequest, reference: str, attachment_id: str) -> FileResponse:
    case = access_case(request.actor, reference)
    attachment = case.attachments.filter(public_id=attachment_id).first()
    if attachment is None:
        raise Http404
    record(request.actor, AuditAction.VIEW, attachment)
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def complete_action(request: HttpRequest, reference: str, action_id: int) -> HttpResponse:
    case = access_case(request.actor, reference)
    action = access_action(request.actor, case, action_id)
    form = forms.CompleteActionForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        actions.do_complete_action(action=action, outcome=form.cleaned_data["outcome"], acting=request.actor)
        messages.success(request, _("Action marked as done"))
        return redirect(case)
    return render(request, "core/complete_action.html", {"case": case, "action": action, "form": form})


def figures(request: HttpRequest) -> HttpResponse:
    """Aggregates for analysts and the board: counts only, small numbers suppressed, never a name."""
    _require(request, "view_aggregates")
    data = queries.aggregate_figures()
    for row in data["cases"]:
        row.update(shown=queries.suppress(row["n"]), kind_label=get_kind(row["kind"]).label,
                   status_label=CaseStatus(row["status"]).label)
    for row in data["incidents"]:
        row.update(shown=queries.suppress(row["n"]), category_label=IncidentCategory(row["category"]).label)
    return render(request, "core/figures.html", data)
