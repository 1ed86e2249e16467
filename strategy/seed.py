"""The strategy from the seed announcement (Cumberland CSP 2024–2027) as data. Idempotent.

The four priorities and eight measures are the announcement's; owners, targets and the manual indicators are
demonstration defaults for the partnership to change."""

from decimal import Decimal

from django.db import transaction

from strategy.models import Indicator, Measure, Priority

STRATEGY = (
    ("domestic-abuse", "Domestic abuse", (
        ("A clear domestic abuse strategy focusing on perpetrators, and babies, children and young people",
         "Domestic Abuse Partnership Board chair", (
             ("marac_cases", None, True, "count", True),
             ("marac_repeat_rate", Decimal(28), True, "percent", False),
         )),
        ("Improved access to support for victims of domestic abuse and sexual offences", "Commissioning lead", (
            ("marac_per_10k", Decimal(40), True, "rate", False),
            ("dhr_on_time", Decimal(90), True, "percent", False),
            ("da_support_referrals", None, True, "count", True),
        )),
    )),
    ("vawg", "Violence against women and girls (VAWG)", (
        ("More confidence in reporting VAWG offences, through education and awareness", "VAWG lead", (
            ("vawg_confidence", Decimal(70), True, "percent", False),
        )),
        ("Safer spaces for women and girls, with a focus on VAWG hotspots and the night-time economy",
         "Night-time economy lead", (
             ("unsafe_place_reports", None, True, "count", True),
             ("unsafe_place_hotspots", Decimal(3), False, "count", False),
         )),
    )),
    ("asb", "Antisocial behaviour", (
        ("Using restorative interventions and effective enforcement to reduce the number of repeat victims of "
         "antisocial behaviour", "ASB lead", (
             ("asb_repeat_victims", Decimal(20), False, "percent", False),
             ("asb_repeat_victims_flagged", None, False, "count", True),
         )),
        ("An improved antisocial behaviour case review process, standardised across the area", "CSP coordinator", (
            ("case_review_applications", None, True, "count", True),
            ("case_review_threshold_met", None, True, "percent", False),
            ("case_review_threshold_not_met", None, False, "count", True),
            ("case_review_reviews_held", None, True, "count", True),
            ("case_review_with_recommendations", None, True, "count", True),
        )),
    )),
    ("cohesion", "Community cohesion", (
        ("An improved response to incidents of high tension, including conspiracy theories and disinformation",
         "Prevent and cohesion lead", (
             ("tension_days_elevated", Decimal(10), False, "count", False),
             ("channel_referrals", None, True, "count", True),
         )),
        ("A robust hate crime reporting system that increases the community's trust and confidence in reporting",
         "Hate crime lead", (
             ("hate_reports", None, True, "count", True),
             ("hate_confidence", Decimal(60), True, "score", False),
             ("hate_reports_race", None, True, "count", True),
             ("hate_reports_religion", None, True, "count", True),
             ("hate_reports_sexual_orientation", None, True, "count", True),
             ("hate_reports_disability", None, True, "count", True),
             ("hate_reports_transgender", None, True, "count", True),
         )),
    )),
)

MANUAL = {
    "da_support_referrals": ("Referrals to domestic abuse and sexual violence support services",
                             "Referrals received by commissioned services in the quarter (from their returns)."),
    "vawg_confidence": ("Women who feel confident reporting VAWG (%)", "Local survey: share agreeing."),
}


@transaction.atomic
def seed_strategy() -> int:
    from strategy.indicators import get_computed

    created = 0
    for p_index, (code, title, measures) in enumerate(STRATEGY):
        priority, _ = Priority.objects.get_or_create(code=code, defaults={"title": title, "position": p_index})
        for m_index, (text, owner, indicators) in enumerate(measures):
            measure, _ = Measure.objects.get_or_create(priority=priority, text=text,
                                                       defaults={"owner_role": owner, "position": m_index})
            for ind_code, target, higher, unit, people in indicators:
                computed = get_computed(ind_code)
                label, definition = (computed.label, computed.definition) if computed else MANUAL[ind_code]
                _, was_created = Indicator.objects.get_or_create(code=ind_code, defaults={
                    "measure": measure, "label": label, "definition": definition, "target": target,
                    "higher_is_better": higher, "unit": unit, "is_count_of_people": people})
                created += was_created
    return created
