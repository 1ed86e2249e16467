from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from tension import rules
from tension.models import Rumour, RumourUpdate

# Changing the community-facing message means it has to be reviewed again before it is published.
_REVIEWED_FIELDS = {"counter_message"}


def _log(rumour: Rumour, note: str, acting: Actor) -> RumourUpdate:
    return RumourUpdate.objects.create(
        rumour=rumour, status=rumour.status, trend=rumour.trend, estimated_reach=rumour.estimated_reach,
        note=note, by=acting.user,
    )


@transaction.atomic
def do_record_rumour(*, acting: Actor, reports: Any = (), incidents: Any = (), **fields: Any) -> Rumour:
    fields.setdefault("last_seen_at", fields.get("first_seen_at") or timezone.now())
    rumour = Rumour(recorded_by=acting.user, **fields)
    rumour.full_clean()
    rumour.save()
    rumour.reports.set(reports)
    rumour.incidents.set(incidents)
    _log(rumour, "Added to the register", acting)
    record(acting, AuditAction.CREATE, rumour)
    return rumour


@transaction.atomic
def do_update_rumour(*, rumour: Rumour, changes: dict[str, Any], note: str = "", acting: Actor) -> Rumour:
    links = {name: changes.pop(name) for name in ("reports", "incidents") if name in changes}
    for name, value in changes.items():
        setattr(rumour, name, value)
    if _REVIEWED_FIELDS & set(changes):
        rumour.counter_message_approved_by, rumour.counter_message_approved_at = None, None
        if rumour.status == "countering":
            raise ValidationError("A counter-message being published cannot be changed; move the claim back to "
                                  "monitoring first")
    rumour.full_clean()
    rumour.save()
    for name, value in links.items():
        getattr(rumour, name).set(value)
    _log(rumour, note or "Updated", acting)
    record(acting, AuditAction.UPDATE, rumour, reason="changed: " + ", ".join(sorted([*changes, *links])))
    return rumour


@transaction.atomic
def do_approve_counter_message(*, rumour: Rumour, acting: Actor) -> Rumour:
    """The coordinator's review of free text before it is shared beyond the partnership."""
    if not rumour.counter_message.strip():
        raise ValidationError("Write the counter-message before it can be reviewed")
    found = rules.personal_data_found(rumour.counter_message)
    if found:
        raise ValidationError(f"The counter-message contains {', '.join(found)}. Remove it before approving.")
    rumour.counter_message_approved_by, rumour.counter_message_approved_at = acting.user, timezone.now()
    rumour.save(update_fields=["counter_message_approved_by", "counter_message_approved_at", "updated_at"])
    _log(rumour, "Counter-message reviewed and approved for publication", acting)
    record(acting, AuditAction.UPDATE, rumour, reason="counter-message approved")
    return rumour


@transaction.atomic
def do_change_rumour_status(*, rumour: Rumour, status: str, note: str, acting: Actor) -> Rumour:
    decision = rules.rumour_transition(
        rumour.status, status, verified=bool(rumour.verified_facts.strip() and rumour.verified_by.strip()),
        counter_message_approved=rumour.counter_message_approved,
    )
    if not decision.allowed:
        raise ValidationError(decision.reason)
    previous, rumour.status = rumour.status, status
    if status == "subsided":
        rumour.trend = "falling"
    rumour.save(update_fields=["status", "trend", "updated_at"])
    _log(rumour, note, acting)
    record(acting, AuditAction.UPDATE, rumour, reason=f"status {previous} to {status}")
    return rumour
