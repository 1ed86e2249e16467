"""The shared map pin for "where was it?" questions (see ``csphub/pin_map.py``).

* ``{% pin_map_assets %}`` in the page's head: Leaflet and the pin map's script and style (all ``defer``).
* ``{% pin_map form %}`` inside the form, after the fields: the map, hidden until the script starts it,
  writing to the form's hidden ``latitude`` and ``longitude`` inputs. Settings reach the script through
  ``data-`` attributes, as the Content Security Policy forbids inline scripts.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

from csphub import pin_map as pin_settings

register = template.Library()


@register.simple_tag
def pin_map_assets() -> str:
    return format_html(
        '<link rel="stylesheet" href="{}">\n<link rel="stylesheet" href="{}">\n'
        '<script src="{}" defer></script>\n<script src="{}" defer></script>',
        static("leaflet/leaflet.css"),
        static("csphub/pin-map.css"),
        static("leaflet/leaflet.js"),
        static("csphub/pin-map.js"),
    )


@register.inclusion_tag("includes/pin_map.html")
def pin_map(form: forms.Form, latitude: str = "latitude", longitude: str = "longitude") -> dict[str, Any]:
    lat_field, lon_field = form[latitude], form[longitude]
    errors = [*lat_field.errors, *lon_field.errors]
    return {
        "map_id": f"{lat_field.auto_id}-map",
        "latitude_id": lat_field.auto_id,
        "longitude_id": lon_field.auto_id,
        "errors": errors,
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "bounds": ",".join(str(v) for v in pin_settings.bounds()),
        "centre": ",".join(str(v) for v in pin_settings.centre()),
    }
