"""One gate per record type. A record that does not exist and one the actor may not see are the same 404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from access.policy import Actor, can
from reviews.models import ChannelReferral, DomesticHomicideReview
from reviews.queries import visible_referrals, visible_reviews


def _check(actor: Actor, obj: object, for_write: str | None) -> None:
    if obj is None:
        raise Http404
    if for_write and not can(actor, for_write, obj):
        raise PermissionDenied


def access_review(actor: Actor, public_id: object, *, for_write: str | None = None) -> DomesticHomicideReview:
    review = visible_reviews(actor).select_related("case", "notifying_agency").filter(public_id=public_id).first()
    _check(actor, review, for_write)
    return review


def access_referral(actor: Actor, public_id: object, *, for_write: str | None = None) -> ChannelReferral:
    referral = visible_referrals(actor).select_related("case", "screened_by").filter(public_id=public_id).first()
    _check(actor, referral, for_write)
    return referral
