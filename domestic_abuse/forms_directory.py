"""Staff forms for the support directory and for linking a known perpetrator into a case."""

from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from domestic_abuse.models import ServiceCategory, SupportService
from partnership.models import Agency

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _yes_no(label: str, required_message: str, hint: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, help_text=hint, choices=YES_NO, widget=forms.RadioSelect,
                                  coerce=lambda v: v == "yes", error_messages={"required": required_message})


class SupportServiceForm(forms.Form):
    """Every field of a service. The web address field is not called "website": the shared form page treats a
    field of that name as the spam trap."""

    name = forms.CharField(label=_("Name of the service"), max_length=200,
                           error_messages={"required": _("Enter the name of the service")})
    category = forms.ChoiceField(label=_("Type of help"), choices=ServiceCategory.choices, widget=forms.RadioSelect,
                                 error_messages={"required": _("Select the type of help")})
    description = forms.CharField(label=_("What they do"), help_text=_("In plain words: the public read this"),
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": _("Say what the service does")})
    eligibility = forms.CharField(label=_("Who it is for"), max_length=300,
                                  error_messages={"required": _("Say who the service is for")})
    area = forms.CharField(label=_("Area covered"), max_length=200,
                           error_messages={"required": _("Enter the area the service covers")})
    phone = forms.CharField(label=_("Phone number (optional)"), max_length=40, required=False)
    opening_hours = forms.CharField(label=_("When people can call (optional)"), max_length=200, required=False)
    web_address = forms.URLField(label=_("Web address (optional)"), required=False, assume_scheme="https",
                                 error_messages={"invalid": _("Enter a web address, like https://www.example.org")})
    referral_route = forms.CharField(label=_("How to get help"), max_length=300,
                                     error_messages={"required": _("Say how people get help")})
    accepts_self_referral = _yes_no(_("Can people ask this service for help through this website?"),
                                    _("Say if people can ask for help through this website"))
    referral_email = forms.EmailField(
        label=_("Secure email address for requests for help (needed if people can ask through this website)"),
        required=False,
        help_text=_("Requests for help are sent here. Use a secure mailbox the service checks every day."),
        error_messages={"invalid": _("Enter an email address, like referrals@example.org")})
    agency = forms.ModelChoiceField(
        label=_("Partner agency that sees the requests (optional)"), required=False,
        queryset=Agency.objects.filter(active=True).order_by("name"), empty_label=_("None"),
        help_text=_("Its staff see requests for help made to this service in csphub"))
    active = _yes_no(_("Show this service on the find support page?"), _("Say if the service should be shown"))

    def __init__(self, *args: Any, service: SupportService | None = None, **kwargs: Any) -> None:
        self.service = service
        if service is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                **{name: getattr(service, name) for name in (
                    "name", "category", "description", "eligibility", "area", "phone", "opening_hours",
                    "referral_route", "referral_email")},
                "web_address": service.website, "agency": service.agency_id,
                "accepts_self_referral": "yes" if service.accepts_self_referral else "no",
                "active": "yes" if service.active else "no",
            }
        super().__init__(*args, **kwargs)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("accepts_self_referral") and not data.get("referral_email") \
                and "referral_email" not in self.errors:
            self.add_error("referral_email", _("Enter the secure email address that requests for help go to"))
        if self.service is None and data.get("name"):
            slug = slugify(data["name"])[:50]
            if not slug:
                self.add_error("name", _("The name must include some letters or numbers"))
            elif SupportService.objects.filter(slug=slug).exists():
                self.add_error("name", _("There is already a service with this name"))
        return data

    def model_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        fields = {name: data[name] for name in (
            "name", "category", "description", "eligibility", "area", "phone", "opening_hours", "referral_route",
            "referral_email", "accepts_self_referral", "agency", "active")}
        fields["website"] = data["web_address"]
        if self.service is None:
            fields["slug"] = slugify(data["name"])[:50]
        return fields
