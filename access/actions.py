"""Writes to the register of information sharing agreements: one transaction each, with its audit event."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from access import rules
from access.agreements import status_of
from access.models import SharingAgreement
from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from partnership.models import Agency


@transaction.atomic
def do_save_sharing_agreement(
    *, agreement: SharingAgreement | None, fields: dict[str, Any], parties: Iterable[Agency], acting: Actor
) -> SharingAgreement:
    """Add an agreement to the register (``agreement`` None) or change one. Refuses terms that make no sense."""
    parties = list(parties)
    owner = fields.get("owner_agency")
    problems = rules.agreement_problems(
        starts_on=fields.get("starts_on"),
        review_on=fields.get("review_on"),
        party_ids=[p.pk for p in parties],
        purposes=fields.get("purposes") or [],
        owner_id=owner.pk if owner is not None else None,
    )
    if problems:
        raise ValidationError(problems)
    creating = agreement is None
    agreement = agreement or SharingAgreement()
    changed = {name for name, value in fields.items() if getattr(agreement, name, None) != value}
    if creating or set(agreement.parties.all()) != set(parties):
        changed.add("parties")
    for name, value in fields.items():
        setattr(agreement, name, value)
    agreement.full_clean()
    agreement.save()
    agreement.parties.set(parties)
    if creating:
        record(acting, AuditAction.CREATE, agreement, reason="sharing agreement added to the register")
    else:
        record(
            acting,
            AuditAction.UPDATE,
            agreement,
            reason="sharing agreement changed: " + (", ".join(sorted(changed)) or "nothing"),
        )
    return agreement


@transaction.atomic
def do_end_sharing_agreement(*, agreement: SharingAgreement, ends_on: date, acting: Actor) -> SharingAgreement:
    """From ``ends_on`` the agreement covers no sharing. Records already shared keep naming it."""
    problem = rules.end_problem(starts_on=agreement.starts_on, ends_on=ends_on, status=status_of(agreement))
    if problem:
        raise ValidationError({"ends_on": problem})
    agreement.ends_on = ends_on
    agreement.save(update_fields=["ends_on", "updated_at"])
    record(acting, AuditAction.UPDATE, agreement, reason=f"sharing agreement ends on {ends_on.isoformat()}")
    return agreement
