"""The benchmark's WSGI application: csphub's own, plus one bare Django view at ``BARE_PATH``.

The bare view is served by the same Django handler, through the same middleware, in the same gunicorn workers as
every csphub page; only its URLconf differs (this module's ``urlpatterns``, set on the request), so csphub's own
URLs are untouched and nothing is added to the project.

``BENCH_CHEAP_STATUS_HASH=1`` (run.py ``--diagnose-cheap-status-hash``) swaps the password hasher for a nearly free
one, to measure what a submission costs apart from hashing its status code. Never the product's configuration.
"""

import os

import django
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, HttpResponse
from django.urls import path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csphub.settings")

BARE_PATH = "/__bench/bare/"


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


bare.csphub_public = True  # what csphub.decorators.public does: no sign-in needed
urlpatterns = [path(BARE_PATH.lstrip("/"), bare)]


class BenchHandler(WSGIHandler):
    def get_response(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == BARE_PATH:
            request.urlconf = __name__
        return super().get_response(request)


django.setup(set_prefix=False)
if os.environ.get("BENCH_CHEAP_STATUS_HASH") == "1":
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
application = BenchHandler()
