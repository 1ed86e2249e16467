from django import forms
from django.utils.translation import gettext_lazy as _

from intake.references import normalise_reference

HONEYPOT_FIELD = "website"


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS and from assistive technology) but bots fill in."""

    website = forms.CharField(
        required=False,
        label=_("Leave this blank"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.data.get(self.add_prefix(HONEYPOT_FIELD)))


class StatusLookupForm(HoneypotMixin):
    reference = forms.CharField(
        label=_("Reference"),
        help_text=_("For example, HC-7K3M-9QX2"),
        max_length=32,
        error_messages={"required": _("Enter the reference you were given")},
    )
    secret = forms.CharField(
        label=_("Code"),
        help_text=_("The 10-character code shown with your reference"),
        max_length=32,
        error_messages={"required": _("Enter the code you were given with your reference")},
    )

    def clean_reference(self) -> str:
        return normalise_reference(self.cleaned_data["reference"])
