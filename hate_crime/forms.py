"""The questions of the hate incident report, one form per page, and the same fields for reporting centres.

Error messages follow the GOV.UK pattern: say what to do ("Enter…", "Select…"), in plain words.
"""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from csphub.date_input import DatePartsField
from csphub.pin_map import PinFieldsMixin
from hate_crime import rules
from hate_crime.models import ContactPreference, LocationKind, PoliceConsent, ReporterRole, Target
from intake.forms import HoneypotMixin

MAX_TEXT = 5000


def _text(
    label: Any,
    required_message: Any,
    *,
    hint: Any = "",
    max_length: int = MAX_TEXT,
    required: bool = True,
    rows: int = 6,
) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required_message,
            "max_length": _("Your answer must be %(limit_value)s characters or fewer"),
        },
    )


def _line(
    label: Any,
    *,
    required_message: Any = "",
    hint: Any = "",
    max_length: int = 200,
    required: bool = False,
    autocomplete: str = "",
) -> forms.CharField:
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return forms.CharField(
        label=label,
        help_text=hint,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "required": required_message,
            "max_length": _("Your answer must be %(limit_value)s characters or fewer"),
        },
    )


def _radios(label: Any, choices: Any, required_message: Any, hint: Any = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def _boxes(label: Any, choices: Any, required_message: Any, hint: Any = "", required: bool = True) -> forms.Field:
    return forms.MultipleChoiceField(
        label=label,
        help_text=hint,
        choices=choices,
        required=required,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": required_message},
    )


class ReporterRoleForm(forms.Form):
    reporter_role = _radios(_("Who is making this report?"), ReporterRole.choices, _("Select who is making the report"))


class WhatHappenedForm(forms.Form):
    what_happened = _text(
        _("What happened?"),
        _("Tell us what happened"),
        hint=_("Say what was said or done. Do not worry about getting every detail right."),
    )

    def clean_what_happened(self) -> str:
        text = self.cleaned_data["what_happened"].strip()
        if not text:
            raise forms.ValidationError(_("Tell us what happened"))
        return text


class WhenForm(forms.Form):
    occurred_on = DatePartsField(
        label=_("Date it happened"),
        required=False,
        help_text=_("For example, 27 3 2026. Leave it blank if you are not sure."),
        error_messages={"invalid": _("Enter a real date")},
    )
    occurred_time = _line(_("Rough time (optional)"), hint=_("For example, about 9pm"), max_length=60)
    ongoing = forms.BooleanField(label=_("It is still happening"), required=False)

    def clean_occurred_on(self) -> Any:
        day = self.cleaned_data.get("occurred_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        return day

    def clean(self) -> dict:
        cleaned = super().clean()
        if not cleaned.get("occurred_on") and not cleaned.get("ongoing") and not self.errors:
            self.add_error("occurred_on", _("Enter the date it happened, or tick ‘It is still happening’"))
        return cleaned


class WhereKindForm(forms.Form):
    location_kind = _radios(_("Where did it happen?"), LocationKind.choices, _("Select where it happened"))


class WherePlaceForm(PinFieldsMixin):
    """An address or place name, a postcode, or a pin on the map (offered only with JavaScript): any one will do."""

    location_text = _line(
        _("Address or place name"),
        hint=_("For example, the bus station on Lowther Street"),
    )
    postcode = _line(_("Postcode (optional)"), max_length=10, autocomplete="postal-code")
    field_order = ["location_text", "postcode", "latitude", "longitude"]

    def clean(self) -> dict:
        cleaned = super().clean()
        given = cleaned.get("location_text", "").strip() or cleaned.get("postcode") or self.has_pin(cleaned)
        if not given and not self.errors:
            self.add_error("location_text", _("Enter an address, place name or postcode"))
        return cleaned

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not typed.strip():
            return ""
        postcode = rules.normalise_postcode(typed)
        if postcode is None:
            raise forms.ValidationError(_("Enter a real postcode, like CA1 1AA"))
        return postcode


class WhereOnlineForm(forms.Form):
    platform = _line(
        _("Which website, app or platform?"),
        required=True,
        max_length=100,
        required_message=_("Enter the website, app or platform"),
        hint=_("For example, Facebook or a game"),
    )


class TargetForm(forms.Form):
    target = _radios(_("Who or what was targeted?"), Target.choices, _("Select who or what was targeted"))


class StrandsForm(forms.Form):
    strands = _boxes(
        _("Why do you think it happened?"),
        (),
        _("Select at least one reason, or ‘I am not sure’"),
        hint=_(
            "It is a hate incident if you, or anyone else, think it was because of who someone is or who they "
            "are thought to be. Select all that apply."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["strands"].choices = rules.strand_choices()  # read settings per request, not at import


class IncidentTypesForm(forms.Form):
    incident_types = _boxes(
        _("What kind of thing happened?"),
        rules.INCIDENT_TYPES,
        _("Select what kind of thing happened"),
        hint=_("Select all that apply."),
    )


class ImpactForm(forms.Form):
    impact = _text(_("How has it affected you or the person it happened to? (optional)"), "", required=False, rows=4)
    help_wanted = _boxes(
        _("What help would you like?"),
        rules.HELP_WANTED,
        _("Select the help you would like"),
        hint=_("Select all that apply."),
    )


class AlreadyReportedForm(forms.Form):
    already_reported = _radios(
        _("Have you already told the police?"),
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if you have already told the police"),
    )
    reporter_police_reference = _line(_("Police reference, if you have one (optional)"), max_length=40)


class PoliceConsentForm(forms.Form):
    police_consent = _radios(
        _("Can we pass your report to the police?"),
        PoliceConsent.choices,
        _("Select whether we can pass your report to the police"),
        hint=_(
            "If you say no, your report stays with the partnership. We will still use it to understand hate in "
            "your area."
        ),
    )


class ContactForm(forms.Form):
    contact_preference = _radios(
        _("How can we contact you?"),
        ContactPreference.choices,
        _("Select how we can contact you, or ‘Do not contact me’"),
    )


class NameForm(forms.Form):
    name = _line(_("Your name"), required=True, required_message=_("Enter your name"), autocomplete="name")


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the right format, like name@example.com"),
        },
    )


PHONE_CHARS = set("0123456789 +()-")


class PhoneForm(forms.Form):
    phone = _line(
        _("Phone number"),
        required=True,
        required_message=_("Enter your phone number"),
        max_length=30,
        autocomplete="tel",
    )
    safe_times = _line(_("When is it safe to call you? (optional)"), hint=_("For example, weekdays after 6pm"))
    safe_to_leave_message = _radios(
        _("Is it safe to leave a message?"),
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if it is safe to leave a message"),
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if not set(phone) <= PHONE_CHARS or not 10 <= len(digits) <= 13:
            raise forms.ValidationError(_("Enter a phone number, like 01632 960 001 or 07700 900 982"))
        return phone


PREFER_NOT = ("prefer_not", _("Prefer not to say"))


class EqualityForm(forms.Form):
    """Optional monitoring: every answer may be left blank."""

    age_band = forms.ChoiceField(
        label=_("Age (optional)"),
        required=False,
        choices=[
            ("", _("Choose an age group")),
            ("under_18", _("Under 18")),
            ("18_34", "18 to 34"),
            ("35_64", "35 to 64"),
            ("65_plus", _("65 or over")),
            PREFER_NOT,
        ],
    )
    disabled = forms.ChoiceField(
        label=_("Do you have a disability? (optional)"),
        required=False,
        choices=[("", _("Choose an answer")), ("yes", _("Yes")), ("no", _("No")), PREFER_NOT],
    )
    ethnicity = _line(_("Ethnic group (optional)"), max_length=100)
    religion = _line(_("Religion or belief (optional)"), max_length=100)
    gender = _line(_("Gender (optional)"), max_length=100)
    sexual_orientation = _line(_("Sexual orientation (optional)"), max_length=100)


class CentreDetailsForm(forms.Form):
    """The extra questions a third-party reporting centre answers."""

    reported_via = forms.ChoiceField(
        label=_("How did the person tell you?"),
        choices=[
            ("", _("Choose one")),
            ("in_person", _("In person")),
            ("phone", _("By phone")),
            ("email", _("By email or letter")),
            ("other", _("Another way")),
        ],
        error_messages={"required": _("Select how the person told you")},
    )
    wants_contact = _radios(
        _("Does the person want to be contacted?"),
        [("yes", _("Yes")), ("no", _("No"))],
        _("Select yes if the person wants to be contacted"),
    )


class AddInformationForm(HoneypotMixin):
    reference = _line(
        _("Reference"),
        required=True,
        required_message=_("Enter the reference you were given"),
        hint=_("For example, HC-7K3M-9QX2"),
        max_length=32,
    )
    secret = _line(
        _("Code"), required=True, required_message=_("Enter the code you were given with your reference"), max_length=32
    )
    information = _text(_("What would you like to add?"), _("Tell us what you would like to add"))

    field_order = ["reference", "secret", "information", "website"]


class FeedbackForm(forms.Form):
    SCALE = [
        ("5", _("Very easy")),
        ("4", _("Easy")),
        ("3", _("Neither easy nor hard")),
        ("2", _("Hard")),
        ("1", _("Very hard")),
    ]
    CONFIDENCE = [
        ("5", _("Very confident")),
        ("4", _("Quite confident")),
        ("3", _("Not sure")),
        ("2", _("Not very confident")),
        ("1", _("Not at all confident")),
    ]
    ease = _radios(_("How easy was it to make your report?"), SCALE, _("Select how easy it was"))
    confidence = _radios(
        _("How confident are you that something will be done?"), CONFIDENCE, _("Select how confident you are")
    )
