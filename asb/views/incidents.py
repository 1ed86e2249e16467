"""Staff screens for ASB incidents, repeat victims, person matches, PSPOs and figures."""

from uuid import UUID

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from access.policy import can, visible_cases, visible_incidents
from asb import queries
from asb.access import access_incident, access_match, access_request_to_decide
from asb.actions.cases import do_decide_access_request, do_record_pspo, do_request_access
from asb.actions.incidents import do_decide_match, do_link_incident, do_record_asb_incident
from asb.forms.cases import PspoForm
from asb.forms.incidents import (
    AccessDecisionForm,
    AccessRequestForm,
    AsbIncidentForm,
    LinkIncidentForm,
    MatchDecisionForm,
)
from asb.models import AccessRequest, MatchStatus, PersonMatch, Pspo
from audit.log import record
from audit.models import AuditAction
from core.models import Case
from csphub.http import form_data

ACCESS_SALT = "asb.access-request"


def require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def home(request: HttpRequest) -> HttpResponse:
    require(request, "view_asb")
    incidents = visible_incidents(request.actor).filter(asb__isnull=False).select_related("asb", "source_agency")
    context = {
        "incidents": incidents.order_by("-occurred_at")[:20],
        "cases": visible_cases(request.actor).filter(kind="asb").exclude(status="closed").select_related(
            "lead_agency").order_by("-opened_on")[:20],
        "flags": queries.visible_flags(request.actor).filter(status="open")[:20],
        "matches": [m for m in PersonMatch.objects.filter(status=MatchStatus.SUGGESTED).select_related(
            "person_a", "person_b")[:50] if can(request.actor, "decide_match", m)][:20],
        "access_requests": [r for r in AccessRequest.objects.filter(status="pending").select_related(
            "case", "agency")[:50] if can(request.actor, "decide_access_request", r)],
        "reviews": queries.deadline_dashboard() if can(request.actor, "manage_case_reviews") else None,
    }
    return render(request, "asb/home.html", context)


@require_http_methods(["GET", "POST"])
def incident_create(request: HttpRequest) -> HttpResponse:
    require(request, "record_asb_incident")
    form = AsbIncidentForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            agency_id = request.actor.audit_agency[0]
            incident, flags = do_record_asb_incident(acting=request.actor, source_agency_id=agency_id,
                                                     **form.action_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Incident recorded") + (_(": repeat victim flagged") if flags else ""))
            return redirect("asb:incident_detail", public_id=incident.public_id)
    return render(request, "asb/incident_form.html", {"form": form})


def incident_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    incident = access_incident(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, incident)
    suggestions = queries.suggest_cases(request.actor, incident)
    for suggestion in suggestions:
        suggestion.token = signing.dumps(suggestion.case.pk, salt=ACCESS_SALT)
    context = {"incident": incident, "asb": incident.asb, "flags": incident.repeat_flags.all(),
               "suggestions": suggestions, "cases": incident.cases.filter(pk__in=visible_cases(request.actor))}
    return render(request, "asb/incident_detail.html", context)


@require_POST
def incident_link(request: HttpRequest, public_id: UUID) -> HttpResponse:
    incident = access_incident(request.actor, public_id)
    form = LinkIncidentForm(request.POST)
    case = visible_cases(request.actor).filter(reference=form.data.get("case", "")).first()
    if case is None:
        raise Http404
    if not can(request.actor, "add_to_case", case):
        raise PermissionDenied
    do_link_incident(incident=incident, case=case, acting=request.actor)
    messages.success(request, _("Incident added to case %s") % case.reference)
    return redirect("asb:incident_detail", public_id=incident.public_id)


@require_http_methods(["GET", "POST"])
def access_request(request: HttpRequest, token: str) -> HttpResponse:
    require(request, "view_asb")
    try:
        case = Case.objects.select_related("lead_agency").get(pk=signing.loads(token, salt=ACCESS_SALT, max_age=86400))
    except (signing.BadSignature, Case.DoesNotExist):
        raise Http404 from None
    if case.is_restricted:
        raise Http404
    form = AccessRequestForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        do_request_access(case=case, reason=form.cleaned_data["reason"], acting=request.actor)
        messages.success(request, _("Your request has been sent to %s") % case.lead_agency.name)
        return redirect("asb:home")
    return render(request, "asb/access_request.html", {"form": form, "lead_agency": case.lead_agency})


@require_http_methods(["GET", "POST"])
def access_request_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    access_request = access_request_to_decide(request.actor, public_id)
    form = AccessDecisionForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            do_decide_access_request(request=access_request, grant=form.cleaned_data["decision"] == "grant",
                                     acting=request.actor)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Decision saved"))
            return redirect("asb:home")
    return render(request, "asb/access_decide.html", {"form": form, "access_request": access_request})


def repeat_victims(request: HttpRequest) -> HttpResponse:
    require(request, "view_asb")
    flags = queries.visible_flags(request.actor).prefetch_related("incidents__source_agency")
    page = Paginator(flags, 25).get_page(request.GET.get("page"))
    seen = set(visible_incidents(request.actor).filter(repeat_flags__in=page.object_list).values_list("pk", flat=True))
    record(request.actor, AuditAction.VIEW, object_type="asb.repeatvictimflag", reason="list")
    return render(request, "asb/repeat_victims.html", {"page_obj": page, "seen": seen})


@require_http_methods(["GET", "POST"])
def match_decide(request: HttpRequest, public_id: UUID) -> HttpResponse:
    match = access_match(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, match)
    form = MatchDecisionForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            do_decide_match(match=match, same_person=form.cleaned_data["decision"] == "same", acting=request.actor)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Decision saved"))
            return redirect("asb:home")
    return render(request, "asb/match_decide.html", {"form": form, "match": match})


def pspo_list(request: HttpRequest) -> HttpResponse:
    require(request, "view_asb")
    return render(request, "asb/pspo_list.html", {"pspos": Pspo.objects.select_related("council")})


@require_http_methods(["GET", "POST"])
def pspo_create(request: HttpRequest) -> HttpResponse:
    require(request, "record_pspo")
    form = PspoForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        do_record_pspo(acting=request.actor, **form.cleaned_data)
        messages.success(request, _("PSPO recorded"))
        return redirect("asb:pspo_list")
    return render(request, "asb/form.html", {"form": form, "title": _("Record a Public Spaces Protection Order")})


def figures(request: HttpRequest) -> HttpResponse:
    require(request, "view_asb_figures")
    return render(request, "asb/figures.html", {"quarters": queries.repeat_victim_figures(),
                                                "types": queries.incident_counts_by_type(),
                                                "reviews": queries.published_figures()})
