import csv
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from analytics.partner import ColumnMapping, read_partner_header
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


class PartnerImportForm(forms.Form):
    """A partner CSV and which of its columns hold what. The header is checked before anything is saved."""

    file = forms.FileField(label=_("The CSV file"), help_text=_("Comma-separated, with a header row, in UTF-8"),
                           error_messages={"required": _("Choose a CSV file to import")})
    source = forms.CharField(label=_("Who the data is from"), max_length=100,
                             help_text=_("For example, Cumbria Fire and Rescue Service"),
                             error_messages={"required": _("Enter who the data is from")})
    reference = forms.CharField(label=_("Column with the partner's own reference"), max_length=100)
    occurred = forms.CharField(label=_("Column with the date and time"), max_length=100,
                               help_text=_("Or just the date, if the time is in a separate column"))
    time = forms.CharField(label=_("Column with the time (if separate)"), max_length=100, required=False)
    category = forms.CharField(label=_("Column with the kind of incident"), max_length=100)
    latitude = forms.CharField(label=_("Column with the latitude (optional)"), max_length=100, required=False)
    longitude = forms.CharField(label=_("Column with the longitude (optional)"), max_length=100, required=False)
    easting = forms.CharField(label=_("Column with the easting (optional)"), max_length=100, required=False)
    northing = forms.CharField(label=_("Column with the northing (optional)"), max_length=100, required=False)

    def mapping(self) -> ColumnMapping:
        data = self.cleaned_data
        return ColumnMapping(**{name: data.get(name) or "" for name in (
            "reference", "occurred", "category", "time", "latitude", "longitude", "easting", "northing")})

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is None or self.errors:
            return cleaned
        first = upload.readline().decode("utf-8", errors="replace")
        upload.seek(0)
        try:
            read_partner_header(next(csv.reader([first]), []), self.mapping())
        except RowProblem as error:
            self.add_error("file", _("The file does not match the columns you gave: %(reason)s") % {"reason": error})
        return cleaned


class TrendFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("Priority"), initial="vawg",
                                 choices=[(c.code, c.label) for c in CATEGORY_SETS.values()])
    start = MonthField(label=_("From month"), required=False, help_text=_("For example, 2016-11"))
    end = MonthField(label=_("To month"), required=False, help_text=_("For example, 2016-11"))

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last month must be the same as or after the first month"))
        if start and end and (end.year - start.year) * 12 + end.month - start.month >= 60:
            self.add_error("end", _("Choose a period of 5 years or less"))
        return cleaned
