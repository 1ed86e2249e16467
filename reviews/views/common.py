"""The shared shape of every reviews form page: gate, validate, one action, back to the record."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from access.policy import can


def require(request: HttpRequest, capability: str) -> None:
    if not can(request.actor, capability):
        raise PermissionDenied


def form_page(request: HttpRequest, form_class: type[forms.BaseForm], save: Callable[[dict[str, Any]], Any], *,
              heading: str, back_url: str, success: str, done_url: str | None = None,
              caption: str = "", form_kwargs: dict | None = None, intro: str = "") -> HttpResponse:
    form = form_class(request.POST if request.method == "POST" else None, **(form_kwargs or {}))
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(done_url or back_url)
    context = {"form": form, "heading": heading, "back_url": back_url, "caption": caption, "intro": intro}
    return render(request, "reviews/form.html", context)
