"""The tension scale, indicators and platforms, and the numbers the rules use. All configurable.

The domain notes say the levels used in policing are not confirmed (the Met describes a "three-tier,
six-level" matrix without published names), so the scale is data: a partnership overrides it with
``TENSION_LEVELS`` in settings (a list of ``(code, label, description)`` from calmest to highest) and
nothing else changes. Codes are stored on records, so keep a code once it has been used.
Settings are read when a rule runs, never at import time.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Level:
    code: str
    label: str
    description: str
    rank: int  # 1 is calmest


DEFAULT_LEVELS = (
    ("normal", _("1 Normal"), _("Usual community mood. No sign of tension beyond the everyday.")),
    ("low", _("2 Low"), _("Some concern or talk in the community, no sign it is growing.")),
    ("moderate", _("3 Moderate"), _("Tension is noticeable: rumours, graffiti or small incidents.")),
    ("elevated", _("4 Elevated"), _("Tension is growing: organised activity online or offline is likely.")),
    ("high", _("5 High"), _("Disorder or targeted attacks are likely without a partnership response.")),
    ("critical", _("6 Critical"), _("Disorder is happening or about to happen.")),
)

DEFAULT_INDICATORS = (
    ("protests_planned", _("Protests or marches planned")),
    ("graffiti_leaflets", _("Graffiti, stickers or leaflets")),
    ("online_agitation", _("Online agitation")),
    ("hate_incidents", _("Hate incidents")),
    ("property_attacks", _("Attacks on property")),
    ("gatherings", _("Gatherings")),
    ("counter_groups", _("Counter-groups or counter-protests")),
    ("events_anniversaries", _("Events and anniversaries")),
    ("national_triggers", _("National or international trigger events")),
)

DEFAULT_PLATFORMS = (
    ("facebook", _("Facebook")),
    ("x", _("X (Twitter)")),
    ("tiktok", _("TikTok")),
    ("telegram", _("Telegram")),
    ("whatsapp", _("WhatsApp")),
    ("instagram", _("Instagram")),
    ("youtube", _("YouTube")),
    ("word_of_mouth", _("Word of mouth")),
    ("leaflets", _("Leaflets or posters")),
    ("local_media", _("Local media")),
)


def levels() -> list[Level]:
    rows = getattr(settings, "TENSION_LEVELS", DEFAULT_LEVELS)
    return [Level(code, label, description, rank) for rank, (code, label, description) in enumerate(rows, 1)]


def level_choices() -> list[tuple[str, str]]:
    return [(level.code, level.label) for level in levels()]


def level_by_code(code: str) -> Level | None:
    return next((level for level in levels() if level.code == code), None)


def level_label(code: str) -> str:
    level = level_by_code(code)
    return str(level.label) if level else code


def indicator_choices() -> list[tuple[str, str]]:
    return list(getattr(settings, "TENSION_INDICATORS", DEFAULT_INDICATORS))


def platform_choices() -> list[tuple[str, str]]:
    return list(getattr(settings, "TENSION_PLATFORMS", DEFAULT_PLATFORMS))


def declare_rank() -> int:
    """From this rank up, the weekly assessment suggests declaring a high-tension incident (default: High)."""
    return int(getattr(settings, "TENSION_DECLARE_RANK", 5))


def spreading_window_hours() -> int:
    """A claim seen within this many hours counts as spreading now."""
    return int(getattr(settings, "TENSION_SPREADING_HOURS", 72))


def sitrep_review_hours() -> int:
    """The default time to the next review of a high-tension incident."""
    return int(getattr(settings, "TENSION_REVIEW_HOURS", 24))


def area_radius_km() -> float:
    """How far from an area's centre an incident with a map point still counts as in the area."""
    return float(getattr(settings, "TENSION_AREA_RADIUS_KM", 3.0))
