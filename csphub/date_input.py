"""The GOV.UK date input for Django forms: day, month and year boxes, for dates people remember (when something
happened), which is what public questions use instead of the browser's own date picker.

``DatePartsField`` is a ``DateField`` whose widget posts ``<name>-day``, ``<name>-month`` and ``<name>-year``.
It still accepts one ISO date posted under ``<name>`` (the API, tests), and months as numbers or names
("3", "Mar", "March"), as the GOV.UK guidance recommends. ``govuk_field`` renders it as the date input component.
"""

import calendar
import datetime
from typing import Any, NamedTuple

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class DateParts(NamedTuple):
    day: str
    month: str
    year: str


PART_NAMES = ("day", "month", "year")
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
} | {"sept": 9}


class DatePartsInput(forms.Widget):
    """Three text boxes; the value is ``DateParts`` as typed (so a wrong date is shown back as it was typed)."""

    def data_keys(self, name: str) -> list[str]:
        return [f"{name}-{part}" for part in PART_NAMES]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if name in data:  # one ISO date: the API, tests
            return data.get(name)
        parts = [data.get(key) for key in self.data_keys(name)]
        if all(part is None for part in parts):
            return None
        return DateParts(*[str(part or "").strip() for part in parts])

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and not any(key in data for key in self.data_keys(name))


def parts_of(value: Any) -> DateParts:
    """What to show in the three boxes for a field's value: as typed, from a date, or from ISO text."""
    if isinstance(value, DateParts):
        return value
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value.strip())
        except ValueError:
            return DateParts("", "", "")
    if isinstance(value, datetime.date):
        return DateParts(str(value.day), str(value.month), str(value.year))
    return DateParts("", "", "")


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _MONTHS[text.lower().rstrip(".")]


class DatePartsField(forms.DateField):
    widget = DatePartsInput
    default_error_messages = {
        "invalid": _("Enter a real date"),
        "missing": _("The date must include a %(parts)s"),
    }

    def to_python(self, value: Any) -> datetime.date | None:
        if not isinstance(value, DateParts):
            return super().to_python(value)
        if not any(value):
            return None
        missing = [name for name, part in zip((_("day"), _("month"), _("year")), value, strict=True) if not part]
        if missing:
            parts = " and ".join(str(name) for name in missing)
            raise ValidationError(self.error_messages["missing"], code="missing", params={"parts": parts})
        try:
            day, month, year = int(value.day), _month(value.month), int(value.year)
            if year < 1000:  # "26" is not a year the person meant
                raise ValueError
            return datetime.date(year, month, day)
        except (ValueError, KeyError):
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
