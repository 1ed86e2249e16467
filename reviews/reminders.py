"""Queue reminders of DHR and Channel deadlines through the outbox. Safe to run as often as you like: each
reminder (record, milestone, due date, upcoming/missed) is queued once, recorded in ReminderSent or
ChannelReminderSent."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.actions.channel import support_review_due
from reviews.actions.common import notify_team
from reviews.config import channel_timescales, dhr_timescales
from reviews.models import (
    ChannelReferral,
    ChannelReminderSent,
    ChannelStage,
    DhrStage,
    DomesticHomicideReview,
    ReminderSent,
)
from reviews.queries import all_reviews_with_plans, milestones_for

FINISHED = (DhrStage.NOT_HELD, DhrStage.COMPLETE)


def reminders_due(review: DomesticHomicideReview, today: date) -> list[tuple[rules.Milestone, str]]:
    days_before = dhr_timescales().reminder_days_before
    due = []
    for milestone in milestones_for(review):
        kind = None if milestone.done_on is not None else rules.reminder_kind(milestone.due_on, today, days_before)
        if kind:
            due.append((milestone, kind))
    return due


def _message(reference: str, milestone: rules.Milestone, kind: str) -> tuple[str, str]:
    """Subject and body carry the case reference and the milestone only, never anyone's name."""
    values = {"ref": reference, "what": milestone.label, "due": f"{milestone.due_on:%d %B %Y}"}
    if kind == "missed":
        return (_("Deadline missed: %(ref)s") % values,
                _("%(ref)s: \"%(what)s\" was due on %(due)s and is not recorded as done.") % values)
    return _("Deadline coming up: %(ref)s") % values, _("%(ref)s: \"%(what)s\" is due on %(due)s.") % values


def _queue_one(review: DomesticHomicideReview, milestone: rules.Milestone, kind: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(review=review, milestone=milestone.code, due_on=milestone.due_on, kind=kind)
            subject, body = _message(review.case.reference, milestone, kind)
            notify_team(review.case, subject=subject, body=body, purpose="dhr_reminder")
    except IntegrityError:
        return False  # already sent for this deadline
    return True


def queue_due_reminders(today: date) -> int:
    """Queue every DHR reminder due today that has not been sent; return how many were queued."""
    sent = 0
    for review in all_reviews_with_plans().exclude(stage__in=FINISHED):
        for milestone, kind in reminders_due(review, today):
            sent += _queue_one(review, milestone, kind)
    return sent


# --- Channel: reviews during support and after closure ---------------------------------------------------


def channel_milestones(referral: ChannelReferral) -> list[rules.Milestone]:
    """The Channel reviews still to do: the next review during support, and the reviews after closure."""
    milestones = []
    due = support_review_due(referral)
    if due is not None:
        milestones.append(rules.Milestone("support_review", str(_("Review during support")), due))
    for review in referral.post_closure_reviews.all():
        if review.completed_on is None:
            label = _("Review %(m)s months after closure") % {"m": review.months_after_closure}
            milestones.append(rules.Milestone(f"post_closure:{review.months_after_closure}", str(label),
                                              review.due_on))
    return milestones


def channel_reminders_due(referral: ChannelReferral, today: date) -> list[tuple[rules.Milestone, str]]:
    days_before = channel_timescales().reminder_days_before
    due = [(m, rules.reminder_kind(m.due_on, today, days_before)) for m in channel_milestones(referral)]
    return [(m, kind) for m, kind in due if kind]


def _queue_channel(referral: ChannelReferral, milestone: rules.Milestone, kind: str) -> bool:
    try:
        with transaction.atomic():
            ChannelReminderSent.objects.create(referral=referral, milestone=milestone.code, due_on=milestone.due_on,
                                               kind=kind)
            subject, body = _message(referral.case.reference, milestone, kind)
            notify_team(referral.case, subject=subject, body=body, purpose="channel_reminder")
    except IntegrityError:
        return False
    return True


def queue_channel_reminders(today: date) -> int:
    """Queue every Channel review reminder due today that has not been sent; return how many were queued."""
    sent = 0
    referrals = ChannelReferral.objects.filter(stage__in=[ChannelStage.SUPPORT, ChannelStage.CLOSED]).select_related(
        "case").prefetch_related("post_closure_reviews", "support_reviews")
    for referral in referrals:
        for milestone, kind in channel_reminders_due(referral, today):
            sent += _queue_channel(referral, milestone, kind)
    return sent
