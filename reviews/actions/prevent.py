from datetime import date

from django.db import models, transaction

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from reviews.models import PreventPlanAction


@transaction.atomic
def do_save_prevent_record(*, record_obj: models.Model, acting: Actor) -> models.Model:
    """Risk assessments, plan actions and training figures hold no personal data, but every write is audited."""
    record_obj.full_clean()
    record_obj.save()
    record(acting, AuditAction.CREATE, record_obj)
    return record_obj


@transaction.atomic
def do_complete_prevent_action(*, action: PreventPlanAction, on: date, evidence: str,
                               acting: Actor) -> PreventPlanAction:
    action.complete(on=on, evidence=evidence)
    action.save()
    record(acting, AuditAction.UPDATE, action, reason="done")
    return action
