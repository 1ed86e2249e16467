"""Staff pages for the support directory (coordinators) and for linking a known perpetrator into a case."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.policy import visible_cases
from audit.log import record
from audit.models import AuditAction
from core.models import ParticipantRole, Person
from csphub.http import form_data
from domestic_abuse import forms, queries
from domestic_abuse import safeguarding_actions as safeguarding
from domestic_abuse.directory_actions import do_save_support_service
from domestic_abuse.forms_directory import SupportServiceForm
from domestic_abuse.models import SupportService
from domestic_abuse.views import _form_page, _require


def directory(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_support_directory")
    services = SupportService.objects.select_related("agency")
    return render(request, "domestic_abuse/directory.html", {"services": services})


@require_http_methods(["GET", "POST"])
def service_new(request: HttpRequest) -> HttpResponse:
    _require(request, "manage_support_directory")
    form = SupportServiceForm(form_data(request))
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: do_save_support_service(service=None, fields=f.model_fields(), acting=request.actor),
                      {"heading": "Add a support service"},
                      "Service added", to=reverse("domestic_abuse:directory"))


@require_http_methods(["GET", "POST"])
def service_edit(request: HttpRequest, slug: str) -> HttpResponse:
    _require(request, "manage_support_directory")
    service = SupportService.objects.filter(slug=slug).first()
    if service is None:
        raise Http404
    form = SupportServiceForm(form_data(request), service=service)
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: do_save_support_service(service=service, fields=f.model_fields(),
                                                        acting=request.actor),
                      {"heading": f"Change {service.name}"},
                      "Service changed", to=reverse("domestic_abuse:directory"))


def linkable_perpetrators(request: HttpRequest, case_pk: int):  # noqa: ANN201
    """Perpetrators on other domestic abuse and MARAC cases the actor may see, not yet on this case."""
    others = visible_cases(request.actor).filter(kind__in=queries.DA_KINDS).exclude(pk=case_pk)
    already = Person.objects.filter(participations__case_id=case_pk, participations__role=ParticipantRole.PERPETRATOR)
    return (Person.objects.filter(participations__case__in=others, participations__role=ParticipantRole.PERPETRATOR)
            .exclude(pk__in=already).distinct().order_by("family_name", "given_name"))


@require_http_methods(["GET", "POST"])
def perpetrator_link(request: HttpRequest, reference: str) -> HttpResponse:
    case = queries.access_da_case(request.actor, reference, for_write="add_to_case")
    people = linkable_perpetrators(request, case.pk)
    form = forms.LinkPerpetratorForm(form_data(request), people=people)
    if request.method == "GET":
        # Listing names from other cases is a read of personal data: audited, with a count and no names.
        record(request.actor, AuditAction.VIEW, case, reason=f"{people.count()} known perpetrators listed to link")
    intro = [] if people.exists() else ["There is no perpetrator on another case you work on to link."]
    return _form_page(request, form, "domestic_abuse/simple_form.html",
                      lambda f: safeguarding.do_link_perpetrator(case=case, person=f.cleaned_data["person"],
                                                                 acting=request.actor),
                      {"case": case, "heading": "Link a known perpetrator to this case", "intro": intro},
                      "Perpetrator linked", to=reverse("domestic_abuse:case", args=[case.reference]))
