"""Demo data for the strategy: the seed's priorities and measures, a few hand-entered figures and narratives.

Call from core/demo.py after the partnership and cases are built: ``strategy.demo.seed(rng, today)``."""

import random
from datetime import date
from decimal import Decimal

from strategy import rules
from strategy.indicators import get_computed
from strategy.models import Indicator, IndicatorValue, Narrative, Priority
from strategy.seed import seed_strategy

NARRATIVES = {
    "domestic-abuse": "MARAC volume is steady. The perpetrator strand of the domestic abuse strategy is out to "
                      "consultation.",
    "vawg": "Night-time economy patrols extended to two more town centres; the confidence survey ran in June.",
    "asb": "The standardised Case Review procedure is in use across the area.",
    "cohesion": "Tension stayed at normal levels for most of the quarter; the hate reporting pages went live.",
}
MANUAL_RANGES = {"vawg_confidence": (55, 75), "unsafe_place_reports": (20, 60), "unsafe_place_hotspots": (1, 6),
                 "case_review_applications": (3, 12), "case_review_threshold_met": (40, 80),
                 "tension_days_elevated": (0, 20), "hate_confidence": (45, 70), "da_support_referrals": (60, 140)}


def seed(rng: random.Random, today: date) -> None:
    seed_strategy()
    latest = rules.previous_quarter(rules.quarter_start(today))
    for quarter in rules.last_quarters(latest, 4):
        for code, (low, high) in MANUAL_RANGES.items():
            if get_computed(code) is not None:
                continue  # computed live from the other apps' records
            IndicatorValue.objects.get_or_create(
                indicator=Indicator.objects.get(code=code), quarter_start=quarter,
                defaults={"value": Decimal(rng.randint(low, high)), "source": "Demonstration figure",
                          "source_date": rules.quarter_end(quarter)})
    for priority in Priority.objects.all():
        Narrative.objects.get_or_create(priority=priority, quarter_start=latest,
                                        defaults={"text": NARRATIVES.get(priority.code, "")})
