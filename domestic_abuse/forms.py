"""Staff forms. Each page validates everything before any write: nothing is half-saved."""

from django import forms
from django.utils.translation import gettext_lazy as _

from access.models import LawfulBasis
from core.models import Person
from domestic_abuse.models import DashAnswerChoice, DashQuestion, InterventionKind, School
from domestic_abuse.models.perpetrators import InterventionStatus
from partnership.models import Agency


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return obj.full_name


class DashForm(forms.Form):
    """The checklist of one version: for each question an answer and optional notes."""

    def __init__(self, *args, questions: list[DashQuestion], victims: list[Person], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["victim"] = PersonChoiceField(
            queryset=Person.objects.filter(pk__in=[v.pk for v in victims]), label=_("Who is this assessment for?"),
            widget=forms.RadioSelect, error_messages={"required": _("Select who the assessment is for")})
        for q in questions:
            self.fields[f"q{q.number}"] = forms.ChoiceField(
                label=f"{q.number}. {q.text}", help_text=q.hint, choices=DashAnswerChoice.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Answer question %(n)s") % {"n": q.number}})
            self.fields[f"q{q.number}_notes"] = forms.CharField(
                label=_("Notes on question %(n)s (optional)") % {"n": q.number}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}))
        self.fields["professional_judgement"] = forms.BooleanField(
            label=_("I judge this to be high risk whatever the score (professional judgement)"), required=False)
        self.fields["judgement_reason"] = forms.CharField(
            label=_("Reason for your professional judgement"), required=False,
            widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("professional_judgement") and not (data.get("judgement_reason") or "").strip():
            self.add_error("judgement_reason", _("Give the reason for your professional judgement"))
        return data

    def answers(self) -> dict[int, tuple[str, str]]:
        return {q.number: (self.cleaned_data[f"q{q.number}"], self.cleaned_data[f"q{q.number}_notes"])
                for q in self.questions}


class ReferralSubmitForm(forms.Form):
    idva_engaged = forms.TypedChoiceField(
        label=_("Is an IDVA working with the victim?"), choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect, coerce=lambda v: v == "yes",
        error_messages={"required": _("Say if an IDVA is working with the victim")})
    victim_aware = forms.TypedChoiceField(
        label=_("Does the victim know about the referral?"), choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect, coerce=lambda v: v == "yes",
        error_messages={"required": _("Say if the victim knows about the referral")})
    safe_contact = forms.CharField(label=_("Who is safe to talk to, and how to contact the victim safely"),
                                   widget=forms.Textarea(attrs={"rows": 3}),
                                   error_messages={"required": _("Say how to contact the victim safely")})
    basis = forms.ChoiceField(label=_("Lawful basis for sharing with the MARAC"), choices=LawfulBasis.choices,
                              widget=forms.RadioSelect,
                              error_messages={"required": _("Choose the lawful basis for sharing")})


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Why are you not referring?"), widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Give the reason for not referring")})


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, error_messages={"required": _("Enter a title")})
    held_at = forms.DateTimeField(label=_("Date and time"), widget=forms.DateTimeInput(),
                                  error_messages={"required": _("Enter the date and time"),
                                                  "invalid": _("Enter a real date and time")})
    location = forms.CharField(label=_("Where"), max_length=200, required=False)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies at the meeting"), queryset=Agency.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple, error_messages={"required": _("Select the agencies at the meeting")})


class ListReferralForm(forms.Form):
    referral = forms.ChoiceField(label=_("Referral to list"), widget=forms.RadioSelect,
                                 error_messages={"required": _("Select a referral to list")})

    def __init__(self, *args, referrals: list, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["referral"].choices = [
            (str(r.public_id), f"{r.marac_case.reference}{' (repeat)' if r.is_repeat else ''}") for r in referrals]


class ResearchForm(forms.Form):
    holds_information = forms.TypedChoiceField(
        label=_("Does your agency hold information about the people in this case?"),
        choices=[("yes", _("Yes")), ("no", _("No"))], widget=forms.RadioSelect, coerce=lambda v: v == "yes",
        error_messages={"required": _("Say if your agency holds information")})
    summary = forms.CharField(label=_("What your agency holds"), required=False,
                              widget=forms.Textarea(attrs={"rows": 6}))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("holds_information") and not data.get("summary", "").strip():
            self.add_error("summary", _("Say what your agency holds"))
        return data


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Minutes for this case"), widget=forms.Textarea(attrs={"rows": 10}),
                              error_messages={"required": _("Enter the minutes")})


class MaracActionForm(forms.Form):
    title = forms.CharField(label=_("What needs to be done"), max_length=200,
                            error_messages={"required": _("Say what needs to be done")})
    owner_agency = forms.ModelChoiceField(label=_("Agency"), queryset=Agency.objects.filter(active=True),
                                          error_messages={"required": _("Choose the agency")})
    due_on = forms.DateField(label=_("Due date"), widget=forms.DateInput(),
                             error_messages={"required": _("Enter the due date"), "invalid": _("Enter a real date")})


class AttendanceForm(forms.Form):
    occurred_at = forms.DateTimeField(label=_("When did the police attend?"), widget=forms.DateTimeInput(),
                                      error_messages={"required": _("Enter when the police attended"),
                                                      "invalid": _("Enter a real date and time")})
    location_text = forms.CharField(label=_("Where (area only, not the address)"), max_length=200, required=False)
    description = forms.CharField(label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": _("Say what happened")})


class ChildSchoolForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.all(),
                                    error_messages={"required": _("Choose the school")})


class InterventionForm(forms.Form):
    perpetrator = PersonChoiceField(label=_("Perpetrator"), queryset=Person.objects.none(), widget=forms.RadioSelect,
                                    error_messages={"required": _("Select the perpetrator")})
    kind = forms.ChoiceField(label=_("Intervention"), choices=InterventionKind.choices, widget=forms.RadioSelect,
                             error_messages={"required": _("Select the intervention")})
    started_on = forms.DateField(label=_("Date requested or started"), widget=forms.DateInput(),
                                 error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date")})
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, perpetrators: list[Person], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["perpetrator"].queryset = Person.objects.filter(pk__in=[p.pk for p in perpetrators])


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), widget=forms.RadioSelect,
                                choices=[c for c in InterventionStatus.choices if c[0] != "open"],
                                error_messages={"required": _("Select the outcome")})
    decided_on = forms.DateField(label=_("Date decided"), widget=forms.DateInput(),
                                 error_messages={"required": _("Enter the date"), "invalid": _("Enter a real date")})
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class LinkPerpetratorForm(forms.Form):
    person = PersonChoiceField(label=_("Known perpetrator from another case you work on"),
                               queryset=Person.objects.none(), widget=forms.RadioSelect,
                               error_messages={"required": _("Select the perpetrator")})

    def __init__(self, *args, people, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class FirstContactForm(forms.Form):
    when = forms.DateTimeField(label=_("When did the service first make contact?"), widget=forms.DateTimeInput(),
                               error_messages={"required": _("Enter when contact was made"),
                                               "invalid": _("Enter a real date and time")})
