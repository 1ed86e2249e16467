"""Staff sign-in: password, then a TOTP code (set up on first sign-in), and sign-out."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from access.policy import Actor, actor_for_user, can
from csphub.decorators import public, signed_in_only
from csphub.http import form_data
from intake.outbox import queue_email
from partnership.actions import do_record_sign_in
from partnership.forms import CodeForm, SignInForm
from partnership.totp import qr_code_svg

NEXT_KEY = "csphub_next"


LANDING_PAGES = [  # the first capability a person has decides where signing in takes them
    ("view_dashboard", "core:dashboard"),
    ("view_aggregates", "core:figures"),
    ("view_audit", "audit:viewer"),
]


def landing_url(actor: Actor) -> str:
    for capability, url_name in LANDING_PAGES:
        if can(actor, capability):
            return reverse(url_name)
    return reverse("home")


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    if candidate and url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return landing_url(actor_for_user(request.user))


@public
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, form_data(request))
    if request.method == "POST" and form.is_valid():
        login(request, form.user, backend="django.contrib.auth.backends.ModelBackend")
        do_record_sign_in(form.user)
        request.session[NEXT_KEY] = _safe_next(request, request.GET.get("next"))
        if settings.DEMO:
            return redirect(request.session.pop(NEXT_KEY))
        return redirect("partnership:second_factor")
    return render(request, "partnership/sign_in.html", {"form": form})


@signed_in_only
def second_factor(request: HttpRequest) -> HttpResponse:
    """Ask for the code; on first sign-in, set up the authenticator app with a QR code first."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "Authenticator app"}
        )
    form = CodeForm(device, form_data(request))
    if request.method == "POST" and form.is_valid():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(request.session.pop(NEXT_KEY, None) or landing_url(request.actor))
    context = {"form": form, "enrolling": enrolling}
    if enrolling:
        context.update(qr_svg=qr_code_svg(device.config_url), secret=device.bin_key.hex())
    return render(request, "partnership/second_factor.html", context)


@public
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.success(request, _("You have signed out."))
    return redirect("partnership:sign_in")


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the email going through the outbox like every other message."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,  # noqa: ANN001, PLR0913
                  html_email_template_name=None) -> None:  # noqa: ANN001
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue_email(to=to_email, subject=subject, body=body, purpose="password_reset")


password_reset = public(
    auth_views.PasswordResetView.as_view(
        form_class=OutboxPasswordResetForm,
        template_name="partnership/password_reset.html",
        email_template_name="partnership/email/password_reset.txt",
        subject_template_name="partnership/email/password_reset_subject.txt",
        success_url=reverse_lazy("partnership:password_reset_sent"),
    )
)
password_reset_sent = public(
    auth_views.PasswordResetDoneView.as_view(template_name="partnership/password_reset_sent.html")
)
password_reset_confirm = public(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="partnership/password_reset_confirm.html",
        success_url=reverse_lazy("partnership:password_reset_complete"),
    )
)
password_reset_complete = public(
    auth_views.PasswordResetCompleteView.as_view(template_name="partnership/password_reset_complete.html")
)
