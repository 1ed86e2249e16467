"""Every number the domestic abuse module uses, each overridable from Django settings.

Defaults come from ../shared/domain/README.md (section 3). Values marked [U] there are not confirmed by the
research, so a partnership is expected to check and set them. Settings are read when a rule runs, never at
import time, so tests and deployments can override them with ``override_settings``.
"""

from datetime import time
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # DASH: 14+ "yes" answers is high risk, 10-13 medium, below 10 standard (SafeLives).
    "DA_DASH_HIGH_THRESHOLD": 14,
    "DA_DASH_MEDIUM_THRESHOLD": 10,
    # MARAC potential escalation: 3 incidents in 12 months (some areas use 5); not only police call-outs.
    "DA_ESCALATION_INCIDENTS": 3,
    "DA_ESCALATION_WINDOW_DAYS": 365,
    "DA_ESCALATION_POLICE_ONLY": False,
    # Repeat MARAC: any referral within 12 months of the last referral for the same victim.
    "DA_REPEAT_WINDOW_DAYS": 365,
    # Agency research due this many working days before the meeting ("8-10 working days" [U]).
    "DA_RESEARCH_WORKING_DAYS": 8,
    # Live figures: the adult (16+) female population of the partnership's area, and the benchmarks.
    "DA_ADULT_FEMALE_POPULATION": 100_000,
    "DA_BENCHMARK_REFERRALS_PER_10K": 40,
    "DA_BENCHMARK_REPEAT_RATE": (28, 40),  # per cent [U]
    "DA_BENCHMARK_IDVA_ENGAGEMENT": None,  # no recommended range in the domain notes; set one locally
    # Operation Encompass: due before the start of the next school day.
    "DA_SCHOOL_DAY_START": time(8, 30),
    "DA_ENCOMPASS_ESCALATION_EMAIL": "encompass-escalation@localhost",
    "DA_MARAC_COORDINATOR_EMAIL": "marac@localhost",
    # Clare's Law (DVDS): decision within 28 days of the request [U].
    "DA_DVDS_DECISION_DAYS": 28,
    # Perpetrator recency-frequency-gravity score (see rules.rfg_score for the method).
    "DA_RFG_WINDOW_DAYS": 365,
    "DA_RFG_WEIGHTS": {"recency": 0.3, "frequency": 0.3, "gravity": 0.3, "victims": 0.1},
    "DA_RFG_FREQUENCY_CAP": 10,
    "DA_RFG_GRAVITY_CAP": 20,
    "DA_RFG_VICTIM_CAP": 3,
    "DA_RFG_GRAVITY": {
        "sexual_offence": 5, "violence": 4, "domestic_abuse": 2, "criminal_damage": 2, "public_order": 1,
    },
    "DA_SERIAL_VICTIMS": 2,
    # Where "Exit this page" goes: a common, harmless site.
    "DA_EXIT_PAGE_URL": "https://www.bbc.co.uk/weather",
}


def setting(name: str) -> Any:
    return getattr(settings, name, DEFAULTS[name])
