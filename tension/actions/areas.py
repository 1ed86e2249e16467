from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from tension import rules
from tension.models import AreaLevelChange, SharingReview, TensionArea, TensionReport


@transaction.atomic
def do_create_area(*, acting: Actor, **fields: Any) -> TensionArea:
    area = TensionArea(**fields)
    area.full_clean()
    area.save()
    record(acting, AuditAction.CREATE, area)
    return area


@transaction.atomic
def do_set_area_level(*, area: TensionArea, level: str, reason: str, acting: Actor) -> AreaLevelChange:
    """The coordinator's assessment. The reason goes into the history (shown to partners), not the audit."""
    area = TensionArea.objects.select_for_update().get(pk=area.pk)
    decision = rules.check_new_level(area.current_level, level)
    if not decision.allowed:
        raise ValidationError(decision.reason)
    if not reason.strip():
        raise ValidationError("Give the reason for the level")
    change = AreaLevelChange.objects.create(
        area=area, level=level, previous_level=area.current_level, reason=reason, set_by=acting.user
    )
    area.current_level, area.level_set_at = level, change.set_at
    area.save(update_fields=["current_level", "level_set_at"])
    record(acting, AuditAction.UPDATE, area, reason=f"level {change.previous_level} to {level}")
    return change


@transaction.atomic
def do_submit_tension_report(*, acting: Actor, rumours: Any = (), **fields: Any) -> TensionReport:
    report = TensionReport(
        submitted_by=acting.user, submitted_agency_id=acting.audit_agency[0], submitted_at=timezone.now(), **fields
    )
    report.full_clean()
    report.save()
    report.rumours.set(rumours)
    record(acting, AuditAction.CREATE, report, reason=f"area {report.area_id}, judged {report.judged_level}")
    return report


@transaction.atomic
def do_review_report_sharing(*, report: TensionReport, decision: str, acting: Actor) -> TensionReport:
    if decision not in (SharingReview.CLEARED, SharingReview.WITHHELD):
        raise ValidationError("Choose whether the report may be shared")
    report.sharing, report.reviewed_by, report.reviewed_at = decision, acting.user, timezone.now()
    report.save(update_fields=["sharing", "reviewed_by", "reviewed_at"])
    record(acting, AuditAction.UPDATE, report, reason=f"sharing review: {decision}")
    return report
