"""Settings for safer-spaces work: Django settings first, then environment variables; read at call time."""

import os

from django.conf import settings


def reports_email() -> str:
    """Who is told (without details) that an unsafe-place report arrived; empty = nobody."""
    return getattr(settings, "VAWG_REPORTS_EMAIL", None) or os.environ.get("CSPHUB_VAWG_REPORTS_EMAIL", "")


def venue_radius_metres() -> float:
    return float(getattr(settings, "VAWG_VENUE_RADIUS_METRES", None)
                 or os.environ.get("CSPHUB_VAWG_VENUE_RADIUS_METRES", "200"))
