"""Writes for the support directory the public "find support" page lists. One transaction each, audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from domestic_abuse.models import SupportService

EDITABLE = (
    "slug", "name", "category", "description", "eligibility", "area", "phone", "opening_hours", "website",
    "referral_route", "referral_email", "accepts_self_referral", "agency", "active",
)


@transaction.atomic
def do_save_support_service(*, service: SupportService | None, fields: dict[str, Any],
                            acting: Actor) -> SupportService:
    """Add a service, or change one. The audit reason lists the fields changed, never their values."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    creating = service is None
    service = service or SupportService()
    changed = [name for name, value in fields.items() if creating or getattr(service, name) != value]
    for name, value in fields.items():
        setattr(service, name, value)
    # A service that does not take referrals here needs no referral email, but one that does must have one:
    # the self-referral is emailed to it.
    if service.accepts_self_referral and not service.referral_email:
        raise ValidationError({"referral_email": "Enter the secure email address that referrals go to"})
    service.full_clean()
    service.save()
    if creating:
        record(acting, AuditAction.CREATE, service, reason="support service added")
    elif changed:
        record(acting, AuditAction.UPDATE, service, reason="changed: " + ", ".join(sorted(changed)))
    return service
