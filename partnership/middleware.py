"""Staff sessions: who is asking (``request.actor``), the second factor, and expiry after inactivity."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from access.policy import actor_for_user

LAST_SEEN_KEY = "csphub_last_seen"
IDLE_SIGNED_OUT_ATTR = "csphub_idle_signed_out"


def second_factor_done(request: HttpRequest) -> bool:
    return settings.DEMO or request.user.is_verified()


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and self._idle_too_long(request):
            logout(request)
            # MessageMiddleware comes later in MIDDLEWARE, so the message is added in process_view.
            setattr(request, IDLE_SIGNED_OUT_ATTR, True)
        request.actor = actor_for_user(request.user)
        response = self.get_response(request)
        if request.user.is_authenticated:
            # Case data must not stay in the browser's cache after signing out.
            patch_cache_control(response, no_store=True, private=True)
        return response

    def process_view(self, request: HttpRequest, view_func: Callable, view_args: list, view_kwargs: dict):
        if getattr(request, IDLE_SIGNED_OUT_ATTR, False):
            messages.info(request, _("You were signed out because you had not done anything for a while."))
        if getattr(view_func, "csphub_public", False):
            return None
        if request.path.startswith(settings.STATIC_URL):
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.path, reverse("partnership:sign_in"))
        if getattr(view_func, "csphub_password_only", False) or second_factor_done(request):
            return None
        return redirect("partnership:second_factor")

    @staticmethod
    def _idle_too_long(request: HttpRequest) -> bool:
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY, now)
        request.session[LAST_SEEN_KEY] = now
        return now - last_seen > settings.SESSION_IDLE_MINUTES * 60
