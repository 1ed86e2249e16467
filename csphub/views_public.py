"""Public information pages: the start page and the legal notices every page links to.

All are public: they must be readable without signing in.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from csphub.decorators import public


@public
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html")


@public
@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "public/accessibility.html")


@public
@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "public/privacy.html")
