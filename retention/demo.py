"""Demo retention data: a legal hold on a closed case (and one placed and lifted before), and the plan the
nightly schedule would have recorded a notice period ago, so the retention pages are not empty.

Nothing is deleted or anonymised: the demo records plans only, and every demo record is younger than the
default rules' periods. Seeded after the cases (``core.demo._seed_domains``)."""

from datetime import date, timedelta

from access.policy import actor_for_user
from core.models import Case, CaseStatus
from partnership.models import User
from retention.actions import do_lift_legal_hold, do_place_legal_hold
from retention.models import LegalHold
from retention.schedule import active_rules, notice_days, record_plan

HOLD_REASON = "Civil claim about the handling of this case: keep everything until it is settled (claim CLM-2025-014)"
LIFTED_REASON = "Information Commissioner's complaint about this case: keep until the ICO has decided"
LIFT_REASON = "The ICO closed the complaint with no further action"


def seed(coordinator: User, today: date) -> list[LegalHold]:
    """Holds placed by the coordinator on the two most recently closed cases; a plan per rule."""
    acting = actor_for_user(coordinator)
    closed = list(Case.objects.filter(status=CaseStatus.CLOSED).order_by("-closed_on", "-pk")[:2])
    holds = []
    if closed:
        holds.append(do_place_legal_hold(obj=closed[0], reason=HOLD_REASON, label=closed[0].reference, acting=acting))
    if len(closed) > 1:
        earlier = do_place_legal_hold(obj=closed[1], reason=LIFTED_REASON, label=closed[1].reference, acting=acting)
        holds.append(do_lift_legal_hold(hold=earlier, reason=LIFT_REASON, acting=acting))
    # The plan a schedule running since a notice period ago would have recorded on its first night: what
    # "The next run" on the retention page is drawn from.
    for rule, record_type in active_rules():
        record_plan(rule, record_type, today - timedelta(days=notice_days()))
    return holds
