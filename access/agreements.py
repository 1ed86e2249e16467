"""Finding the information sharing agreement a sharing relies on, and the register's lists.

The decisions are the pure rules in ``access.rules``; this module loads the agreements they decide about.
Actions that send data to another agency call ``require_agreement`` inside their transaction and record the
agreement it returns.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from access import rules
from access.models import SharingAgreement, SharingPurpose
from access.policy import Actor
from partnership.models import Agency, Role


def terms_of(agreement: SharingAgreement) -> rules.AgreementTerms:
    return rules.AgreementTerms(
        key=agreement.pk,
        party_ids=frozenset(party.pk for party in agreement.parties.all()),
        purposes=frozenset(agreement.purposes),
        starts_on=agreement.starts_on,
        review_on=agreement.review_on,
        ends_on=agreement.ends_on,
    )


def status_of(agreement: SharingAgreement, today: date | None = None) -> rules.AgreementStatus:
    return rules.agreement_status(
        agreement.starts_on, agreement.review_on, agreement.ends_on, today or timezone.localdate()
    )


def find_covering_agreement(
    purpose: str, agencies: Iterable[Agency], on: date | None = None
) -> SharingAgreement | None:
    """The agreement in force on ``on`` (today) for ``purpose`` that every one of ``agencies`` has signed."""
    on = on or timezone.localdate()
    wanted = {agency.pk for agency in agencies}
    candidates = SharingAgreement.objects.filter(starts_on__lte=on).exclude(ends_on__lte=on)
    for agency_id in wanted:
        candidates = candidates.filter(parties=agency_id)
    by_id = {agreement.pk: agreement for agreement in candidates.prefetch_related("parties")}
    chosen = rules.covering_agreement([terms_of(a) for a in by_id.values()], purpose, wanted, on)
    return by_id[chosen.key] if chosen else None


def require_agreement(purpose: str, agencies: Iterable[Agency], on: date | None = None) -> SharingAgreement:
    """The agreement to rely on, or a ValidationError that names the purpose and agencies without one."""
    agencies = list(agencies)
    agreement = find_covering_agreement(purpose, agencies, on)
    if agreement is None:
        names = get_text_list(sorted({agency.name for agency in agencies}), _("and"))
        raise ValidationError(
            _(
                "There is no active information sharing agreement for %(purpose)s covering %(agencies)s. "
                "A coordinator can record one in the register of sharing agreements."
            ),
            code="no_sharing_agreement",
            params={"purpose": str(SharingPurpose(purpose).label).lower(), "agencies": names},
        )
    return agreement


def describe_reliance(agreement: SharingAgreement) -> str:
    """How a record names the agreement it relied on: the reference, flagged when its review is overdue."""
    if status_of(agreement) == rules.AgreementStatus.REVIEW_OVERDUE:
        return _("%s (review overdue)") % agreement.reference
    return agreement.reference


def filtered_agreements(agency: Agency | None = None, status: str = "") -> list[SharingAgreement]:
    """The register, optionally only one agency's agreements and one status (worked out for today)."""
    agreements = SharingAgreement.objects.select_related("owner_agency").prefetch_related("parties")
    if agency is not None:
        agreements = agreements.filter(Q(parties=agency) | Q(owner_agency=agency)).distinct()
    today = timezone.localdate()
    rows = list(agreements)
    for agreement in rows:
        agreement.status = status_of(agreement, today)
    return [a for a in rows if not status or a.status == status]


def agreements_due_for_review(
    actor: Actor, today: date | None = None, within_days: int = rules.REVIEW_DUE_WITHIN_DAYS
) -> QuerySet[SharingAgreement]:
    """Agreements not ended whose review is due within ``within_days`` or overdue: every one for a
    coordinator, otherwise those the actor's agencies have signed or own."""
    today = today or timezone.localdate()
    due = SharingAgreement.objects.filter(review_on__lte=today + timedelta(days=within_days)).exclude(
        ends_on__lte=today
    )
    if not actor.has_role(Role.COORDINATOR):
        agencies = actor.agency_ids
        due = due.filter(Q(parties__in=agencies) | Q(owner_agency__in=agencies)).distinct()
    return due.select_related("owner_agency").order_by("review_on", "reference")
