"""The map pin for "where was it?" questions: the form fields, their checks and the map's settings.

A question's form mixes in ``PinFieldsMixin`` (two hidden inputs, ``latitude`` and ``longitude``); its page
loads ``{% load pin_map %}``, puts ``{% pin_map_assets %}`` in the head and ``{% pin_map form %}`` after the
fields. Without JavaScript nothing of the map shows and the text fields are the whole question.

Settings (all optional):

* ``MAP_PIN_BOUNDS``: ``(south, west, north, east)`` in degrees; a pin outside is refused. Great Britain.
* ``MAP_PIN_CENTRE``: ``(latitude, longitude, zoom)`` where the map opens. The partnership's area.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

GREAT_BRITAIN = (49.8, -8.8, 61.0, 2.0)
DEFAULT_CENTRE = (54.6, -3.0, 8)


def bounds() -> tuple[float, float, float, float]:
    south, west, north, east = getattr(settings, "MAP_PIN_BOUNDS", GREAT_BRITAIN)
    return float(south), float(west), float(north), float(east)


def centre() -> tuple[float, float, int]:
    latitude, longitude, zoom = getattr(settings, "MAP_PIN_CENTRE", DEFAULT_CENTRE)
    return float(latitude), float(longitude), int(zoom)


def within_bounds(latitude: float, longitude: float) -> bool:
    south, west, north, east = bounds()
    return south <= latitude <= north and west <= longitude <= east


class PinFieldsMixin(forms.Form):
    """Optional hidden ``latitude`` and ``longitude``: both or neither, inside ``MAP_PIN_BOUNDS``.

    ``has_pin(cleaned)`` tells the form's own ``clean`` whether a pin answers the question."""

    latitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, error_messages={"invalid": _("Put the pin on the map again")}
    )
    longitude = forms.FloatField(
        required=False, widget=forms.HiddenInput, error_messages={"invalid": _("Put the pin on the map again")}
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if "latitude" in self.errors or "longitude" in self.errors:
            return cleaned
        if (latitude is None) != (longitude is None):
            self.add_error("latitude", _("Put the pin on the map again, or remove it and type the place"))
            cleaned["latitude"] = cleaned["longitude"] = None
        elif latitude is not None and not within_bounds(latitude, longitude):
            self.add_error(
                "latitude", _("The pin is outside the area we cover. Move it, or remove it and type the place")
            )
            cleaned["latitude"] = cleaned["longitude"] = None
        return cleaned

    @staticmethod
    def has_pin(cleaned: dict[str, Any]) -> bool:
        return cleaned.get("latitude") is not None and cleaned.get("longitude") is not None

    @property
    def pin_errors(self) -> list[str]:
        return [*self.errors.get("latitude", []), *self.errors.get("longitude", [])]
