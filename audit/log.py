"""Recording audit events for a signed-in actor (a member of staff or a partner system's API key)."""

from typing import Protocol

from django.db import models

from audit.chain import append_event
from audit.models import AuditAction, AuditEvent


class AuditActor(Protocol):
    @property
    def audit_user_id(self) -> int | None: ...
    @property
    def audit_label(self) -> str: ...
    @property
    def audit_agency(self) -> tuple[int | None, str]: ...


def record(
    actor: AuditActor | None,
    action: AuditAction,
    obj: models.Model | None = None,
    *,
    object_type: str = "",
    object_id: object = "",
    reason: str = "",
) -> AuditEvent:
    """Append an audit event. ``reason`` must never contain personal data of the people in the records."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    agency_id, agency_label = actor.audit_agency if actor is not None else (None, "")
    return append_event(
        action=action,
        object_type=object_type,
        object_id=object_id,
        actor_id=actor.audit_user_id if actor is not None else None,
        actor_label=actor.audit_label if actor is not None else "public",
        agency_id=agency_id,
        agency_label=agency_label,
        reason=reason,
    )
