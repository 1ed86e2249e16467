"""The public hate incident report: start page, one question per page, check your answers, confirmation,
the two feedback questions, and adding information to a report. No account, and no IP address is stored."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import include, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from csphub.decorators import public
from hate_crime import actions, forms
from hate_crime.models import Channel, HateReport
from hate_crime.status import find_report
from intake.flow import Question, QuestionFlow
from intake.references import normalise_reference
from intake.submission import over_rate_limit


def _place(answers: dict[str, Any]) -> bool:
    return answers.get("location_kind") == "place"


def _online(answers: dict[str, Any]) -> bool:
    return answers.get("location_kind") == "online"


class HateReportFlow(QuestionFlow):
    name = "hate_crime:report"
    kind = "hate_report"
    page_title = gettext_lazy("Report a hate incident")
    done_template = "hate_crime/public/confirmation.html"
    question_template = "hate_crime/public/question.html"
    flag_spam_for_review = True  # a real report must never be lost to the spam trap: staff review it
    questions = [
        Question("who-is-reporting", forms.ReporterRoleForm, gettext_lazy("Who is making this report?")),
        Question("what-happened", forms.WhatHappenedForm, gettext_lazy("What happened?")),
        Question("when", forms.WhenForm, gettext_lazy("When did it happen?")),
        Question("where", forms.WhereKindForm, gettext_lazy("Where did it happen?")),
        Question("where-place", forms.WherePlaceForm, gettext_lazy("Where was it?"), applies=_place),
        Question("where-online", forms.WhereOnlineForm, gettext_lazy("Where online was it?"), applies=_online),
        Question("who-was-targeted", forms.TargetForm, gettext_lazy("Who or what was targeted?")),
        Question("why", forms.StrandsForm, gettext_lazy("Why do you think it happened?")),
        Question("what-kind", forms.IncidentTypesForm, gettext_lazy("What kind of thing happened?")),
        Question("impact", forms.ImpactForm, gettext_lazy("How it affected you, and help")),
        Question("police-already", forms.AlreadyReportedForm, gettext_lazy("Have you already told the police?")),
        Question("police-consent", forms.PoliceConsentForm, gettext_lazy("Can we pass your report to the police?")),
        Question("contact", forms.ContactForm, gettext_lazy("How can we contact you?")),
        Question(
            "your-name",
            forms.NameForm,
            gettext_lazy("What is your name?"),
            applies=lambda a: a.get("police_consent") == "with_details",
        ),
        Question(
            "your-email",
            forms.EmailForm,
            gettext_lazy("What is your email address?"),
            applies=lambda a: a.get("contact_preference") == "email",
        ),
        Question(
            "your-phone",
            forms.PhoneForm,
            gettext_lazy("What is your phone number?"),
            applies=lambda a: a.get("contact_preference") == "phone",
        ),
        Question("about-you", forms.EqualityForm, gettext_lazy("About you (optional)")),
    ]

    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        report, secret = actions.do_submit_report(answers, channel=Channel.ONLINE)
        return report.reference, {"secret": secret}

    def urls(self) -> tuple[list, str]:
        patterns, _name = super().urls()
        return patterns, "report"  # included inside the app's "hate_crime" namespace


flow = HateReportFlow()


@public
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "hate_crime/public/start.html")


def _submitted_report(request: HttpRequest) -> HateReport | None:
    """The report this browser has just made (from the session, never from the URL)."""
    done = request.session.get(flow.session_key, {}).get("done") or {}
    reference = done.get("reference")
    return HateReport.objects.filter(reference=reference).first() if reference else None


@public
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    report = _submitted_report(request)
    form = forms.FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_record_feedback(
                report=report,
                channel=report.channel if report else Channel.ONLINE,
                ease=int(form.cleaned_data["ease"]),
                confidence=int(form.cleaned_data["confidence"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("hate_crime:feedback_thanks")
    return render(request, "hate_crime/public/feedback.html", {"form": form})


@public
def feedback_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "hate_crime/public/feedback_thanks.html")


@public
@require_http_methods(["GET", "POST"])
def add_information(request: HttpRequest) -> HttpResponse:
    """Reference, code and the new information in one POST: nothing identifying goes in the URL."""
    form = forms.AddInformationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if form.is_spam() or over_rate_limit(request, "hate_add_information"):
            form.add_error(None, _("We could not accept this just now. Please try again in an hour."))
        else:
            report = find_report(normalise_reference(form.cleaned_data["reference"]), form.cleaned_data["secret"])
            if report is None:
                form.add_error(
                    None, _("We could not find a report with that reference and code. Check both and try again.")
                )
            else:
                actions.do_add_information_from_reporter(report=report, text=form.cleaned_data["information"])
                return render(request, "hate_crime/public/information_added.html")
    return render(request, "hate_crime/public/add_information.html", {"form": form})


urlpatterns = [
    path("report/hate-incident/", start, name="start"),
    path("report/hate-incident/questions/", include(flow.urls())),
    path("report/hate-incident/feedback/", feedback, name="feedback"),
    path("report/hate-incident/feedback/thank-you/", feedback_thanks, name="feedback_thanks"),
    path("report/hate-incident/add-information/", add_information, name="add_information"),
]
