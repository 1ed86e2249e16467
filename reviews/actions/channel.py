from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_create_case, do_update_case
from core.models import CaseStatus
from partnership.models import Agency
from reviews import rules
from reviews.actions.common import notify_team
from reviews.config import channel_timescales
from reviews.models import (
    ChannelReferral,
    ChannelStage,
    PostClosureReview,
    SupportProvision,
    SupportReview,
    VulnerabilityAssessment,
)


def _save(referral: ChannelReferral, acting: Actor, reason: str) -> ChannelReferral:
    referral.save()
    record(acting, AuditAction.UPDATE, referral, reason=reason)
    return referral


@transaction.atomic
def do_receive_channel_referral(*, acting: Actor, title: str, received_on: date, screened_by: Agency,
                                lead_agency: Agency, concern_type: str = "") -> ChannelReferral:
    """A referral passed to the panel by the police after screening: a restricted Channel case."""
    case = do_create_case(acting=acting, kind="channel", title=title, lead_agency=lead_agency,
                          lead_officer=acting.user, restricted=True, opened_on=received_on)
    referral = ChannelReferral(case=case, received_on=received_on, screened_by=screened_by,
                               concern_type=concern_type)
    referral.full_clean(exclude=["case"])
    referral.save()
    record(acting, AuditAction.CREATE, referral)
    notify_team(case, subject=_("New Channel referral %s") % case.reference,
                body=_("A Channel referral (%s) has been received. Add it to the next panel.") % case.reference,
                purpose="channel_referral")
    return referral


@transaction.atomic
def do_record_consent(*, referral: ChannelReferral, consent: str, consent_on: date, consent_by: str,
                      acting: Actor) -> ChannelReferral:
    if referral.stage in (ChannelStage.NOT_ADOPTED, ChannelStage.CLOSED):
        raise ValidationError(_("This case is no longer open"))
    referral.consent, referral.consent_on, referral.consent_by = consent, consent_on, consent_by
    return _save(referral, acting, f"consent: {consent}")


@transaction.atomic
def do_decide_channel(*, referral: ChannelReferral, outcome: str, decided_on: date, acting: Actor) -> ChannelReferral:
    referral.decide(outcome=outcome, on=decided_on)
    _save(referral, acting, f"panel decision: {outcome}")
    if referral.stage == ChannelStage.NOT_ADOPTED:
        do_update_case(case=referral.case, acting=acting, changes={"status": CaseStatus.CLOSED})
    return referral


@transaction.atomic
def do_assess_vulnerability(*, referral: ChannelReferral, assessed_on: date, factors: list[str], acting: Actor,
                            engagement_notes: str = "", intent_notes: str = "",
                            capability_notes: str = "") -> VulnerabilityAssessment:
    unknown = set(factors) - rules.FACTOR_CODES
    if unknown:
        raise ValidationError(_("Unknown factors: %s") % ", ".join(sorted(unknown)))
    assessment = VulnerabilityAssessment.objects.create(
        referral=referral, assessed_on=assessed_on, factors=sorted(factors), engagement_notes=engagement_notes,
        intent_notes=intent_notes, capability_notes=capability_notes, assessed_by=acting.user)
    record(acting, AuditAction.CREATE, assessment, reason=f"referral {referral.pk}")
    return assessment


@transaction.atomic
def do_add_support(*, referral: ChannelReferral, acting: Actor, provider: str, support_type: str,
                   started_on: date) -> SupportProvision:
    if referral.stage != ChannelStage.SUPPORT:
        raise ValidationError(_("Support is added once the panel has adopted the case"))
    support = SupportProvision.objects.create(referral=referral, provider=provider, support_type=support_type,
                                              started_on=started_on)
    record(acting, AuditAction.CREATE, support, reason=f"referral {referral.pk}")
    return support


@transaction.atomic
def do_close_channel(*, referral: ChannelReferral, closed_on: date, reason: str, acting: Actor) -> ChannelReferral:
    """The person leaves Channel: support ends, and the reviews after closure are scheduled."""
    referral.close(on=closed_on, reason=reason)
    _save(referral, acting, "closed")
    referral.support.filter(ended_on__isnull=True).update(ended_on=closed_on)
    for months, due_on in rules.post_closure_review_dates(closed_on, channel_timescales()):
        PostClosureReview.objects.create(referral=referral, months_after_closure=months, due_on=due_on)
    return referral


@transaction.atomic
def do_complete_post_closure_review(*, review: PostClosureReview, completed_on: date, outcome: str,
                                    acting: Actor) -> PostClosureReview:
    if review.completed_on is not None:
        raise ValidationError(_("This review has already been recorded"))
    review.completed_on, review.outcome = completed_on, outcome
    review.save()
    record(acting, AuditAction.UPDATE, review, reason="post-closure review recorded")
    referral = review.referral
    if not referral.post_closure_reviews.filter(completed_on__isnull=True).exists():
        do_update_case(case=referral.case, acting=acting, changes={"status": CaseStatus.CLOSED})
    return review


def support_review_due(referral: ChannelReferral) -> date | None:
    """When the next review during support is due (None when the person is not in support)."""
    last = max((r.held_on for r in referral.support_reviews.all()), default=None)  # uses a prefetch on lists
    return rules.support_review_due(stage=referral.stage, decided_on=referral.decided_on, last_review_on=last,
                                    t=channel_timescales())


@transaction.atomic
def do_record_support_review(*, referral: ChannelReferral, held_on: date, progress: str, continue_support: bool,
                             acting: Actor) -> SupportReview:
    """A review while support is in place. The next one falls due the configured interval after it; if the
    panel ends support, the case is closed through do_close_channel (which schedules the reviews after)."""
    due_on = support_review_due(referral)
    if due_on is None:
        raise ValidationError(_("Reviews during support are recorded while support is in place"))
    review = SupportReview.objects.create(referral=referral, due_on=due_on, held_on=held_on, progress=progress,
                                          continue_support=continue_support, recorded_by=acting.user)
    record(acting, AuditAction.CREATE, review, reason=f"referral {referral.pk}")
    return review
