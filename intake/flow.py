"""A multi-page question flow with "check your answers", for public forms.

A domain app subclasses ``QuestionFlow``, lists its questions and implements ``create_record``; the flow
keeps answers in the session (raw form data, re-validated before submitting), shows the GOV.UK "check
your answers" page, submits once per token, and applies the rate limit and honeypot.
"""

import datetime
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ClassVar

from django import forms
from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from csphub.decorators import public
from csphub.http import form_data
from intake.forms import HoneypotMixin
from intake.submission import Submitted, new_submission_token, over_rate_limit, submit_once


@dataclass(frozen=True)
class Question:
    slug: str
    form_class: type[forms.Form]
    title: str
    applies: Callable[[dict[str, Any]], bool] | None = None  # given the answers so far


class SubmitForm(HoneypotMixin):
    token = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={
            "required": gettext_lazy("Something went wrong sending your report. Press 'Send report' again.")
        },
    )


class QuestionFlow(ABC):
    name: ClassVar[str]  # URL namespace-friendly name, e.g. "hate_report"
    kind: ClassVar[str]  # SubmissionReceipt.kind
    questions: ClassVar[list[Question]]
    question_template = "intake/question.html"
    check_template = "intake/check_answers.html"
    done_template = "intake/confirmation.html"
    page_title: ClassVar[str] = ""
    # False: a filled-in honeypot refuses the submission. True: it is accepted and ``create_record`` gets
    # ``answers["suspected_spam"] = True``, so staff can review it rather than lose a real report.
    flag_spam_for_review: ClassVar[bool] = False

    @abstractmethod
    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        """Save the report (one transaction is already open) and return (reference, values to show once)."""

    # --- session state -----------------------------------------------------------------------------------
    @property
    def session_key(self) -> str:
        return f"flow:{self.name}"

    def _state(self, request: HttpRequest) -> dict:
        return request.session.setdefault(self.session_key, {"data": {}})

    def _bound_form(self, request: HttpRequest, question: Question, **options: Any) -> forms.Form | None:
        # Read without creating the session: looking at a question sets no cookie until it is answered.
        raw = request.session.get(self.session_key, {}).get("data", {}).get(question.slug)
        if raw is None:
            return None
        # Kept as lists, like the posted QueryDict, so a multiple choice with one box ticked survives.
        data = MultiValueDict({k: v if isinstance(v, list) else [v] for k, v in raw.items()})
        return question.form_class(data, **options)

    def _applicable_forms(self, request: HttpRequest) -> tuple[list[tuple[Question, forms.Form]], Question | None]:
        """The valid forms of every question that applies, and the first question missing or invalid.

        Every call validates the answers afresh, except that ``check_view`` hands its one validation on to the
        rows of the page it shows (``summary_rows``, which a flow may extend), in the same request."""
        kept = getattr(request, "_validated_flow_forms", {}).get(self.session_key)
        if kept is not None:
            return kept
        answers: dict[str, Any] = {}
        found = []
        for question in self.questions:
            if question.applies and not question.applies(answers):
                continue
            # These forms are validated and read, never rendered: no label suffix to translate for each one.
            form = self._bound_form(request, question, label_suffix="")
            if form is None or not form.is_valid():
                return found, question
            answers.update(form.cleaned_data)
            found.append((question, form))
        return found, None

    def answers(self, request: HttpRequest) -> tuple[dict[str, Any], Question | None]:
        """Cleaned answers of every question that applies, and the first one missing or invalid."""
        return _merged_answers(self._applicable_forms(request))

    # --- views ---------------------------------------------------------------------------------------
    def question_view(self, request: HttpRequest, slug: str) -> HttpResponse:
        question = next((q for q in self.questions if q.slug == slug), None)
        if question is None:
            raise Http404
        if request.method == "POST":
            form = question.form_class(request.POST)
            if form.is_valid():
                state = self._state(request)
                state["data"][slug] = {
                    key: request.POST.getlist(key) for key in _posted_keys(form) if key in request.POST
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
        sent = request.session.get(self.session_key, {})
        if request.method == "POST" and sent.get("done") and request.POST.get("token") == sent.get("sent_token"):
            # A second click on "Send": the first click made the report and cleared the answers.
            return redirect(reverse(f"{self.name}:done"))
        validated = self._applicable_forms(request)
        answers, missing = _merged_answers(validated)
        if missing is not None:
            return redirect(reverse(f"{self.name}:question", args=[missing.slug]))
        state = self._state(request)
        form = SubmitForm(form_data(request), initial={"token": state.setdefault("token", new_submission_token())})
        request.session.modified = True
        if request.method == "POST" and form.is_valid():
            spam = form.is_spam()
            if (spam and not self.flag_spam_for_review) or over_rate_limit(request, self.kind):
                form.add_error(None, _("We could not accept this report just now. Please try again in an hour."))
            else:
                token = form.cleaned_data["token"]
                if spam:
                    answers["suspected_spam"] = True
                result = submit_once(
                    token,
                    self.kind,
                    lambda: self.create_record(answers),
                    also_when_created=lambda created: self._remember_sent(request, token, created, save_now=True),
                )
                if not result.created:
                    self._remember_sent(request, token, result, save_now=False)
                return redirect(reverse(f"{self.name}:done"))
        # The rows come from the answers validated above (this request only: nothing since has changed them).
        request._validated_flow_forms = {self.session_key: validated}
        # The page always carries the session's token, also after a failed post, so sending again works.
        context = {"form": form, "rows": self.summary_rows(request), "flow": self, "token": state["token"]}
        return render(request, self.check_template, context)

    def _remember_sent(self, request: HttpRequest, token: str, result: Submitted, *, save_now: bool) -> None:
        """Clear the answers and keep what the confirmation page shows. ``save_now`` (inside the submission's
        transaction) writes a database session there, so the report and the session commit together rather
        than in a second commit after the response; should that write fail, the middleware saves it as usual."""
        request.session[self.session_key] = {
            "data": {},
            "done": {"reference": result.reference, **result.extra},
            "sent_token": token,
        }
        if save_now and isinstance(request.session, DatabaseSessionStore):
            try:
                request.session.save()
            except (DatabaseError, UpdateError):
                return
            request.session.modified = False

    def summary_rows(self, request: HttpRequest) -> list[dict]:
        rows = []
        # Only questions that apply: an answer left over from a changed earlier answer is neither shown nor sent.
        found, _missing = self._applicable_forms(request)
        for question, form in found:
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
        done = request.session.get(self.session_key, {}).get("done")
        if not done:
            return redirect(reverse(f"{self.name}:question", args=[self.questions[0].slug]))
        response = render(request, self.done_template, {"done": dict(done), "flow": self})
        # The status code is shown once: a refresh or a later visit shows the reference only.
        if done.pop("secret", None) is not None:
            request.session.modified = True
        return response

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


def _posted_keys(form: forms.Form) -> list[str]:
    """The names a form's fields are posted under: one each, or several for a widget that declares them (the
    date input's day, month and year), so the answer kept is what was posted."""
    keys = []
    for name, field in form.fields.items():
        data_keys = getattr(field.widget, "data_keys", None)
        keys += [name, *data_keys(name)] if data_keys else [name]
    return keys


def _merged_answers(
    validated: tuple[list[tuple[Question, forms.Form]], Question | None],
) -> tuple[dict[str, Any], Question | None]:
    found, missing = validated
    answers: dict[str, Any] = {}
    for _question, form in found:
        answers.update(form.cleaned_data)
    return answers, missing


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
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "j F Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return str(choices.get(value, value))
