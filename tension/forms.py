"""Forms for the tension pages. Every message says what to do; nothing is saved unless the whole form is valid."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency
from tension import config, rules
from tension.models import (
    Confidence,
    HighTensionIncident,
    InformationGrade,
    Risk,
    Rumour,
    RumourStatus,
    SharingReview,
    TensionArea,
    TensionReport,
    TimelineKind,
    Trend,
)

PERSONAL_DATA_HINT = _(
    "You can name groups, organisations and places. Do not include private individuals' names, addresses, "
    "phone numbers, emails or social media accounts. A coordinator checks the text before it is shared beyond "
    "the partnership."
)


def _required(message: str) -> dict:
    return {"required": message}


def _no_personal_data(value: str) -> str:
    found = rules.personal_data_found(value)
    if found:
        raise forms.ValidationError(
            _("Remove %(what)s: reports must not include private individuals' personal data")
            % {"what": ", ".join(found)}
        )
    return value


def _not_future(value):  # noqa: ANN001, ANN202
    if value and value > (timezone.now() if hasattr(value, "hour") else timezone.localdate()):
        raise forms.ValidationError(_("The date must be today or in the past"))
    return value


def _level_field(label: str, message: str) -> forms.ChoiceField:
    field = forms.ChoiceField(label=label, widget=forms.RadioSelect, error_messages=_required(message))
    field.choices = config.level_choices()
    return field


def _datetime_field(label: str, message: str, *, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, required=required, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        error_messages={"required": message, "invalid": _("Enter a real date and time")},
    )


class TensionReportForm(forms.ModelForm):
    area = forms.ModelChoiceField(
        queryset=TensionArea.objects.filter(active=True), label=_("Which area is this about?"),
        empty_label=_("Select an area"), error_messages=_required(_("Select the area")),
    )
    observed_on = forms.DateField(
        label=_("When did you observe this?"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter the date you observed this"), "invalid": _("Enter a real date")},
    )
    indicators = forms.MultipleChoiceField(
        label=_("What have you seen or heard?"), widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"), error_messages=_required(_("Select at least one indicator")),
    )
    summary = forms.CharField(
        label=_("What you observed"), widget=forms.Textarea, help_text=PERSONAL_DATA_HINT,
        error_messages=_required(_("Describe what you observed")),
    )
    sources = forms.CharField(
        label=_("Sources"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: ward councillor, neighbourhood policing team, community leader, public post"),
        error_messages=_required(_("Enter where the information came from")),
    )
    grade = forms.ChoiceField(label=_("How do you know?"), choices=InformationGrade.choices,
                              widget=forms.RadioSelect, error_messages=_required(_("Select how you know")))
    confidence = forms.ChoiceField(label=_("How confident are you?"), choices=Confidence.choices,
                                   widget=forms.RadioSelect,
                                   error_messages=_required(_("Select how confident you are")))
    latitude = forms.DecimalField(label=_("Map point: latitude (optional)"), required=False, max_digits=9,
                                  decimal_places=6, min_value=-90, max_value=90,
                                  error_messages={"invalid": _("Enter a latitude like 54.6430")})
    longitude = forms.DecimalField(label=_("Map point: longitude (optional)"), required=False, max_digits=9,
                                   decimal_places=6, min_value=-180, max_value=180,
                                   error_messages={"invalid": _("Enter a longitude like -3.5480")})
    rumours = forms.ModelMultipleChoiceField(
        queryset=Rumour.objects.exclude(status=RumourStatus.SUBSIDED), required=False,
        widget=forms.CheckboxSelectMultiple, label=_("Is this linked to a claim in the rumour register? (optional)"),
    )

    class Meta:
        model = TensionReport
        fields = ["area", "observed_on", "indicators", "summary", "sources", "grade", "confidence",
                  "judged_level", "latitude", "longitude"]

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = config.indicator_choices()
        self.fields["judged_level"] = _level_field(_("What level of tension do you judge?"),
                                                   _("Select the level of tension you judge"))
        self.order_fields(["area", "observed_on", "indicators", "summary", "sources", "grade", "confidence",
                           "judged_level", "rumours", "latitude", "longitude"])

    def clean_observed_on(self):  # noqa: ANN201
        return _not_future(self.cleaned_data["observed_on"])

    def clean_summary(self) -> str:
        return _no_personal_data(self.cleaned_data["summary"])

    def clean_sources(self) -> str:
        return _no_personal_data(self.cleaned_data["sources"])

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude" if data.get("latitude") is not None else "latitude",
                           _("Enter both latitude and longitude, or neither"))
        return data


class AreaForm(forms.ModelForm):
    class Meta:
        model = TensionArea
        fields = ["name", "match_terms", "latitude", "longitude"]
        error_messages = {"name": {"required": _("Enter the name of the area"),
                                   "unique": _("There is already an area with this name")}}


class AreaLevelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea,
                             help_text=_("What the assessment is based on. Partners see this in the history."),
                             error_messages=_required(_("Give the reason for the level")))

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields = {"level": _level_field(_("Assessed level"), _("Select the assessed level")), **self.fields}


class SharingReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("May this report's text be shared beyond the partnership?"), widget=forms.RadioSelect,
        choices=[(SharingReview.CLEARED, SharingReview.CLEARED.label),
                 (SharingReview.WITHHELD, SharingReview.WITHHELD.label)],
        error_messages=_required(_("Select whether the report may be shared")),
    )


class DeclareIncidentForm(forms.Form):
    area = forms.ModelChoiceField(queryset=TensionArea.objects.filter(active=True), label=_("Area"),
                                  empty_label=_("Select an area"), error_messages=_required(_("Select the area")))
    what_happened = forms.CharField(label=_("What happened"), widget=forms.Textarea, help_text=PERSONAL_DATA_HINT,
                                    error_messages=_required(_("Describe what happened")))
    community_impact = forms.CharField(label=_("Community impact"), widget=forms.Textarea(attrs={"rows": 3}),
                                       required=False)
    reason = forms.CharField(label=_("Why you are declaring a high-tension incident"),
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages=_required(_("Give the reason for declaring")))
    partners = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(active=True), widget=forms.CheckboxSelectMultiple, required=False,
        label=_("Partners to alert"), help_text=_("They join the incident and get every alert"),
    )
    review_hours = forms.IntegerField(label=_("Hours until the first review"), min_value=1,
                                      max_value=rules.MAX_DUE_HOURS, initial=24,
                                      error_messages={"required": _("Enter the hours until the first review"),
                                                      "invalid": _("Enter a whole number of hours"),
                                                      "min_value": _("Enter at least 1 hour"),
                                                      "max_value": _("Enter no more than 336 hours")})

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["level"] = _level_field(_("Level"), _("Select the level"))
        self.order_fields(["area", "level", "what_happened", "community_impact", "reason", "partners",
                           "review_hours"])

    def clean_what_happened(self) -> str:
        return _no_personal_data(self.cleaned_data["what_happened"])


class EscalateForm(forms.Form):
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages=_required(_("Give the reason for escalating")))

    def __init__(self, *args, current: str = "", **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        field = _level_field(_("New level"), _("Select the new level"))
        field.choices = [(c, label) for c, label in field.choices if rules.rank(c) > rules.rank(current)]
        self.fields = {"level": field, **self.fields}


class StandDownForm(forms.Form):
    reason = forms.CharField(label=_("Why the incident can be stood down"), widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages=_required(_("Give the reason for standing down")))


class TimelineEntryForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), widget=forms.RadioSelect,
                             choices=[(TimelineKind.EVENT, _("Event – something that happened")),
                                      (TimelineKind.DECISION, _("Decision – something the partnership decided"))],
                             error_messages=_required(_("Select event or decision")))
    occurred_at = _datetime_field(_("When"), _("Enter when it happened"))
    text = forms.CharField(label=_("What happened or was decided"), widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages=_required(_("Describe what happened or was decided")))
    reason = forms.CharField(label=_("Why (for decisions)"), widget=forms.Textarea(attrs={"rows": 3}),
                             required=False)

    def clean_occurred_at(self):  # noqa: ANN201
        return _not_future(self.cleaned_data["occurred_at"])

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == TimelineKind.DECISION and not data.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for the decision"))
        return data


class PartnerContactForm(forms.Form):
    agency = forms.ModelChoiceField(queryset=Agency.objects.filter(active=True), label=_("Partner"),
                                    empty_label=_("Select a partner"), error_messages=_required(_("Select a partner")))
    role = forms.CharField(label=_("Role in the response"), max_length=100,
                           help_text=_("For example: Silver commander, communications lead, community liaison"),
                           error_messages=_required(_("Enter the partner's role in the response")))
    contact_name = forms.CharField(label=_("Contact name (optional)"), max_length=100, required=False)
    phone = forms.CharField(label=_("Work phone (optional)"), max_length=30, required=False)
    email = forms.EmailField(label=_("Work email for alerts (optional)"), required=False,
                             help_text=_("If empty, alerts go to the partner's shared mailbox"),
                             error_messages={"invalid": _("Enter an email address like name@example.org")})

    def __init__(self, *args, incident: HighTensionIncident | None = None, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.incident = incident

    def clean_agency(self) -> Agency:
        agency = self.cleaned_data["agency"]
        if self.incident and self.incident.call_list.filter(agency=agency).exists():
            raise forms.ValidationError(_("This partner is already on the call list"))
        return agency


class ResponseActionForm(forms.Form):
    title = forms.CharField(label=_("What needs to be done"), max_length=200,
                            error_messages=_required(_("Enter what needs to be done")))
    owner_agency = forms.ModelChoiceField(queryset=Agency.objects.filter(active=True), label=_("Owner"),
                                          empty_label=_("Select a partner"),
                                          error_messages=_required(_("Select who owns the action")))
    owner_name = forms.CharField(label=_("Named owner (optional)"), max_length=100, required=False)
    due_in_hours = forms.IntegerField(label=_("Due in how many hours?"), min_value=1, max_value=rules.MAX_DUE_HOURS,
                                      error_messages={"required": _("Enter how many hours until it is due"),
                                                      "invalid": _("Enter a whole number of hours"),
                                                      "min_value": _("Enter at least 1 hour"),
                                                      "max_value": _("Enter no more than 336 hours")})


class CompleteActionForm(forms.Form):
    outcome = forms.CharField(label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages=_required(_("Describe the outcome")))


class SitrepForm(forms.Form):
    next_review_hours = forms.IntegerField(
        label=_("Hours until the next review (optional)"), required=False, min_value=1, max_value=rules.MAX_DUE_HOURS,
        help_text=_("Leave empty to keep the current review time"),
        error_messages={"invalid": _("Enter a whole number of hours"), "min_value": _("Enter at least 1 hour"),
                        "max_value": _("Enter no more than 336 hours")},
    )


class RumourForm(forms.ModelForm):
    first_seen_at = _datetime_field(_("When it was first seen"), _("Enter when the claim was first seen"))
    last_seen_at = _datetime_field(_("When it was last seen (optional)"), "", required=False)
    publish_at = _datetime_field(_("When it will be published (optional)"), "", required=False)
    platforms = forms.MultipleChoiceField(label=_("Platforms"), widget=forms.CheckboxSelectMultiple,
                                          help_text=_("Select all that apply"),
                                          error_messages=_required(_("Select at least one platform")))
    estimated_reach = forms.IntegerField(label=_("Estimated reach (people)"), min_value=0,
                                         error_messages={"required": _("Enter the estimated reach, or 0"),
                                                         "invalid": _("Enter the reach as a whole number"),
                                                         "min_value": _("Enter 0 or more")})
    reports = forms.ModelMultipleChoiceField(queryset=TensionReport.objects.none(),
                                             required=False, widget=forms.CheckboxSelectMultiple,
                                             label=_("Linked tension reports (optional)"))
    incidents = forms.ModelMultipleChoiceField(queryset=HighTensionIncident.objects.none(), required=False,
                                               widget=forms.CheckboxSelectMultiple,
                                               label=_("Linked high-tension incidents (optional)"))

    class Meta:
        model = Rumour
        fields = ["claim", "first_seen_at", "first_seen_where", "platforms", "estimated_reach", "trend",
                  "last_seen_at", "risk", "verified_facts", "verified_by", "counter_message", "trusted_messengers",
                  "publisher", "publish_at", "internal_notes", "reports", "incidents"]
        widgets = {"trend": forms.RadioSelect, "risk": forms.RadioSelect,
                   "verified_facts": forms.Textarea(attrs={"rows": 3}),
                   "counter_message": forms.Textarea(attrs={"rows": 4}),
                   "trusted_messengers": forms.Textarea(attrs={"rows": 2}),
                   "internal_notes": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "claim": _("What is being said, in a sentence or two. Do not repeat names of private individuals."),
            "counter_message": _("Community-facing. Published only after the coordinator reviews it."),
            "internal_notes": _("Never shared outside the partnership."),
        }
        error_messages = {
            "claim": {"required": _("Enter the claim")},
            "first_seen_where": {"required": _("Enter where the claim was first seen")},
            "trend": {"required": _("Select the trend")},
            "risk": {"required": _("Select the risk the claim poses")},
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["platforms"].choices = config.platform_choices()
        self.fields["trend"].choices = Trend.choices
        self.fields["risk"].choices = Risk.choices
        recent = timezone.now() - timedelta(days=28)
        self.fields["reports"].queryset = TensionReport.objects.filter(submitted_at__gte=recent).select_related("area")
        self.fields["incidents"].queryset = HighTensionIncident.objects.select_related("case", "area")
        self.fields["incidents"].label_from_instance = lambda i: f"{i.reference}: {i.area}"
        self.fields["publisher"].empty_label = _("Not decided yet")

    def clean_first_seen_at(self):  # noqa: ANN201
        return _not_future(self.cleaned_data["first_seen_at"])

    def clean_counter_message(self) -> str:
        return _no_personal_data(self.cleaned_data["counter_message"])

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("last_seen_at") and data.get("first_seen_at"):
            data["last_seen_at"] = data["first_seen_at"]
        if data.get("last_seen_at") and data.get("first_seen_at") and data["last_seen_at"] < data["first_seen_at"]:
            self.add_error("last_seen_at", _("Last seen must be after first seen"))
        return data


class RumourStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=RumourStatus.choices, widget=forms.RadioSelect,
                               error_messages=_required(_("Select the new status")))
    note = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages=_required(_("Give the reason for the change")))
