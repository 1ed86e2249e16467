from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from analytics.policeuk import RowProblem, parse_month
from analytics.sources import CATEGORY_SETS, TIME_WINDOWS


class MonthField(forms.CharField):
    def to_python(self, value: object) -> date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_month(text.strip())
        except RowProblem:
            raise forms.ValidationError(_("Enter a month like 2016-11")) from None


class HotspotFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("What to look at"), initial="vawg",
                                 choices=[(c.code, c.label) for c in CATEGORY_SETS.values()])
    start = MonthField(label=_("From month"), required=False, help_text=_("For example, 2016-11"))
    end = MonthField(label=_("To month"), required=False, help_text=_("For example, 2016-11"))
    window = forms.ChoiceField(label=_("Time of the week"), required=False,
                               choices=[("", _("Any time"))] + [(w.code, w.label) for w in TIME_WINDOWS.values()])

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last month must be the same as or after the first month"))
        return cleaned
