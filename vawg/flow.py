"""The public unsafe-place report: where, when, what, anything more; anonymous, no follow-up promised."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from intake.flow import Question, QuestionFlow
from vawg.actions import do_record_unsafe_place_report
from vawg.forms import DetailsForm, WhatForm, WhenForm, WhereForm


class UnsafePlaceFlow(QuestionFlow):
    name = "vawg:unsafe_place"
    kind = "unsafe_place"
    page_title = _("Tell us about a place where you felt unsafe")
    question_template = "vawg/unsafe_place_question.html"
    done_template = "vawg/unsafe_place_done.html"
    questions = [
        Question("where", WhereForm, _("Where was it?")),
        Question("when", WhenForm, _("When were you there?")),
        Question("what", WhatForm, _("What made you feel unsafe?")),
        Question("more", DetailsForm, _("Tell us more (optional)")),
    ]

    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        report = do_record_unsafe_place_report(answers)
        return report.reference, {}


unsafe_place_flow = UnsafePlaceFlow()
