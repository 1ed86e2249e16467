"""Forms for the ASB Case Review: the public questions (one per page) and the staff steps."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asb.forms.fields import date_field, yes_no
from asb.models import InformationRequest, Recommendation
from partnership.models import Agency

COMPLAINT_ROWS = 5


class WhoForm(forms.Form):
    applicant_is_victim = forms.ChoiceField(
        label=_("Who is applying?"), widget=forms.RadioSelect,
        choices=[("yes", _("I am the victim")), ("no", _("I am applying for someone else"))],
        help_text=_("For example, a family member, a councillor or an MP can apply with the victim's agreement"),
        error_messages={"required": _("Select who is applying")})


class ConsentForm(forms.Form):
    victim_name = forms.CharField(label=_("The victim's full name"), max_length=200,
                                  error_messages={"required": _("Enter the victim's full name")})
    victim_consent = forms.BooleanField(
        label=_("The victim agrees that I can apply for them"),
        error_messages={"required": _("You need the victim's agreement to apply for them")})


class AboutYouForm(forms.Form):
    applicant_name = forms.CharField(label=_("Your full name"), max_length=200,
                                     help_text=_("We cannot accept an application without a name"),
                                     error_messages={"required": _("Enter your full name")})
    applicant_email = forms.EmailField(label=_("Email address"), required=False,
                                       help_text=_("We will send our decision here"),
                                       error_messages={"invalid": _("Enter an email address like name@example.com")})
    applicant_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("applicant_email") and not data.get("applicant_phone") and "applicant_email" not in self.errors:
            self.add_error("applicant_email", _("Enter an email address or a phone number so we can contact you"))
        return data


class WhereForm(forms.Form):
    address = forms.CharField(label=_("Address where it happens"), max_length=300,
                              error_messages={"required": _("Enter the address where it happens")})
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)


class BehaviourForm(forms.Form):
    behaviour = forms.CharField(label=_("What is happening?"), widget=forms.Textarea,
                                help_text=_("Tell us what people are doing, how often and since when"),
                                error_messages={"required": _("Tell us what is happening")})
    hate_motivated = yes_no(_("Do you think it happens because of who you are?"),
                            _("Select yes if you think it happens because of who you are"),
                            _("For example, your race, religion, sexuality, disability or gender identity"))


class ComplaintsForm(forms.Form):
    """Up to five reports; each row is a date of the behaviour, the date reported, who to, and their reference."""

    def __init__(self, *args: Any, today: date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        for n in range(1, COMPLAINT_ROWS + 1):
            self.fields[f"c{n}_behaviour_on"] = date_field(_("Report %(n)s: date it happened") % {"n": n},
                                                           required=False)
            self.fields[f"c{n}_complained_on"] = date_field(_("Report %(n)s: date you reported it") % {"n": n},
                                                            required=False)
            self.fields[f"c{n}_agency_name"] = forms.CharField(
                label=_("Report %(n)s: who you reported it to") % {"n": n}, max_length=200, required=False,
                help_text=_("For example, the council, the police or your landlord") if n == 1 else "")
            self.fields[f"c{n}_agency_reference"] = forms.CharField(
                label=_("Report %(n)s: their reference (if you have it)") % {"n": n}, max_length=64, required=False)

    def _row(self, n: int) -> dict[str, Any]:
        names = ("behaviour_on", "complained_on", "agency_name", "agency_reference")
        return {name: self.cleaned_data.get(f"c{n}_{name}") for name in names}

    def _check_row(self, n: int, row: dict[str, Any]) -> bool:
        if not any(row.values()):
            return False
        for name, message in (("behaviour_on", _("Enter the date it happened for report %(n)s")),
                              ("complained_on", _("Enter the date you reported it for report %(n)s")),
                              ("agency_name", _("Enter who you reported report %(n)s to"))):
            if not row[name] and f"c{n}_{name}" not in self.errors:
                self.add_error(f"c{n}_{name}", message % {"n": n})
        if row["behaviour_on"] and row["behaviour_on"] > self.today:
            self.add_error(f"c{n}_behaviour_on", _("The date it happened must be today or in the past"))
        if row["complained_on"] and row["complained_on"] > self.today:
            self.add_error(f"c{n}_complained_on",
                           _("The date you reported it must be today or earlier, not after this application"))
        if row["behaviour_on"] and row["complained_on"] and row["complained_on"] < row["behaviour_on"]:
            self.add_error(f"c{n}_complained_on",
                           _("The date you reported it must be on or after the date it happened"))
        return True

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        seen: dict[tuple, int] = {}
        filled = 0
        for n in range(1, COMPLAINT_ROWS + 1):
            row = self._row(n)
            if not self._check_row(n, row):
                continue
            filled += 1
            key = (row["behaviour_on"], row["complained_on"], (row["agency_name"] or "").strip().lower())
            if key in seen:
                self.add_error(f"c{n}_agency_name",
                               _("Report %(n)s is the same as report %(m)s. Remove one of them")
                               % {"n": n, "m": seen[key]})
            seen.setdefault(key, n)
        if not filled:
            self.add_error("c1_behaviour_on", _("Enter at least one time you reported the behaviour"))
        return data

    def complaints(self) -> list[dict[str, Any]]:
        rows = [self._row(n) for n in range(1, COMPLAINT_ROWS + 1)]
        return [{**r, "agency_reference": r["agency_reference"] or ""} for r in rows if any(r.values())]


class ImpactForm(forms.Form):
    impact = forms.CharField(label=_("How is it affecting you or the victim?"), widget=forms.Textarea,
                             error_messages={"required": _("Tell us how it is affecting you or the victim")})
    vulnerable = yes_no(_("Does the victim have a health condition or disability, or find it hard to cope?"),
                        _("Select yes if the victim has a health condition or disability, or finds it hard to cope"))


def application_fields(answers: dict[str, Any]) -> dict[str, Any]:
    """The model fields from the flow's (or the staff form's) cleaned answers."""
    is_victim = answers["applicant_is_victim"] == "yes"
    return {
        "applicant_is_victim": is_victim, "applicant_name": answers["applicant_name"],
        "applicant_email": answers.get("applicant_email") or "", "applicant_phone": answers.get("applicant_phone", ""),
        "victim_name": "" if is_victim else answers.get("victim_name", ""),
        "victim_consent": is_victim or bool(answers.get("victim_consent")),
        "address": answers["address"], "postcode": answers.get("postcode", ""), "behaviour": answers["behaviour"],
        "impact": answers["impact"], "hate_motivated": answers["hate_motivated"] == "yes",
        "vulnerable": answers["vulnerable"] == "yes",
    }


def complaints_from_answers(answers: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for n in range(1, COMPLAINT_ROWS + 1):
        row = {name: answers.get(f"c{n}_{name}") for name in
               ("behaviour_on", "complained_on", "agency_name", "agency_reference")}
        if any(row.values()):
            rows.append({**row, "agency_reference": row["agency_reference"] or ""})
    return rows


class StaffApplicationForm(WhoForm, AboutYouForm, WhereForm, BehaviourForm, ImpactForm):
    """An application received by phone or letter: the same questions on one page."""

    channel = forms.ChoiceField(label=_("How it was received"), widget=forms.RadioSelect,
                                choices=[("phone", _("Phone")), ("letter", _("Letter or email"))],
                                error_messages={"required": _("Select how it was received")})
    received_on = date_field(_("Date received"))
    victim_name = forms.CharField(label=_("The victim's full name, if someone else is applying"), max_length=200,
                                  required=False)
    victim_consent = forms.BooleanField(label=_("The victim agrees to the application"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("applicant_is_victim") == "no":
            if not data.get("victim_name"):
                self.add_error("victim_name", _("Enter the victim's full name"))
            if not data.get("victim_consent"):
                self.add_error("victim_consent", _("An application on someone's behalf needs the victim's agreement"))
        if data.get("received_on") and data["received_on"] > timezone.localdate():
            self.add_error("received_on", _("The date received must be today or in the past"))
        return data


class ScheduleReviewForm(forms.Form):
    held_at = forms.DateTimeField(label=_("Date and time of the panel"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}), error_messages={"required": _("Enter the date and time of the panel"),
                                                           "invalid": _("Enter a real date and time")})
    lead_agency = forms.ModelChoiceField(label=_("Lead agency"), queryset=Agency.objects.filter(active=True),
                                         error_messages={"required": _("Select the lead agency")})


class InformationRequestForm(forms.ModelForm):
    class Meta:
        model = InformationRequest
        fields = ["agency", "asked_for", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}), "asked_for": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"agency": {"required": _("Select the agency")},
                          "asked_for": {"required": _("Say what information you need")},
                          "due_on": {"required": _("Enter the due date"), "invalid": _("Enter a real date")}}

    def clean_due_on(self) -> date:
        if self.cleaned_data["due_on"] < timezone.localdate():
            raise forms.ValidationError(_("The due date must be today or in the future"))
        return self.cleaned_data["due_on"]


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["text", "owner_agency", "due_on"]
        widgets = {"due_on": forms.DateInput(attrs={"type": "date"}), "text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": _("Enter the recommendation")},
                          "owner_agency": {"required": _("Select who owns it")},
                          "due_on": {"required": _("Enter the due date"), "invalid": _("Enter a real date")}}


class OutcomeForm(forms.Form):
    letter = forms.CharField(label=_("Outcome letter"), widget=forms.Textarea(attrs={"rows": 18}),
                             error_messages={"required": _("Enter the outcome letter")})


class EscalationForm(forms.Form):
    grounds = forms.CharField(label=_("The applicant's grounds"), widget=forms.Textarea(attrs={"rows": 4}),
                              help_text=_("For example, the threshold was wrongly refused, or relevant facts were "
                                          "ignored. Disagreeing with the choice of tool is not a ground."),
                              error_messages={"required": _("Enter the applicant's grounds")})
    requested_on = date_field(_("Date asked for"))

    def clean_requested_on(self) -> date:
        if self.cleaned_data["requested_on"] > timezone.localdate():
            raise forms.ValidationError(_("The date must be today or in the past"))
        return self.cleaned_data["requested_on"]


class EscalationDecisionForm(forms.Form):
    upheld = yes_no(_("Was the escalation upheld?"), _("Select whether the escalation was upheld"))


class InformationReceivedForm(forms.Form):
    received_on = date_field(_("Date the information arrived"), help_text=_("For example, 27 3 2026"))

    def __init__(self, *args: Any, requested_on: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requested_on = requested_on

    def clean_received_on(self) -> date:
        received = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError(_("The date it arrived must be today or in the past"))
        if received < self.requested_on:
            raise forms.ValidationError(_("The date it arrived must be on or after the date it was asked for (%s)")
                                        % f"{self.requested_on:%d %B %Y}")
        return received
