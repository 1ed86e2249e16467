"""The registry of indicators csphub computes from its own data.

Domain apps plug theirs in from ``AppConfig.ready``::

    from strategy.indicators import register_indicator
    register_indicator("hate_confidence", "Reporting-confidence score", "Mean of ...", compute)

``compute(start, end)`` returns the figure for the period (both dates inclusive), or None when it cannot be
worked out. A strategy Indicator whose code is registered is computed live; any other is entered by hand.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

Compute = Callable[[date, date], float | int | Decimal | None]
# Optional: the figure split by area, strand ... for the indicator's own page, as (label, value) rows.
Breakdown = Callable[[date, date], list[tuple[str, float | int | Decimal | None]]]


@dataclass(frozen=True)
class ComputedIndicator:
    code: str
    label: str
    definition: str
    compute: Compute
    breakdown: Breakdown | None = None
    breakdown_heading: str = ""


_REGISTRY: dict[str, ComputedIndicator] = {}


def register_indicator(code: str, label: str, definition: str, compute: Compute, *,
                       breakdown: Breakdown | None = None, breakdown_heading: str = "") -> None:
    existing = _REGISTRY.get(code)
    if existing is not None and existing.compute is not compute:
        raise ValueError(f"Indicator {code!r} is already registered")
    _REGISTRY[code] = ComputedIndicator(code, label, definition, compute, breakdown, breakdown_heading)


def get_computed(code: str) -> ComputedIndicator | None:
    return _REGISTRY.get(code)


def registered() -> list[ComputedIndicator]:
    return sorted(_REGISTRY.values(), key=lambda i: i.code)
