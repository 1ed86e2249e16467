"""Forms for the register of information sharing agreements."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access import rules
from access.models import LawfulBasis, SharingAgreement, SharingPurpose
from partnership.models import Agency

DATE = forms.DateInput(attrs={"type": "date"})


def _agencies():  # noqa: ANN202 - QuerySet[Agency]
    return Agency.objects.filter(active=True)


class SharingAgreementForm(forms.ModelForm):
    parties = forms.ModelMultipleChoiceField(
        label=_("Agencies that have signed it"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select at least two"),
        error_messages={"required": _("Select at least two agencies that have signed the agreement")},
    )
    purposes = forms.MultipleChoiceField(
        label=_("Purposes it covers"),
        choices=SharingPurpose.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one purpose")},
    )
    document_link = forms.URLField(
        label=_("Link to the signed document"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a link starting with https://")},
    )
    lawful_bases = forms.MultipleChoiceField(
        label=_("Lawful bases"),
        choices=LawfulBasis.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select at least one lawful basis")},
    )

    class Meta:
        model = SharingAgreement
        fields = [
            "title",
            "reference",
            "owner_agency",
            "parties",
            "purposes",
            "lawful_bases",
            "legal_conditions",
            "data_shared",
            "starts_on",
            "review_on",
            "document_link",
            "notes",
        ]
        widgets = {"starts_on": DATE, "review_on": DATE}
        help_texts = {
            "data_shared": _(
                "The kinds of personal data the agencies share, for example names, "
                "addresses, risk assessments and offending history"
            )
        }
        error_messages = {
            "title": {"required": _("Enter the agreement's title")},
            "reference": {
                "required": _("Enter the agreement's reference"),
                "unique": _("Another agreement already has this reference"),
            },
            "owner_agency": {"required": _("Select the agency that owns the agreement")},
            "data_shared": {"required": _("Describe the data shared")},
            "starts_on": {"required": _("Enter the start date"), "invalid": _("Enter a real start date")},
            "review_on": {"required": _("Enter the review date"), "invalid": _("Enter a real review date")},
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = _agencies()
        self.fields["owner_agency"].queryset = _agencies()
        self.fields["owner_agency"].empty_label = _("Select an agency")
        if self.instance.pk:
            self.initial.setdefault("parties", list(self.instance.parties.all()))

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        owner = cleaned.get("owner_agency")
        problems = rules.agreement_problems(
            starts_on=cleaned.get("starts_on"),
            review_on=cleaned.get("review_on"),
            party_ids=[a.pk for a in cleaned.get("parties") or []],
            purposes=cleaned.get("purposes") or [],
            owner_id=owner.pk if owner else None,
        )
        for name, message in problems.items():
            if name not in self.errors:  # a field's own "required" message already says it
                self.add_error(name, message)
        return cleaned

    def agreement_fields(self) -> dict:
        """What the action saves on the agreement itself (the parties are saved separately)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "parties"}


class EndAgreementForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Date it ends"),
        widget=DATE,
        initial=timezone.localdate,
        help_text=_("From this date the agreement covers no sharing. Today's date ends it now."),
        error_messages={"required": _("Enter the date it ends"), "invalid": _("Enter a real date")},
    )


class AgreementFilterForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.none(), required=False, empty_label=_("All agencies")
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *rules.AgreementStatus.choices]
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.all()
