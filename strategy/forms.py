from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from strategy.models import PlanAction


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}),
                           error_messages={"required": _("Enter the %s") % str(label).lower(),
                                           "invalid": _("Enter a real date")})


class IndicatorValueForm(forms.Form):
    quarter = forms.RegexField(label=_("Quarter"), regex=r"^\d{4}-Q[1-4]$", help_text=_("For example: 2025-Q3"),
                               error_messages={"required": _("Enter the quarter"),
                                               "invalid": _("Enter the quarter like 2025-Q3")})
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2,
                               error_messages={"required": _("Enter the value"), "invalid": _("Enter a number")})
    source = forms.CharField(label=_("Source"), max_length=200,
                             help_text=_("Where the figure comes from, for example: police quarterly return"),
                             error_messages={"required": _("Enter the source")})
    source_date = _date(_("Date of the source"))

    def clean_source_date(self):  # noqa: ANN201
        value = self.cleaned_data["source_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future"))
        return value


class NarrativeForm(forms.Form):
    text = forms.CharField(label=_("Narrative for the board"), widget=forms.Textarea(attrs={"rows": 8}),
                           help_text=_("Progress, risks and what the board is asked to note. No names."),
                           error_messages={"required": _("Enter the narrative")})


class PlanActionForm(forms.ModelForm):
    due_on = _date(_("Due date"))

    class Meta:
        model = PlanAction
        fields = ["title", "owner_agency", "due_on", "status"]
        error_messages = {"title": {"required": _("Enter the action")},
                          "owner_agency": {"required": _("Select the owner")}}
