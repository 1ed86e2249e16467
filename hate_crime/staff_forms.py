"""Forms for the staff triage screens."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Case, RiskLevel
from hate_crime import rules
from hate_crime.models import Channel, Classification, PoliceDestination, ReportStatus, ReportUpdate
from partnership.models import Agency, AgencyKind, User

ALL = [("", _("All"))]


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=ALL + ReportStatus.choices)
    strand = forms.ChoiceField(label=_("Strand"), required=False)
    area = forms.CharField(label=_("Area (postcode district, or ‘online’)"), required=False, max_length=8)
    channel = forms.ChoiceField(label=_("How it was reported"), required=False, choices=ALL + Channel.choices)
    age = forms.ChoiceField(
        label=_("Age of report"),
        required=False,
        choices=ALL
        + [
            ("0-2", _("0 to 2 days")),
            ("3-7", _("3 to 7 days")),
            ("8-30", _("8 to 30 days")),
            ("31+", _("Over 30 days")),
        ],
    )
    spam = forms.ChoiceField(
        label=_("Suspected spam"),
        required=False,
        choices=[("", _("Leave out")), ("only", _("Only suspected spam")), ("include", _("Include"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["strand"].choices = ALL + rules.strand_choices()


class TriageForm(forms.Form):
    classification = forms.ChoiceField(
        label=_("Is it a hate crime or a hate incident?"),
        required=False,
        choices=Classification.choices,
        widget=forms.RadioSelect,
    )
    risk_level = forms.ChoiceField(
        label=_("Risk"),
        choices=RiskLevel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the risk")},
    )
    vulnerability = forms.CharField(
        label=_("Vulnerability (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: disability, isolation, age, earlier targeting"),
    )


class AssignForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Agency.objects.filter(active=True).exclude(kind=AgencyKind.REPORTING_CENTRE),
        error_messages={"required": _("Select an agency")},
    )
    officer = forms.ModelChoiceField(
        label=_("Officer (optional)"),
        required=False,
        queryset=User.objects.filter(is_active=True, memberships__role__in=["practitioner", "coordinator"]).distinct(),
    )


class CaseForm(forms.Form):
    lead_agency = forms.ModelChoiceField(
        label=_("Lead agency for a new case"),
        required=False,
        queryset=Agency.objects.filter(active=True).exclude(kind=AgencyKind.REPORTING_CENTRE),
    )
    existing_case = forms.CharField(
        label=_("Or link an existing hate crime case (reference)"),
        required=False,
        max_length=32,
        help_text=_("For example, HC-2026-00012"),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if bool(cleaned.get("lead_agency")) == bool(cleaned.get("existing_case")):
            raise forms.ValidationError(_("Choose a lead agency for a new case, or enter an existing case reference"))
        return cleaned


class PoliceReferenceForm(forms.Form):
    police_reference = forms.CharField(
        label=_("Police reference"), max_length=40, error_messages={"required": _("Enter the police reference")}
    )


class UpdateForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Who is this for?"),
        widget=forms.RadioSelect,
        choices=[
            (ReportUpdate.Kind.INTERNAL, _("Staff only (internal note)")),
            (ReportUpdate.Kind.FOR_REPORTER, _("The person who reported: they see it when they check their report")),
        ],
        error_messages={"required": _("Select who the update is for")},
    )
    text = forms.CharField(
        label=_("Update"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter the update")},
    )
    contacted = forms.BooleanField(label=_("We have spoken to or written to the person"), required=False)


class RouteForm(forms.Form):
    destination = forms.ModelChoiceField(
        label=_("Police force"),
        queryset=PoliceDestination.objects.filter(active=True, agency__kind=AgencyKind.POLICE).select_related("agency"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select a police force")},
    )


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label=_("Outcome (staff only)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the outcome")},
    )
    message_for_reporter = forms.CharField(
        label=_("Message for the person who reported (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("They see this when they check their report"),
    )


def find_hate_case(visible: Any, reference: str) -> Case | None:
    return visible.filter(reference=reference.strip().upper(), kind="hate").first()
