"""Staff pages for domestic abuse cases and MARAC. Thin: gate, validate, one action, render."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.policy import can, visible_cases, visible_person_fields
from audit.log import record
from audit.models import AuditAction
from core.actions import do_add_action
from core.models import ActionStatus, AgendaItem, Meeting, ParticipantRole
from csphub.http import form_data
from domestic_abuse import actions, forms, queries
from domestic_abuse.models import DashQuestion, EncompassNotification, MaracReferral, MaracResearch, ReferralStatus


def _require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def _form_page(request: HttpRequest, form, template: str, save, context: dict, success: str, *, to: str):  # noqa: ANN001, ANN202, PLR0913
    """Validate, run one action, go back; a ValidationError from the action shows in the error summary."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(to)
    return render(request, template, {**context, "form": form})


def home(request: HttpRequest) -> HttpResponse:
    _require(request, "da_casework")
    cases = queries.da_cases(request.actor)
    proposed = MaracReferral.objects.filter(case__in=cases, status=ReferralStatus.PROPOSED).select_related("case")
    return render(request, "domestic_abuse/home.html", {
        "cases": cases[:50], "proposed": proposed, "marac_panel": can(request.actor, "marac_panel"),
        "manage_directory": can(request.actor, "manage_support_directory")})


def case(request: HttpRequest, reference: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference)
    record(request.actor, AuditAction.VIEW, case, reason="domestic abuse overview")
    return render(request, "domestic_abuse/case.html", {
        "case": case,
        "victims": queries.case_people(case, ParticipantRole.VICTIM),
        "perpetrators": queries.case_people(case, ParticipantRole.PERPETRATOR),
        "children": case.participants.filter(role=ParticipantRole.CHILD).select_related("person__da_school__school"),
        "assessments": case.dash_assessments.all(),
        "referrals": case.marac_referrals.select_related("marac_case"),
        "interventions": case.da_interventions.select_related("perpetrator"),
        "notifications": EncompassNotification.objects.filter(incident__cases=case).select_related("school", "child"),
        "sensitive_fields": visible_person_fields(request.actor, case),
        "can_add": can(request.actor, "add_to_case", case),
    })


@require_http_methods(["GET", "POST"])
def dash_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    version = actions.current_dash_version()
    questions = list(DashQuestion.objects.filter(version=version))
    victims = queries.case_people(case, ParticipantRole.VICTIM)
    form = forms.DashForm(form_data(request), questions=questions, victims=victims)
    if not victims:
        form.errors.setdefault("__all__", form.error_class()).append("Add the victim to the case first")

    def save(form) -> None:  # noqa: ANN001
        actions.do_complete_dash(case=case, victim=form.cleaned_data["victim"], answers=form.answers(),
                                 version=version, professional_judgement=form.cleaned_data["professional_judgement"],
                                 judgement_reason=form.cleaned_data["judgement_reason"], acting=request.actor)

    heading = f"DASH risk checklist (version {version})"
    return _form_page(request, form, "domestic_abuse/simple_form.html", save, {"case": case, "heading": heading},
                      "Assessment saved", to=reverse("domestic_abuse:case", args=[case.reference]))


def dash_detail(request: HttpRequest, reference: str, assessment_id: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference)
    assessment = case.dash_assessments.filter(public_id=assessment_id).select_related("victim").first()
    if assessment is None:
        raise Http404
    record(request.actor, AuditAction.VIEW, assessment)
    return render(request, "domestic_abuse/dash_detail.html", {
        "case": case, "assessment": assessment, "answers": assessment.answers.select_related("question")})


def _referral(request: HttpRequest, reference: str, referral_id: str):  # noqa: ANN202
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    referral = case.marac_referrals.filter(public_id=referral_id).first()
    if referral is None:
        raise Http404
    return case, referral


@require_http_methods(["GET", "POST"])
def referral_submit(request: HttpRequest, reference: str, referral_id: str) -> HttpResponse:
    case, referral = _referral(request, reference, referral_id)
    form = forms.ReferralSubmitForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: actions.do_submit_referral(referral=referral, acting=request.actor, **f.cleaned_data),
                      {"case": case, "heading": "Refer to MARAC", "intro": referral.criteria_reasons},
                      "Referred to MARAC",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


@require_http_methods(["GET", "POST"])
def referral_decline(request: HttpRequest, reference: str, referral_id: str) -> HttpResponse:
    case, referral = _referral(request, reference, referral_id)
    form = forms.DeclineForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: actions.do_decline_referral(referral=referral, acting=request.actor, **f.cleaned_data),
                      {"case": case, "heading": "Do not refer to MARAC"}, "Decision recorded",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


# --- MARAC -------------------------------------------------------------------------------------------


def _marac_meetings(request: HttpRequest):  # noqa: ANN202
    return Meeting.objects.filter(kind=Meeting.Kind.MARAC)


def _meeting(request: HttpRequest, meeting_id: int, capability: str = "marac_panel") -> Meeting:
    _require(request, capability)
    meeting = _marac_meetings(request).filter(pk=meeting_id).first()
    if meeting is None:
        raise Http404
    return meeting


def marac_home(request: HttpRequest) -> HttpResponse:
    _require(request, "marac_panel")
    waiting = MaracReferral.objects.filter(status=ReferralStatus.REFERRED).select_related("marac_case")
    return render(request, "domestic_abuse/marac_home.html", {
        "meetings": _marac_meetings(request)[:24], "waiting": waiting,
        "can_manage": can(request.actor, "manage_marac")})


@require_http_methods(["GET", "POST"])
def meeting_new(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_marac")
    form = forms.MeetingForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: actions.do_create_meeting(acting=request.actor, **f.cleaned_data),
                      {"heading": "New MARAC meeting"}, "Meeting added", to=reverse("domestic_abuse:marac_home"))


