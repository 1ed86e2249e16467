"""Staff pages for children (Operation Encompass), perpetrators' interventions and self-referrals."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.policy import can, visible_cases
from core.models import ParticipantRole
from csphub.http import form_data
from domestic_abuse import forms, queries
from domestic_abuse import safeguarding_actions as safeguarding
from domestic_abuse.models import EncompassNotification
from domestic_abuse.views import _form_page, _require

ENCOMPASS_WITHHELD = ("Schools have NOT been notified: your force has no active Operation Encompass information "
                      "sharing agreement in the register. Contact the partnership coordinator today, so that the "
                      "school's key adult can be told before the next school day.")


@require_http_methods(["GET", "POST"])
def attendance_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    form = forms.AttendanceForm(form_data(request))

    def save(f: forms.AttendanceForm) -> None:
        incident = safeguarding.do_record_police_attendance(
            case=case, acting=request.actor, base_url=request.build_absolute_uri("/").rstrip("/"), **f.cleaned_data)
        if incident.encompass_withheld:
            messages.warning(request, ENCOMPASS_WITHHELD)
        elif notified := EncompassNotification.objects.filter(incident=incident).count():
            messages.success(request, f"The schools of {notified} child{'ren' if notified > 1 else ''} on the case "
                                      "have been notified")

    return _form_page(request, form, "domestic_abuse/simple_form.html", save,
                      {"case": case, "heading": "Record a police call-out"},
                      "Call-out recorded",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


@require_http_methods(["GET", "POST"])
def child_school(request: HttpRequest, reference: str, person_id: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    participant = case.participants.filter(person__public_id=person_id, role=ParticipantRole.CHILD).first()
    if participant is None:
        raise Http404
    form = forms.ChildSchoolForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: safeguarding.do_set_child_school(case=case, child=participant.person,
                                                                 acting=request.actor, **f.cleaned_data),
                      {"case": case, "heading": "Which school does the child go to?"}, "School recorded",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


def encompass(request: HttpRequest) -> HttpResponse:
    _require(request, "da_casework")
    notifications = EncompassNotification.objects.filter(
        incident__cases__in=visible_cases(request.actor)).distinct().select_related("school", "incident")
    return render(request, "domestic_abuse/encompass.html", {"notifications": notifications})


@require_http_methods(["GET", "POST"])
def intervention_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    form = forms.InterventionForm(form_data(request),
                                  perpetrators=queries.case_people(case, ParticipantRole.PERPETRATOR))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: safeguarding.do_record_intervention(case=case, acting=request.actor, **f.cleaned_data),
                      {"case": case, "heading": "Record an intervention with a perpetrator"}, "Intervention recorded",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


@require_http_methods(["GET", "POST"])
def intervention_decide(request: HttpRequest, reference: str, intervention_id: int) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    intervention = case.da_interventions.filter(pk=intervention_id).first()
    if intervention is None:
        raise Http404
    form = forms.DecisionForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: safeguarding.do_decide_intervention(intervention=intervention, acting=request.actor,
                                                                    **f.cleaned_data),
                      {"case": case, "heading": f"Outcome: {intervention.get_kind_display()}"}, "Outcome recorded",
                      to=reverse("domestic_abuse:case", args=[case.reference]))


def self_referrals(request: HttpRequest) -> HttpResponse:
    _require(request, "da_casework")
    return render(request, "domestic_abuse/self_referrals.html",
                  {"referrals": queries.self_referrals_for(request.actor)[:100]})


@require_http_methods(["GET", "POST"])
def self_referral_contact(request: HttpRequest, referral_id: str) -> HttpResponse:
    _require(request, "da_casework")
    referral = queries.self_referrals_for(request.actor).filter(public_id=referral_id).first()
    if referral is None:
        raise Http404
    if not can(request.actor, "record_first_contact", referral):
        raise PermissionDenied
    form = forms.FirstContactForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: safeguarding.do_record_first_contact(referral=referral, acting=request.actor,
                                                                     **f.cleaned_data),
                      {"heading": f"First contact for {referral.reference}"}, "First contact recorded",
                      to=reverse("domestic_abuse:self_referrals"))
