"""The public ASB Case Review application: GOV.UK question pages, "check your answers", reference and code."""

from contextlib import suppress
from datetime import date
from typing import Any, ClassVar

from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from asb.actions.case_review import do_submit_application
from asb.forms.case_review import (
    AboutYouForm,
    BehaviourForm,
    ComplaintsForm,
    ConsentForm,
    ImpactForm,
    WhereForm,
    WhoForm,
    application_fields,
    complaints_from_answers,
)
from intake.flow import Question, QuestionFlow


class CaseReviewFlow(QuestionFlow):
    name = "asb:apply"
    kind = "asb_case_review"
    page_title = _("Apply for an ASB Case Review")
    check_template = "asb/apply_check.html"
    done_template = "asb/apply_done.html"
    question_template = "asb/apply_question.html"
    questions: ClassVar[list[Question]] = [
        Question("who", WhoForm, _("Who is applying?")),
        Question("victim", ConsentForm, _("About the victim"), applies=lambda a: a.get("applicant_is_victim") == "no"),
        Question("about-you", AboutYouForm, _("Your name and how we can contact you")),
        Question("where", WhereForm, _("Where is the antisocial behaviour happening?")),
        Question("behaviour", BehaviourForm, _("What is happening?")),
        Question("reports", ComplaintsForm, _("When did you report it?")),
        Question("impact", ImpactForm, _("How is it affecting you?")),
    ]

    def summary_rows(self, request: HttpRequest) -> list[dict]:
        """Leave out report rows that were not used, and show dates the way people write them."""
        rows = []
        for row in super().summary_rows(request):
            if str(row["label"]).startswith("Report ") and row["value"] == gettext("Not given"):
                continue
            with suppress(ValueError):
                row["value"] = date_format(date.fromisoformat(row["value"]), "j F Y")
            rows.append(row)
        return rows

    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        application, secret = do_submit_application(
            acting=None, fields=application_fields(answers), complaints=complaints_from_answers(answers))
        return application.reference, {"secret": secret}


flow = CaseReviewFlow()