def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    items = meeting.agenda.select_related("case").prefetch_related("research__agency")
    visible = set(visible_cases(request.actor).filter(agenda_items__meeting=meeting).values_list("pk", flat=True))
    repeats = set(MaracReferral.objects.filter(marac_case__agenda_items__meeting=meeting, is_repeat=True)
                  .values_list("marac_case_id", flat=True))
    record(request.actor, AuditAction.VIEW, meeting)
    return render(request, "domestic_abuse/meeting.html", {
        "meeting": meeting, "items": items, "visible": visible, "repeats": repeats,
        "research_due": queries_research_due(meeting), "can_manage": can(request.actor, "manage_marac"),
        "my_agencies": request.actor.panel_agency_ids("marac"),
        "actions": meeting.actions.select_related("case", "owner_agency"),
    })


def queries_research_due(meeting: Meeting):  # noqa: ANN201
    from django.utils import timezone

    from domestic_abuse.config import setting
    from domestic_abuse.rules import working_days_before

    return working_days_before(timezone.localtime(meeting.held_at).date(), setting("DA_RESEARCH_WORKING_DAYS"))


@require_http_methods(["GET", "POST"])
def meeting_list_case(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id, "manage_marac")
    waiting = list(MaracReferral.objects.filter(status=ReferralStatus.REFERRED).select_related("marac_case"))
    form = forms.ListReferralForm(form_data(request), referrals=waiting)

    def save(f) -> None:  # noqa: ANN001
        referral = next(r for r in waiting if str(r.public_id) == f.cleaned_data["referral"])
        actions.do_list_referral(meeting=meeting, referral=referral, acting=request.actor)

    return _form_page(request, form, "domestic_abuse/simple_form.html", save,
                      {"heading": f"Add a case to {meeting.title}"}, "Case listed",
                      to=reverse("domestic_abuse:meeting_detail", args=[meeting.pk]))


def _item(request: HttpRequest, meeting_id: int, item_id: int, capability: str) -> AgendaItem:
    meeting = _meeting(request, meeting_id, capability)
    item = meeting.agenda.filter(pk=item_id).select_related("case", "meeting").first()
    if item is None:
        raise Http404
    return item


@require_http_methods(["GET", "POST"])
def research(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    item = _item(request, meeting_id, item_id, "marac_panel")
    mine = request.actor.panel_agency_ids("marac")
    entry = MaracResearch.objects.filter(agenda_item=item, agency_id__in=mine).first()
    if entry is None or not can(request.actor, "change", entry):
        raise PermissionDenied
    form = forms.ResearchForm(form_data(request), initial={
        "holds_information": "yes" if entry.holds_information else None, "summary": entry.summary})
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: actions.do_submit_research(research=entry, acting=request.actor, **f.cleaned_data),
                      {"heading": f"Research for {item.case.reference}"}, "Research saved",
                      to=reverse("domestic_abuse:meeting_detail", args=[meeting_id]))


@require_http_methods(["GET", "POST"])
def minutes(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    item = _item(request, meeting_id, item_id, "manage_marac")
    form = forms.MinutesForm(form_data(request), initial={"minutes": item.minutes})
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: actions.do_record_minutes(item=item, acting=request.actor, **f.cleaned_data),
                      {"heading": f"Minutes for {item.case.reference}"}, "Minutes saved",
                      to=reverse("domestic_abuse:meeting_detail", args=[meeting_id]))


@require_http_methods(["GET", "POST"])
def minute_action(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    item = _item(request, meeting_id, item_id, "manage_marac")
    form = forms.MaracActionForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: do_add_action(case=item.case, meeting=item.meeting, acting=request.actor,
                                              **f.cleaned_data),
                      {"heading": f"Action for {item.case.reference}"}, "Action added",
                      to=reverse("domestic_abuse:meeting_detail", args=[meeting_id]))


def agenda_export(request: HttpRequest, meeting_id: int) -> HttpResponse:
    """The agenda as CSV: references only, with repeat and research state. Audited as an export."""
    meeting = _meeting(request, meeting_id)
    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="marac-agenda-{meeting.pk}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow(["position", "case", "repeat", "research returned", "research expected"])
    for item in meeting.agenda.select_related("case").prefetch_related("research"):
        referral = MaracReferral.objects.filter(marac_case=item.case).first()
        returned = sum(1 for r in item.research.all() if r.submitted_at)
        writer.writerow([item.position, item.case.reference, "yes" if referral and referral.is_repeat else "no",
                         returned, item.research.count()])
    record(request.actor, AuditAction.EXPORT, meeting, reason="MARAC agenda CSV")
    return response


def marac_actions(request: HttpRequest) -> HttpResponse:
    """Follow-up: every open MARAC action on cases the actor may see, oldest due first."""
    _require(request, "marac_panel")
    from core.models import Action

    open_actions = Action.objects.filter(case__in=visible_cases(request.actor).filter(kind="marac"),
                                         status=ActionStatus.OPEN).select_related("case", "owner_agency", "meeting")
    return render(request, "domestic_abuse/marac_actions.html", {"actions": open_actions})


def figures(request: HttpRequest) -> HttpResponse:
    _require(request, "view_da_figures")
    return render(request, "domestic_abuse/figures.html", {"figures": queries.marac_figures(suppressed=True)})


def perpetrators(request: HttpRequest) -> HttpResponse:
    _require(request, "da_casework")
    rows = queries.perpetrator_priority(request.actor)
    record(request.actor, AuditAction.VIEW, object_type="domestic_abuse.perpetrator_priority",
           reason=f"{len(rows)} perpetrators listed")
    return render(request, "domestic_abuse/perpetrators.html", {"rows": rows})
