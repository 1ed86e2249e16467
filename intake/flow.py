"""A multi-page question flow with "check your answers", for public forms.

A domain app subclasses ``QuestionFlow``, lists its questions and implements ``create_record``; the flow
keeps answers in the session (raw form data, re-validated before submitting), shows the GOV.UK "check
your answers" page, submits once per token, and applies the rate limit and honeypot.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable
from functools import wraps
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from csphub.decorators import public
from intake.forms import HoneypotMixin
from intake.submission import new_submission_token, over_rate_limit, submit_once


@dataclass(frozen=True)
class Question:
    slug: str
    form_class: type[forms.Form]
    title: str
    applies: Callable[[dict[str, Any]], bool] | None = None  # given the answers so far


class SubmitForm(HoneypotMixin):
    token = forms.CharField(widget=forms.HiddenInput)


class QuestionFlow(ABC):
    name: ClassVar[str]  # URL namespace-friendly name, e.g. "hate_report"
    kind: ClassVar[str]  # SubmissionReceipt.kind
    questions: ClassVar[list[Question]]
    question_template = "intake/question.html"
    check_template = "intake/check_answers.html"
    done_template = "intake/confirmation.html"
    page_title: ClassVar[str] = ""

    @abstractmethod
    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        """Save the report (one transaction is already open) and return (reference, values to show once)."""

    # --- session state -----------------------------------------------------------------------------------
    @property
    def session_key(self) -> str:
        return f"flow:{self.name}"

    def _state(self, request: HttpRequest) -> dict:
        return request.session.setdefault(self.session_key, {"data": {}})

    def _bound_form(self, request: HttpRequest, question: Question) -> forms.Form | None:
        raw = self._state(request)["data"].get(question.slug)
        return question.form_class(raw) if raw is not None else None

    def answers(self, request: HttpRequest) -> tuple[dict[str, Any], Question | None]:
        """Cleaned answers of every question that applies, and the first one missing or invalid."""
        answers: dict[str, Any] = {}
        for question in self.questions:
            if question.applies and not question.applies(answers):
                continue
            form = self._bound_form(request, question)
            if form is None or not form.is_valid():
                return answers, question
            answers.update(form.cleaned_data)
        return answers, None

    # --- views ---------------------------------------------------------------------------------------
    def question_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        question = next((q for q in self.questions if q.slug == slug), None)
        if question is None:
            raise Http404
        if request.method == "POST":
            form = question.form_class(request.POST)
            if form.is_valid():
                state = self._state(request)
                state["data"][slug] = {k: request.POST.getlist(k) for k in form.fields if k in request.POST}
                state["data"][slug] = {
                    k: (v if len(v) != 1 else v[0]) for k, v in state["data"][slug].items()
                }
                request.session.modified = True
                return redirect(self.next_url(request))
        else:
            form = self._bound_form(request, question) or question.form_class()
        return render(request, self.question_template, {"form": form, "question": question, "flow": self})

    def next_url(self, request: HttpRequest) -> str:
        _answers, missing = self.answers(request)
        if missing is not None:
            return reverse(f"{self.name}:question", args=[missing.slug])
        return reverse(f"{self.name}:check")

    def check_view(self, request: HttpRequest) -> HttpResponse:
        answers, missing = self.answers(request)
        if missing is not None:
            return redirect(reverse(f"{self.name}:question", args=[missing.slug]))
        state = self._state(request)
        form = SubmitForm(request.POST or None, initial={"token": state.setdefault("token", new_submission_token())})
        request.session.modified = True
        if request.method == "POST" and form.is_valid():
            if form.is_spam() or over_rate_limit(request, self.kind):
                form.add_error(None, _("We could not accept this report just now. Please try again in an hour."))
            else:
                result = submit_once(form.cleaned_data["token"], self.kind, lambda: self.create_record(answers))
                request.session[self.session_key] = {"data": {}, "done": {"reference": result.reference, **result.extra}}
                return redirect(reverse(f"{self.name}:done"))
        return render(
            request, self.check_template, {"form": form, "rows": self.summary_rows(request), "flow": self}
        )

    def summary_rows(self, request: HttpRequest) -> list[dict]:
        rows = []
        for question in self.questions:
            form = self._bound_form(request, question)
            if form is None or not form.is_valid():
                continue
            for name, field in form.fields.items():
                if isinstance(field.widget, forms.HiddenInput):
                    continue
                rows.append(
                    {
                        "label": field.label,
                        "value": display_value(field, form.cleaned_data.get(name)),
                        "change_url": reverse(f"{self.name}:question", args=[question.slug]),
                    }
                )
        return rows

    def done_view(self, request: HttpRequest) -> HttpResponse:
        done = self._state(request).get("done")
        if not done:
            return redirect(reverse(f"{self.name}:question", args=[self.questions[0].slug]))
        return render(request, self.done_template, {"done": done, "flow": self})

    def start_view(self, request: HttpRequest) -> HttpResponse:
        return redirect(reverse(f"{self.name}:question", args=[self.questions[0].slug]))

    def urls(self) -> tuple[list, str]:
        return (
            [
                path("", _public_view(self.start_view), name="start"),
                path("check-your-answers/", _public_view(self.check_view), name="check"),
                path("submitted/", _public_view(self.done_view), name="done"),
                path("<slug:slug>/", _public_view(self.question_view), name="question"),
            ],
            self.name,
        )


def _public_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Mark a flow's bound method as public: a bound method cannot carry the mark itself, so wrap it."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, *args, **kwargs)

    return public(wrapped)


def display_value(field: forms.Field, value: Any) -> str:
    if value in (None, "", []):
        return _("Not given")
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list | tuple):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if isinstance(field, forms.BooleanField):
        return _("Yes") if value else _("No")
    return str(choices.get(value, value))
