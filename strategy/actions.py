"""Every write to the strategy: one transaction each, audited. No personal data lives here."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from strategy.indicators import get_computed
from strategy.models import Indicator, IndicatorValue, Measure, Narrative, PlanAction, Priority


@transaction.atomic
def do_enter_indicator_value(*, indicator: Indicator, quarter_start: date, value: Decimal, source: str,
                             source_date: date, acting: Actor) -> IndicatorValue:
    if get_computed(indicator.code) is not None:
        raise ValidationError(_("This indicator is computed by csphub and cannot be entered by hand"))
    entry, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator, quarter_start=quarter_start,
        defaults={"value": value, "source": source, "source_date": source_date, "entered_by": acting.user,
                  "entered_at": timezone.now()})
    record(acting, AuditAction.UPDATE, entry, reason=f"{indicator.code} {quarter_start}")
    return entry


@transaction.atomic
def do_save_narrative(*, priority: Priority, quarter_start: date, text: str, acting: Actor) -> Narrative:
    narrative, _created = Narrative.objects.update_or_create(
        priority=priority, quarter_start=quarter_start,
        defaults={"text": text, "updated_by": acting.user, "updated_at": timezone.now()})
    record(acting, AuditAction.UPDATE, narrative, reason=f"{priority.code} {quarter_start}")
    return narrative


@transaction.atomic
def do_add_plan_action(*, measure: Measure, acting: Actor, **fields: Any) -> PlanAction:
    action = PlanAction(measure=measure, **fields)
    action.full_clean()
    action.save()
    record(acting, AuditAction.CREATE, action)
    return action
