"""Staff forms for ASB case work."""

from datetime import timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.policy import CASEWORK_ROLES
from asb.forms.fields import date_field
from asb.models import AsbCasePlan, Intervention, Pspo
from asb.rules.risk import RISK_QUESTIONS
from core.models import Case, ParticipantRole, Person
from partnership.models import Agency, User

PSPO_MAX_DAYS = 3 * 365 + 1  # s.60: up to three years


class PlanForm(forms.ModelForm):
    class Meta:
        model = AsbCasePlan
        fields = ["problem", "plan"]
        error_messages = {"problem": {"required": _("Describe the problem")},
                          "plan": {"required": _("Enter the problem-solving plan")}}


def case_officers(case: Case) -> QuerySet[User]:
    """Caseworkers of the lead agency and of the agencies on the case team: who can own an intervention."""
    agencies = {case.lead_agency_id, *case.team.filter(agency__isnull=False).values_list("agency_id", flat=True)}
    return User.objects.filter(is_active=True, memberships__agency_id__in=agencies,
                               memberships__role__in=CASEWORK_ROLES).distinct().order_by("full_name", "pk")


class _OwnerMixin:
    """The agency that owns an intervention and, optionally, its officer, who must work for that agency."""

    def _set_owner_fields(self, case: Case) -> None:
        self.fields["owner_agency"].queryset = Agency.objects.filter(active=True)
        officer = self.fields["owner_user"]
        officer.queryset = case_officers(case)
        officer.label_from_instance = lambda user: user.full_name or user.email
        officer.empty_label = _("No officer named yet")
        officer.help_text = _("Someone from the lead agency or an agency on the case team. They get an email.")

    def _check_officer(self, data: dict[str, Any]) -> None:
        agency, officer = data.get("owner_agency"), data.get("owner_user")
        if agency and officer and not officer.memberships.filter(agency=agency, role__in=CASEWORK_ROLES).exists():
            self.add_error("owner_user", _("Choose an officer who works for %s, or change the agency") % agency)


class InterventionForm(_OwnerMixin, forms.ModelForm):
    class Meta:
        model = Intervention
        fields = ["step", "subject", "subject_age", "subject_is_business", "convicted", "on", "comply_by",
                  "breached", "owner_agency", "owner_user", "outcome"]
        widgets = {"on": forms.DateInput(attrs={"type": "date"}), "comply_by": forms.DateInput(attrs={"type": "date"}),
                   "outcome": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"step": {"required": _("Select the intervention")},
                          "on": {"required": _("Enter the date"), "invalid": _("Enter a real date")},
                          "owner_agency": {"required": _("Select the agency")},
                          "owner_user": {"invalid_choice": _("Choose an officer from the list")}}

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = Person.objects.filter(
            participations__case=case, participations__role=ParticipantRole.PERPETRATOR).distinct()
        self._set_owner_fields(case)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("on") and data.get("comply_by") and data["comply_by"] < data["on"]:
            self.add_error("comply_by", _("The comply-by date must be on or after the date of the intervention"))
        self._check_officer(data)
        return data


class InterventionUpdateForm(_OwnerMixin, forms.ModelForm):
    """What can be added later: the outcome, a breach, the officer (see asb.actions.cases.UPDATABLE)."""

    class Meta:
        model = Intervention
        fields = ["owner_agency", "owner_user", "outcome", "breached"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"outcome": _("What happened as a result. Do not copy in other people's personal details.")}
        error_messages = {"owner_agency": {"required": _("Select the agency")},
                          "owner_user": {"invalid_choice": _("Choose an officer from the list")}}

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_owner_fields(case)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._check_officer(data)
        return data

    def changes(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class RiskAssessmentForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Victim"), queryset=Person.objects.none(), required=False)
    officer_says_high = forms.BooleanField(label=_("In my professional judgement the risk is high"), required=False)

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            participations__case=case, participations__role=ParticipantRole.VICTIM).distinct()
        for question in RISK_QUESTIONS:
            self.fields[question.code] = forms.BooleanField(label=question.text, required=False)
        # Professional judgement last, after the questions it may override.
        self.fields["officer_says_high"] = self.fields.pop("officer_says_high")

    def answers(self) -> dict[str, bool]:
        return {q.code: bool(self.cleaned_data.get(q.code)) for q in RISK_QUESTIONS}


class PspoForm(forms.ModelForm):
    class Meta:
        model = Pspo
        fields = ["area", "council", "made_on", "expires_on", "prohibitions"]
        widgets = {"made_on": forms.DateInput(attrs={"type": "date"}),
                   "expires_on": forms.DateInput(attrs={"type": "date"})}
        error_messages = {"area": {"required": _("Enter the area")}, "council": {"required": _("Select the council")},
                          "made_on": {"required": _("Enter the date it was made"), "invalid": _("Enter a real date")},
                          "expires_on": {"required": _("Enter the date it ends"), "invalid": _("Enter a real date")},
                          "prohibitions": {"required": _("Enter what it prohibits or requires")}}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        made, ends = data.get("made_on"), data.get("expires_on")
        if made and ends and ends <= made:
            self.add_error("expires_on", _("The end date must be after the date it was made"))
        elif made and ends and ends - made > timedelta(days=PSPO_MAX_DAYS):
            self.add_error("expires_on", _("A PSPO can last at most 3 years (it can be renewed)"))
        return data


class DateForm(forms.Form):
    on = date_field(_("Date"))

    def clean_on(self) -> Any:
        if self.cleaned_data["on"] > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        return self.cleaned_data["on"]
