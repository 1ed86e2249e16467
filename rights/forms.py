"""Staff forms for subject rights requests. Dates use the browser's date picker (staff screens)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rights import rules
from rights.actions import corrected_python_value
from rights.models import PersonField, RefusalGround


class PastDateField(forms.DateField):
    """A date something happened: required, real, and not in the future."""

    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, label: Any, **kwargs: Any) -> None:
        what = str(label).lower()
        super().__init__(
            label=label,
            error_messages={"required": _("Enter the %s") % what, "invalid": _("Enter a real date")},
            **kwargs,
        )

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future"))


class FindPersonForm(forms.Form):
    given_name = forms.CharField(
        label=_("First name"), max_length=100, error_messages={"required": _("Enter the person's first name")}
    )
    family_name = forms.CharField(
        label=_("Last name"), max_length=100, error_messages={"required": _("Enter the person's last name")}
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth (if known)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date")},
    )
    postcode = forms.CharField(label=_("Postcode (if known)"), max_length=10, required=False)


class SubjectAccessRequestForm(forms.Form):
    received_on = PastDateField(
        _("Date the request was received"), help_text=_("The response is due one calendar month later")
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Why more time is needed"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example: the request is complex, or the person made several. Tell "
            "the person why within the first month."
        ),
        error_messages={"required": _("Enter why more time is needed")},
    )


class CompleteForm(forms.Form):
    completed_on = PastDateField(_("Date the response was sent"))


class RectificationRequestForm(forms.Form):
    received_on = PastDateField(_("Date the request was received"))
    field = forms.ChoiceField(
        label=_("Which detail is wrong"),
        choices=PersonField.choices,
        error_messages={"required": _("Select which detail is wrong")},
    )
    what_is_wrong = forms.CharField(
        label=_("What is wrong"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter what the person says is wrong")},
    )
    corrected_value = forms.CharField(
        label=_("What it should be"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Exactly as it should be recorded. Dates as 2001-02-28."),
        error_messages={"required": _("Enter what the detail should be")},
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("field") and cleaned.get("corrected_value"):
            try:
                corrected_python_value(cleaned["field"], cleaned["corrected_value"])
            except ValidationError:
                self.add_error("corrected_value", _("Enter a valid value for this detail"))
        return cleaned


class ErasureRequestForm(forms.Form):
    received_on = PastDateField(_("Date the request was received"))
    grounds = forms.CharField(
        label=_("Why the person asks for erasure"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter why the person asks for erasure")},
    )


class ErasureDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("granted", _("Grant: erase the person's records")), ("refused", _("Refuse"))],
        error_messages={"required": _("Select whether the request is granted")},
    )
    refusal_ground = forms.ChoiceField(
        label=_("Ground for refusal"), required=False, choices=[("", _("Not refused"))] + list(RefusalGround.choices)
    )
    reason = forms.CharField(
        label=_("Reasons for the decision"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    decided_on = PastDateField(_("Date of decision"))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("decision"):
            problem = rules.refusal_problem(
                granted=cleaned["decision"] == "granted",
                ground=cleaned.get("refusal_ground", ""),
                reason=cleaned.get("reason", ""),
            )
            if problem:
                self.add_error("reason" if "Explain" in problem else "refusal_ground", problem)
        return cleaned


class ConfirmForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_("I have checked the request and this is the right person"),
        error_messages={"required": _("Confirm you have checked the request")},
    )
