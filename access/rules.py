"""Pure rules about information sharing agreements: data in, answer out. No database, no request.

An agreement covers a sharing when it is in force on the day (started, not ended), lists the purpose, and
every agency involved has signed it. An agreement past its review date still covers sharing (the common
council practice: the parties keep sharing while the review is done) but is flagged "review overdue" on the
register, on the dashboard and wherever it is relied on.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

REVIEW_DUE_WITHIN_DAYS = 30


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft: not started yet")
    ACTIVE = "active", _("Active")
    REVIEW_OVERDUE = "review_overdue", _("Active, review overdue")
    ENDED = "ended", _("Ended")


COVERING_STATUSES = frozenset({AgreementStatus.ACTIVE, AgreementStatus.REVIEW_OVERDUE})


@dataclass(frozen=True)
class AgreementTerms:
    """What the rules need to know about one agreement."""

    key: object  # the agreement's id, handed back to the caller
    party_ids: frozenset[int]
    purposes: frozenset[str]
    starts_on: date
    review_on: date
    ends_on: date | None = None


def agreement_status(starts_on: date, review_on: date, ends_on: date | None, today: date) -> AgreementStatus:
    """Draft before its start date; ended from its end date (the end date itself is not covered); review
    overdue after its review date; otherwise active."""
    if ends_on is not None and today >= ends_on:
        return AgreementStatus.ENDED
    if today < starts_on:
        return AgreementStatus.DRAFT
    if today > review_on:
        return AgreementStatus.REVIEW_OVERDUE
    return AgreementStatus.ACTIVE


def review_due(
    starts_on: date, review_on: date, ends_on: date | None, today: date, within_days: int = REVIEW_DUE_WITHIN_DAYS
) -> bool:
    """An agreement that has not ended and whose review date is within ``within_days`` or already passed."""
    if agreement_status(starts_on, review_on, ends_on, today) == AgreementStatus.ENDED:
        return False
    return review_on <= today + timedelta(days=within_days)


def covers(terms: AgreementTerms, purpose: str, agency_ids: Iterable[int], on: date) -> bool:
    """Does this agreement cover sharing for ``purpose`` between all of ``agency_ids`` on day ``on``?"""
    status = agreement_status(terms.starts_on, terms.review_on, terms.ends_on, on)
    return status in COVERING_STATUSES and purpose in terms.purposes and set(agency_ids) <= terms.party_ids


def covering_agreement(
    agreements: Iterable[AgreementTerms], purpose: str, agency_ids: Iterable[int], on: date
) -> AgreementTerms | None:
    """The agreement to rely on, or None: one in date for review before one overdue, then the most recently
    started."""
    wanted = set(agency_ids)
    candidates = [terms for terms in agreements if covers(terms, purpose, wanted, on)]
    if not candidates:
        return None
    return min(candidates, key=lambda t: (t.review_on < on, -t.starts_on.toordinal()))


def agreement_problems(
    *,
    starts_on: date | None,
    review_on: date | None,
    party_ids: Iterable[int],
    purposes: Iterable[str],
    owner_id: int | None,
) -> dict[str, str]:
    """What is wrong with an agreement's terms, by field name; empty when they make sense."""
    problems: dict[str, str] = {}
    parties = set(party_ids)
    if starts_on and review_on and review_on <= starts_on:
        problems["review_on"] = str(_("The review date must be after the start date"))
    if len(parties) < 2:  # noqa: PLR2004 - an agreement is between at least two agencies
        problems["parties"] = str(_("Select at least two agencies that have signed the agreement"))
    elif owner_id is not None and owner_id not in parties:
        problems["owner_agency"] = str(
            _("The agency that owns the agreement must be one of the agencies that signed it")
        )
    if not list(purposes):
        problems["purposes"] = str(_("Select at least one purpose"))
    return problems


def end_problem(*, starts_on: date, ends_on: date, status: str) -> str:
    """Why an agreement cannot be ended on ``ends_on``, or an empty string."""
    if status == AgreementStatus.ENDED:
        return str(_("This agreement has already ended"))
    if ends_on < starts_on:
        return str(_("The end date must be the same as or after the start date"))
    return ""
