import os

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from access.models import LawfulBasis
from core.kinds import kind_choices
from core.models import Action, Case, CaseStatus, Incident, ParticipantRole, Person, RiskLevel
from partnership.models import Agency, User

ALLOWED_ATTACHMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
# The first bytes of each type, so a renamed executable is not accepted as a PDF.
MAGIC_NUMBERS = {
    ".pdf": [b"%PDF"],
    ".docx": [b"PK\x03\x04"],
    ".odt": [b"PK\x03\x04"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
}


def staff_choices() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True, memberships__isnull=False).distinct(),
        required=False,
        label=_("Person"),
    )


class CaseForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind of case"), choices=())

    class Meta:
        model = Case
        fields = ["kind", "title", "lead_agency", "lead_officer", "risk_level", "restricted"]
        error_messages = {
            "title": {"required": _("Enter a short summary of the case")},
            "lead_agency": {"required": _("Select the lead agency")},
        }

    def __init__(self, *args, lead_agencies=None, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kind_choices()
        self.fields["kind"].error_messages["required"] = _("Select the kind of case")
        self.fields["lead_agency"].queryset = lead_agencies if lead_agencies is not None else Agency.objects.filter(
            active=True
        )
        self.fields["lead_agency"].empty_label = _("Select an agency")
        self.fields["lead_officer"].queryset = User.objects.filter(
            is_active=True, memberships__isnull=False
        ).distinct()
        self.fields["lead_officer"].required = False
        if self.instance.pk:
            del self.fields["kind"]


class CaseEditForm(forms.ModelForm):
    class Meta:
        model = Case
        fields = ["title", "status", "risk_level", "lead_officer", "restricted"]
        error_messages = {"title": {"required": _("Enter a short summary of the case")}}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["lead_officer"].queryset = User.objects.filter(
            is_active=True, memberships__isnull=False
        ).distinct()
        self.fields["status"].widget = forms.RadioSelect(choices=CaseStatus.choices)
        self.fields["risk_level"].widget = forms.RadioSelect(choices=RiskLevel.choices)


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any"))] + CaseStatus.choices)
    risk_level = forms.ChoiceField(
        label=_("Risk"), required=False, choices=[("", _("Any"))] + RiskLevel.choices
    )

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Any"))] + kind_choices()


class IncidentForm(forms.ModelForm):
    occurred_at = forms.DateTimeField(
        label=_("When it happened"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={
            "required": _("Enter when it happened"),
            "invalid": _("Enter a real date and time, for example 27 3 2026 21:30"),
        },
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, decimal_places=6,
        help_text=_("Optional, for example 54.8925"),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, decimal_places=6,
        help_text=_("Optional, for example -2.9329"),
    )

    class Meta:
        model = Incident
        fields = ["occurred_at", "category", "description", "location_text", "latitude", "longitude",
                  "external_reference"]
        error_messages = {
            "category": {"required": _("Select the kind of incident")},
            "description": {"required": _("Describe what happened")},
        }

    def clean_occurred_at(self):  # noqa: ANN201
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("The date and time must be in the past"))
        return value


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea, max_length=10000,
        error_messages={"required": _("Enter the note")},
    )


class ActionForm(forms.ModelForm):
    due_on = forms.DateField(
        label=_("Due date"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the due date"), "invalid": _("Enter a real date")},
    )

    class Meta:
        model = Action
        fields = ["title", "owner_agency", "owner_user", "due_on"]
        error_messages = {"title": {"required": _("Enter what needs to be done")}}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["owner_agency"].queryset = Agency.objects.filter(active=True)
        self.fields["owner_user"].queryset = User.objects.filter(is_active=True, memberships__isnull=False).distinct()

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("owner_agency") and not data.get("owner_user"):
            self.add_error("owner_agency", _("Select the agency or person who owns this action"))
        return data


class CompleteActionForm(forms.Form):
    outcome = forms.CharField(
        label=_("What was done"), widget=forms.Textarea, max_length=5000,
        error_messages={"required": _("Describe what was done")},
    )


class ParticipantForm(forms.ModelForm):
    role = forms.ChoiceField(
        label=_("Their role in the case"), choices=ParticipantRole.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Select their role in the case")},
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a real date of birth")},
    )
    basis = forms.ChoiceField(
        label=_("Lawful basis for sharing their details with partner agencies"),
        choices=[("", _("Not recorded yet"))] + LawfulBasis.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    basis_explanation = forms.CharField(
        label=_("Why this basis applies"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Person
        fields = ["given_name", "family_name", "other_names", "gender", "date_of_birth", "address", "postcode",
                  "phone", "email", "safe_contact", "vulnerabilities"]
        error_messages = {"given_name": {"required": _("Enter their first name")}}

    def clean_date_of_birth(self):  # noqa: ANN201
        value = self.cleaned_data.get("date_of_birth")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Date of birth must be in the past"))
        return value

    def clean(self) -> dict:
        data = super().clean()
        if data.get("basis") and data["basis"] != LawfulBasis.CONSENT and not data.get("basis_explanation"):
            self.add_error("basis_explanation", _("Explain why this lawful basis applies"))
        return data

    def person_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class TeamAgencyForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.filter(active=True),
        error_messages={"required": _("Select the agency to add")},
    )
    sensitive_access = forms.BooleanField(
        label=_("They may see addresses, contact details, dates of birth and vulnerability notes"),
        required=False,
    )


class TeamUserForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Member of staff"),
        queryset=User.objects.filter(is_active=True, memberships__isnull=False).distinct(),
        error_messages={"required": _("Select the member of staff to add")},
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"), error_messages={"required": _("Select a file")},
                           help_text=_("PDF, Word (.docx), OpenDocument, text, CSV, JPEG or PNG, up to 10 MB"))
    description = forms.CharField(label=_("Description"), required=False, max_length=200)

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in ALLOWED_ATTACHMENT_TYPES:
            raise forms.ValidationError(_("The file must be a PDF, Word, OpenDocument, text, CSV, JPEG or PNG file"))
        if upload.size > settings.ATTACHMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("The file must be smaller than %(mb)s MB") % {"mb": settings.ATTACHMENT_MAX_BYTES // (1024 * 1024)}
            )
        head = upload.read(16)
        upload.seek(0)
        signatures = MAGIC_NUMBERS.get(extension)
        if signatures and not any(head.startswith(sig) for sig in signatures):
            raise forms.ValidationError(_("The file's contents do not match its type"))
        upload.content_type = ALLOWED_ATTACHMENT_TYPES[extension]
        return upload


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to open this case?"),
        help_text=_("This is recorded, shown to the case team and checked. Do not include names."),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=20,
        max_length=2000,
        error_messages={
            "required": _("Enter why you need to open this case"),
            "min_length": _("Give a fuller reason (at least 20 characters)"),
        },
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Case reference or person's name"),
        min_length=2,
        max_length=100,
        error_messages={"required": _("Enter a case reference or a name"),
                        "min_length": _("Enter at least 2 characters")},
    )
