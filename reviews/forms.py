"""Staff forms for reviews, Channel and Prevent. Dates use the browser's date picker (staff screens)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Meeting
from partnership.models import Agency
from reviews import rules
from reviews.models import (
    AgencyReportKind,
    ConsentStatus,
    PreventPlanAction,
    PreventRiskAssessment,
    PreventTraining,
    Recommendation,
    SupportProvision,
    Theme,
)
from reviews.models.channel import ChannelOutcome


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, help_text=help_text,
                           widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": _("Enter the %s") % str(label).lower(),
                                           "invalid": _("Enter a real date")})


class NotPastTodayMixin:
    """Dates of things that have happened cannot be in the future."""

    def clean(self) -> dict:
        cleaned = super().clean()  # type: ignore[misc]
        for name, value in list(cleaned.items()):
            if name.endswith("_on") and name != "due_on" and value and value > timezone.localdate():
                self.add_error(name, _("The date cannot be in the future"))  # type: ignore[attr-defined]
        return cleaned


def agencies() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(Agency.objects.filter(active=True), label=_("Agency"),
                                  error_messages={"required": _("Select an agency")})


class DhrNotificationForm(NotPastTodayMixin, forms.Form):
    title = forms.CharField(label=_("Short description"), max_length=200,
                            help_text=_("Without names or addresses, for example: death of a woman aged 40 to 50"),
                            error_messages={"required": _("Enter a short description")})
    notified_on = date_field(_("Date the partnership was notified"))
    notifying_agency = agencies()
    date_of_death = date_field(_("Date of death"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["notifying_agency"].label = _("Agency that notified the partnership")


class DhrDecisionForm(NotPastTodayMixin, forms.Form):
    hold = forms.TypedChoiceField(label=_("Will the partnership hold a review?"), widget=forms.RadioSelect,
                                  choices=[("yes", _("Yes, hold a review")), ("no", _("No"))],
                                  coerce=lambda value: value == "yes",
                                  error_messages={"required": _("Select whether a review will be held")})
    decision_on = date_field(_("Date of decision"))
    reasons = forms.CharField(label=_("Reasons for the decision"), widget=forms.Textarea,
                              error_messages={"required": _("Enter the reasons for the decision")})


class HomeOfficeForm(NotPastTodayMixin, forms.Form):
    home_office_notified_on = date_field(_("Date the Home Office was told"))


class ChairForm(NotPastTodayMixin, forms.Form):
    chair_name = forms.CharField(label=_("Name of the independent chair"), max_length=200,
                                 error_messages={"required": _("Enter the chair's name")})
    chair_appointed_on = date_field(_("Date appointed"))


class TermsForm(NotPastTodayMixin, forms.Form):
    terms_of_reference = forms.CharField(label=_("Terms of reference"), widget=forms.Textarea(attrs={"rows": 8}),
                                         error_messages={"required": _("Enter the terms of reference")})
    terms_agreed_on = date_field(_("Date agreed by the panel"))


class FamilyForm(NotPastTodayMixin, forms.Form):
    family_contacted_on = date_field(_("Date the family was first contacted"))
    family_involvement = forms.CharField(
        label=_("How the family is involved"), widget=forms.Textarea,
        help_text=_("For example: met the chair, read the draft, advocate from AAFDA. Use roles, not names."),
        error_messages={"required": _("Describe how the family is involved")})


class DraftForm(NotPastTodayMixin, forms.Form):
    draft_version = forms.IntegerField(label=_("Draft number"), min_value=1,
                                       error_messages={"required": _("Enter the draft number"),
                                                       "min_value": _("The draft number must be 1 or more")})
    draft_on = date_field(_("Date of the draft"))


class OnDateForm(NotPastTodayMixin, forms.Form):
    on = date_field(_("Date"))


class QaFeedbackForm(NotPastTodayMixin, forms.Form):
    on = date_field(_("Date feedback was received"))
    feedback = forms.CharField(label=_("Feedback from the quality assurance panel"), widget=forms.Textarea,
                               error_messages={"required": _("Enter the feedback")})


class AgencyReportForm(NotPastTodayMixin, forms.Form):
    agency = agencies()
    kind = forms.ChoiceField(label=_("What are they asked for?"), choices=AgencyReportKind.choices,
                             widget=forms.RadioSelect, error_messages={"required": _("Select what was asked for")})
    requested_on = date_field(_("Date asked"), help_text=_("The due date is worked out from this"))


class ReceivedForm(NotPastTodayMixin, forms.Form):
    received_on = date_field(_("Date received"))


class RecommendationForm(forms.ModelForm):
    owner_agency = forms.ModelChoiceField(Agency.objects.filter(active=True), required=False,
                                          label=_("Agency responsible"))
    due_on = date_field(_("Due date"), required=False)

    class Meta:
        model = Recommendation
        fields = ["theme", "lesson", "recommendation", "owner_agency", "due_on"]
        error_messages = {"theme": {"required": _("Select a theme")},
                          "lesson": {"required": _("Enter the lesson learned")}}

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("recommendation"):
            if not cleaned.get("owner_agency"):
                self.add_error("owner_agency", _("Select the agency responsible for the recommendation"))
            if not cleaned.get("due_on"):
                self.add_error("due_on", _("Enter a due date for the recommendation"))
        return cleaned


class CompleteRecommendationForm(NotPastTodayMixin, forms.Form):
    completed_on = date_field(_("Date done"))
    evidence = forms.CharField(label=_("Evidence it was done"), widget=forms.Textarea,
                               error_messages={"required": _("Enter the evidence")})


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Meeting title"), max_length=200,
                            error_messages={"required": _("Enter a title")})
    held_at = forms.DateTimeField(label=_("Date and time"),
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
                                  error_messages={"required": _("Enter the date and time"),
                                                  "invalid": _("Enter a real date and time")})
    location = forms.CharField(label=_("Where"), max_length=200, required=False)


class LessonSearchForm(forms.Form):
    theme = forms.ChoiceField(label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices])
    text = forms.CharField(label=_("Words in the lesson or recommendation"), required=False, max_length=100)


# --- Channel ------------------------------------------------------------------------------------------


class ChannelReferralForm(NotPastTodayMixin, forms.Form):
    title = forms.CharField(label=_("Short description"), max_length=200,
                            help_text=_("Without names or addresses"),
                            error_messages={"required": _("Enter a short description")})
    received_on = date_field(_("Date received from police"))
    screened_by = agencies()
    concern_type = forms.CharField(label=_("Type of concern"), max_length=100, required=False)


class ConsentForm(NotPastTodayMixin, forms.Form):
    consent = forms.ChoiceField(label=_("Consent to support"), widget=forms.RadioSelect,
                                choices=[c for c in ConsentStatus.choices if c[0] != ConsentStatus.NOT_ASKED],
                                error_messages={"required": _("Select the answer given")})
    consent_on = date_field(_("Date"))
    consent_by = forms.CharField(label=_("Who answered"), max_length=100,
                                 help_text=_("The person, or their parent or guardian: give the role, not the name"),
                                 error_messages={"required": _("Enter who answered")})


class ChannelDecisionForm(NotPastTodayMixin, forms.Form):
    outcome = forms.ChoiceField(label=_("Panel decision"), choices=ChannelOutcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Select the panel's decision")})
    decided_on = date_field(_("Date of decision"))


class ChannelCloseForm(NotPastTodayMixin, forms.Form):
    closed_on = date_field(_("Date the person left Channel"))
    reason = forms.CharField(label=_("Why the case is closing"), widget=forms.Textarea,
                             error_messages={"required": _("Enter why the case is closing")})


def _factor_choices(heading: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in rules.FACTORS if f.heading == heading]


class AssessmentForm(NotPastTodayMixin, forms.Form):
    assessed_on = date_field(_("Date of assessment"))
    engagement = forms.MultipleChoiceField(label=rules.HEADINGS[rules.ENGAGEMENT], required=False,
                                           choices=_factor_choices(rules.ENGAGEMENT),
                                           widget=forms.CheckboxSelectMultiple)
    engagement_notes = forms.CharField(label=_("Notes on engagement"), widget=forms.Textarea, required=False)
    intent = forms.MultipleChoiceField(label=rules.HEADINGS[rules.INTENT], required=False,
                                       choices=_factor_choices(rules.INTENT), widget=forms.CheckboxSelectMultiple)
    intent_notes = forms.CharField(label=_("Notes on intent"), widget=forms.Textarea, required=False)
    capability = forms.MultipleChoiceField(label=rules.HEADINGS[rules.CAPABILITY], required=False,
                                           choices=_factor_choices(rules.CAPABILITY),
                                           widget=forms.CheckboxSelectMultiple)
    capability_notes = forms.CharField(label=_("Notes on capability"), widget=forms.Textarea, required=False)

    def clean(self) -> dict:
        cleaned = super().clean()
        if not any(cleaned.get(h) or cleaned.get(f"{h}_notes") for h in rules.HEADINGS):
            raise forms.ValidationError(_("Select the factors present or write notes under at least one heading"))
        return cleaned


class SupportForm(NotPastTodayMixin, forms.ModelForm):
    started_on = date_field(_("Start date"))

    class Meta:
        model = SupportProvision
        fields = ["provider", "support_type", "started_on"]
        error_messages = {"provider": {"required": _("Enter the provider")},
                          "support_type": {"required": _("Enter the type of support")}}


class SupportReviewForm(NotPastTodayMixin, forms.Form):
    held_on = date_field(_("Date of review"))
    progress = forms.CharField(label=_("Progress since the last review"), widget=forms.Textarea,
                               help_text=_("How the person is engaging with support and how the risk has changed. "
                                           "Use roles, not names."),
                               error_messages={"required": _("Enter the progress since the last review")})
    continue_support = forms.TypedChoiceField(
        label=_("Does support continue?"), widget=forms.RadioSelect, coerce=lambda value: value == "yes",
        choices=[("yes", _("Yes, review again at the next interval")),
                 ("no", _("No, the person is ready to leave Channel (close the case next)"))],
        error_messages={"required": _("Select whether support continues")})


class PostClosureReviewForm(NotPastTodayMixin, forms.Form):
    completed_on = date_field(_("Date of review"))
    outcome = forms.CharField(label=_("What the review found"), widget=forms.Textarea,
                              error_messages={"required": _("Enter what the review found")})


# --- Prevent ------------------------------------------------------------------------------------------


class RiskAssessmentForm(forms.ModelForm):
    assessed_on = date_field(_("Date agreed"))

    class Meta:
        model = PreventRiskAssessment
        fields = ["period", "assessed_on", "overall_risk", "summary"]
        widgets = {"overall_risk": forms.RadioSelect}


class PlanActionForm(forms.ModelForm):
    due_on = date_field(_("Due date"))

    class Meta:
        model = PreventPlanAction
        fields = ["title", "owner_agency", "due_on"]


class CompletePreventActionForm(NotPastTodayMixin, forms.Form):
    completed_on = date_field(_("Date done"))
    evidence = forms.CharField(label=_("What was done"), widget=forms.Textarea,
                               error_messages={"required": _("Enter what was done")})


class TrainingForm(forms.ModelForm):
    as_at = date_field(_("Figures as at"))

    class Meta:
        model = PreventTraining
        fields = ["agency", "role", "as_at", "staff_in_scope", "staff_trained"]

    def clean(self) -> dict:
        cleaned = super().clean()
        trained, scope = cleaned.get("staff_trained"), cleaned.get("staff_in_scope")
        if trained is not None and scope is not None and trained > scope:
            self.add_error("staff_trained", _("Staff trained cannot be more than the staff who need the training"))
        return cleaned


MEETING_KINDS = {"dhr": Meeting.Kind.DHR_PANEL, "channel": Meeting.Kind.CHANNEL}
