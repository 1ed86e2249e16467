from django import forms
from django.utils.translation import gettext_lazy as _

from audit.models import AuditAction


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), required=False, choices=[("", _("Any"))] + AuditAction.choices)
    object_type = forms.CharField(label=_("Record type"), required=False, max_length=64,
                                  help_text=_("For example core.case"))
    object_id = forms.CharField(label=_("Record id"), required=False, max_length=64)
    actor_id = forms.IntegerField(label=_("Staff user id"), required=False, min_value=1)
    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                                error_messages={"invalid": _("Enter a real date")})
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
                              error_messages={"invalid": _("Enter a real date")})

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", _("The end date must be on or after the start date"))
        return data

    def filter(self, events):  # noqa: ANN001, ANN201
        data = self.cleaned_data
        for name in ("action", "object_type", "object_id", "actor_id"):
            if data.get(name):
                events = events.filter(**{name: data[name]})
        if data.get("date_from"):
            events = events.filter(created_at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(created_at__date__lte=data["date_to"])
        return events
