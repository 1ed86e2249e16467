"""Small field helpers shared by the asb forms."""

from django import forms
from django.utils.translation import gettext_lazy as _

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def date_field(label: str, *, required: bool = True, help_text: str = "",
               required_message: str = "") -> forms.DateField:
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": required_message or _("Enter the date"),
                        "invalid": _("Enter a real date, for example 27 3 2026")},
    )


def yes_no(label: str, message: str, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect, help_text=help_text,
                             error_messages={"required": message})
