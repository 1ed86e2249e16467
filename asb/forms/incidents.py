"""Staff forms for ASB incidents, CSV import and person-match decisions."""

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asb.forms.fields import date_field
from asb.models import AsbType
from core.models import IncidentCategory

ASB_CATEGORIES = [(c.value, c.label) for c in (IncidentCategory.ASB_PERSONAL, IncidentCategory.ASB_NUISANCE,
                                               IncidentCategory.ASB_ENVIRONMENTAL)]


class AsbIncidentForm(forms.Form):
    occurred_at = forms.DateTimeField(label=_("When it happened"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}), error_messages={"required": _("Enter when it happened"),
                                                           "invalid": _("Enter a real date and time")})
    category = forms.ChoiceField(label=_("Category"), choices=ASB_CATEGORIES, widget=forms.RadioSelect,
                                 help_text=_("The national incident category"),
                                 error_messages={"required": _("Select the category")})
    asb_type = forms.ChoiceField(label=_("Type"), choices=[("", _("Select a type")), *AsbType.choices],
                                 error_messages={"required": _("Select the type of antisocial behaviour")})
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea,
                                  error_messages={"required": _("Describe what happened")})
    location_text = forms.CharField(label=_("Where it happened"), max_length=200, required=False)
    external_reference = forms.CharField(label=_("Your agency's reference"), max_length=64, required=False)
    given_name = forms.CharField(label=_("Victim's first name"), max_length=100, required=False)
    family_name = forms.CharField(label=_("Victim's last name"), max_length=100, required=False)
    date_of_birth = date_field(_("Victim's date of birth"), required=False)
    victim_address = forms.CharField(label=_("Address affected"), max_length=300, required=False,
                                     help_text=_("The victim's home, or the place affected if no one is named"))
    victim_postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    perpetrator_description = forms.CharField(label=_("Alleged perpetrators"), widget=forms.Textarea(
        attrs={"rows": 3}), required=False)

    def clean_occurred_at(self) -> Any:
        when = self.cleaned_data["occurred_at"]
        if when > timezone.now():
            raise forms.ValidationError(_("The date and time must be in the past"))
        return when

    def clean_date_of_birth(self) -> Any:
        born = self.cleaned_data.get("date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError(_("The date of birth must be in the past"))
        return born

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("family_name") and not data.get("given_name"):
            self.add_error("given_name", _("Enter the victim's first name"))
        if not data.get("given_name") and not data.get("victim_address", "").strip():
            self.add_error("victim_address", _("Enter the victim's name or the address affected"))
        return data

    def action_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        victim = {k: data[k] for k in ("given_name", "family_name", "date_of_birth")}
        victim.update(address=data["victim_address"], postcode=data["victim_postcode"])
        return {
            "asb_type": data["asb_type"], "victim_fields": victim if data["given_name"] else None,
            "victim_address": data["victim_address"], "victim_postcode": data["victim_postcode"],
            "perpetrator_description": data["perpetrator_description"], "occurred_at": data["occurred_at"],
            "category": data["category"], "description": data["description"],
            "location_text": data["location_text"], "external_reference": data["external_reference"],
        }


class MatchDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Are these the same person?"), widget=forms.RadioSelect, choices=[
        ("same", _("Yes, the same person")), ("different", _("No, different people"))],
        error_messages={"required": _("Select whether these are the same person")})


class LinkIncidentForm(forms.Form):
    case = forms.CharField(widget=forms.HiddenInput)


class AccessDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Do you want to add this agency to the case team?"), widget=forms.RadioSelect,
                                 choices=[("grant", _("Yes, add them")), ("refuse", _("No"))],
                                 error_messages={"required": _("Select yes or no")})


class AccessRequestForm(forms.Form):
    reason = forms.CharField(label=_("Why do you need access?"), widget=forms.Textarea(attrs={"rows": 4}),
                             help_text=_("Do not include names. The lead agency reads this and decides."),
                             error_messages={"required": _("Say why you need access")})
