"""Analysis settings. Every number is configurable: Django settings first, then environment variables.

Read at call time, never at import time, so tests and deployments can change them.
"""

import os
from dataclasses import dataclass

from django.conf import settings


def _setting(name: str, default: str) -> str:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(f"CSPHUB_{name}", default)
    return value if isinstance(value, str) else ",".join(value)


def area_lsoa_prefixes() -> tuple[str, ...]:
    """The partnership's area as LSOA-name prefixes (e.g. ``Allerdale,Carlisle,Copeland``); empty = all."""
    raw = _setting("ANALYTICS_AREA_LSOA_PREFIXES", "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class HotspotDefaults:
    cell_metres: float = 250.0
    band_metres: float = 500.0
    fdr_q: float = 0.05


def hotspot_defaults() -> HotspotDefaults:
    return HotspotDefaults(
        cell_metres=float(_setting("ANALYTICS_CELL_METRES", "250")),
        band_metres=float(_setting("ANALYTICS_BAND_METRES", "500")),
        fdr_q=float(_setting("ANALYTICS_FDR_Q", "0.05")),
    )


# Counts from 1 to 4 are shown as "fewer than 5" everywhere outside the staff casework area.
SMALL_NUMBER = 5


def suppress(count: int) -> str:
    return "fewer than 5" if 0 < count < SMALL_NUMBER else str(count)
