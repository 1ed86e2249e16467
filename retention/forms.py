from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from retention.models import RetentionRule
from retention.registry import RecordType, find_by_reference, record_type_choices


class PlanDateForm(forms.Form):
    """The dry run's date: which records fall due by then."""

    on = forms.DateField(
        label=_("Fall due by"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "invalid": _("Enter a real date, for example 2026-12-01"),
            "required": _("Enter the date to plan for"),
        },
    )

    def clean_on(self) -> date:
        on = self.cleaned_data["on"]
        if on < timezone.localdate():
            raise forms.ValidationError(_("Enter today or a date in the future"))
        return on


class PlaceHoldForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference"),
        max_length=32,
        help_text=_("A case reference such as ASB-2026-00042, or a public report's reference"),
        error_messages={"required": _("Enter the reference of the case or report to hold")},
    )
    reason = forms.CharField(
        label=_("Why it must be kept"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("For example the claim, inquiry or request it is needed for. Do not include names."),
        error_messages={"required": _("Enter why the record must be kept")},
    )

    def clean_reference(self) -> str:
        reference = self.cleaned_data["reference"].strip().upper()
        found = find_by_reference(reference)
        if found is None:
            raise forms.ValidationError(_("No case or report has that reference"))
        self.found: tuple[RecordType, object] = found
        return reference


class LiftHoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the hold can be lifted"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Do not include names. If the record is already due, the next nightly run acts on it."),
        error_messages={"required": _("Enter why the hold can be lifted")},
    )


class RetentionRuleForm(forms.ModelForm):
    """The administration screen's form: record types come from the registry."""

    record_type = forms.ChoiceField(label=_("Record type"), choices=record_type_choices)

    class Meta:
        model = RetentionRule
        fields = ["record_type", "trigger", "period_months", "action", "notes", "active"]
