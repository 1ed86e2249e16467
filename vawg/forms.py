from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from csphub.date_input import DatePartsField
from csphub.pin_map import PinFieldsMixin
from vawg.models import Campaign, Scheme, TimeOfDay, UnsafeReason, Venue


class WhereForm(PinFieldsMixin):
    """A place typed in, or a pin on the map (shown only with JavaScript): either answers the question."""

    place_text = forms.CharField(
        label=_("Where was it?"), required=False, max_length=200,
        help_text=_("A street, a place name or a postcode. For example, Botchergate, Carlisle"))
    field_order = ["place_text", "latitude", "longitude"]

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if not cleaned.get("place_text") and not self.has_pin(cleaned) and not self.pin_errors:
            self.add_error("place_text", _("Enter a street, place name or postcode"))
        return cleaned


class WhenForm(forms.Form):
    happened_on = DatePartsField(label=_("What day was it?"), help_text=_("For example, 27 3 2026"),
                                 error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date")})
    time_of_day = forms.ChoiceField(label=_("What time of day was it?"), choices=TimeOfDay.choices,
                                    widget=forms.RadioSelect,
                                    error_messages={"required": _("Choose the time of day")})

    def clean_happened_on(self):  # noqa: ANN201
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        if day < timezone.localdate() - timedelta(days=366):
            raise forms.ValidationError(_("The date must be in the last year"))
        return day


class WhatForm(forms.Form):
    reasons = forms.MultipleChoiceField(
        label=_("What made you feel unsafe?"), choices=UnsafeReason.choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose all that apply"), error_messages={"required": _("Choose at least one thing")})


class DetailsForm(forms.Form):
    details = forms.CharField(
        label=_("Tell us more about the place (optional)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not write your name or anyone else's name. We cannot reply to you."))


class VenueForm(forms.ModelForm):
    schemes = forms.MultipleChoiceField(label=_("Schemes the venue is in"), choices=Scheme.choices,
                                        widget=forms.CheckboxSelectMultiple, required=False)

    class Meta:
        model = Venue
        fields = ["name", "address", "venue_type", "latitude", "longitude", "opening_hours", "schemes", "active"]
        help_texts = {"opening_hours": _("For example, Fri and Sat 20:00 to 03:00"),
                      "latitude": _("For example, 54.8925"), "longitude": _("For example, -2.9329")}

    def clean_latitude(self) -> float:
        value = self.cleaned_data["latitude"]
        if not 49.8 <= value <= 61.0:
            raise forms.ValidationError(_("Enter a latitude in Great Britain, between 49.8 and 61"))
        return value

    def clean_longitude(self) -> float:
        value = self.cleaned_data["longitude"]
        if not -8.8 <= value <= 2.0:
            raise forms.ValidationError(_("Enter a longitude in Great Britain, between -8.8 and 2"))
        return value


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["title", "what", "where", "starts_on", "ends_on", "reach"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}),
                   "ends_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("starts_on") and cleaned.get("ends_on") and cleaned["ends_on"] < cleaned["starts_on"]:
            self.add_error("ends_on", _("The end date must be the same as or after the start date"))
        return cleaned
