"""Public pages: the support directory, the self-referral and the school's acknowledgement. No sign-in,
no IP address kept, and an "Exit this page" button on every page a victim may use."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from csphub.decorators import public
from domestic_abuse.models import EncompassNotification, ServiceCategory, SupportService
from domestic_abuse.safeguarding_actions import do_acknowledge_encompass


@public
def find_support(request: HttpRequest) -> HttpResponse:
    category = request.GET.get("type", "")
    services = SupportService.objects.filter(active=True)
    if category in ServiceCategory.values:
        services = services.filter(category=category)
    return render(request, "domestic_abuse/public/find_support.html", {
        "services": services, "categories": ServiceCategory.choices, "chosen": category,
        "request_url": reverse("domestic_abuse:self_referral:start")})


@public
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = SupportService.objects.filter(slug=slug, active=True).first()
    if service is None:
        raise Http404
    return render(request, "domestic_abuse/public/service.html", {
        "service": service, "request_url": reverse("domestic_abuse:self_referral:start")})


@public
@require_http_methods(["GET", "POST"])
def encompass_acknowledge(request: HttpRequest, notification_id: str) -> HttpResponse:
    notification = EncompassNotification.objects.filter(public_id=notification_id).first()
    if notification is None:
        raise Http404
    if request.method == "POST":
        do_acknowledge_encompass(notification)
    return render(request, "domestic_abuse/public/acknowledge.html", {"notification": notification})
