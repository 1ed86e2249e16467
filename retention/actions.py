"""Placing and lifting legal holds: each one transaction with its audit event (ids only, never the reason)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from retention.models import LegalHold


def do_place_legal_hold(*, obj: models.Model, reason: str, label: str = "", acting: Actor) -> LegalHold:
    """Stop the retention schedule for ``obj`` (and, for a case, all that goes with it) until lifted."""
    content_type = ContentType.objects.get_for_model(obj)
    with transaction.atomic():
        if (
            LegalHold.objects.select_for_update()
            .filter(content_type=content_type, object_id=obj.pk, lifted_at__isnull=True)
            .exists()
        ):
            raise ValidationError(_("This record is already under a legal hold"))
        hold = LegalHold.objects.create(
            content_type=content_type, object_id=obj.pk, reason=reason, placed_by=acting.user, label=label
        )
        record(acting, AuditAction.CREATE, hold, reason=f"legal hold placed on {obj._meta.label_lower} {obj.pk}")
    return hold


def do_lift_legal_hold(*, hold: LegalHold, reason: str, acting: Actor) -> LegalHold:
    """The record is back under the schedule: if it is already due, the next nightly run acts on it."""
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if hold.lifted_at is not None:
            raise ValidationError(_("This legal hold has already been lifted"))
        hold.lifted_at = timezone.now()
        hold.lifted_by = acting.user
        hold.lift_reason = reason
        hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        record(
            acting,
            AuditAction.UPDATE,
            hold,
            reason=f"legal hold lifted from {hold.content_type.app_label}.{hold.content_type.model} {hold.object_id}",
        )
    return hold
