"""Queue reminders of DHR deadlines through the outbox. Safe to run as often as you like: each reminder
(review, milestone, due date, upcoming/missed) is queued once, recorded in ReminderSent."""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from reviews import rules
from reviews.actions.common import notify_team
from reviews.config import dhr_timescales
from reviews.models import DhrStage, DomesticHomicideReview, ReminderSent
from reviews.queries import all_reviews_with_plans, milestones_for

FINISHED = (DhrStage.NOT_HELD, DhrStage.COMPLETE)


def reminders_due(review: DomesticHomicideReview, today: date) -> list[tuple[rules.Milestone, str]]:
    window = timedelta(days=dhr_timescales().reminder_days_before)
    due = []
    for milestone in milestones_for(review):
        if milestone.done_on is not None:
            continue
        if milestone.due_on < today:
            due.append((milestone, "missed"))
        elif milestone.due_on - today <= window:
            due.append((milestone, "upcoming"))
    return due


def _queue_one(review: DomesticHomicideReview, milestone: rules.Milestone, kind: str) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(review=review, milestone=milestone.code, due_on=milestone.due_on, kind=kind)
            values = {"ref": review.case.reference, "what": milestone.label, "due": f"{milestone.due_on:%d %B %Y}"}
            if kind == "missed":
                subject = _("Deadline missed: %(ref)s") % values
                body = _("%(ref)s: \"%(what)s\" was due on %(due)s and is not recorded as done.") % values
            else:
                subject = _("Deadline coming up: %(ref)s") % values
                body = _("%(ref)s: \"%(what)s\" is due on %(due)s.") % values
            notify_team(review.case, subject=subject, body=body, purpose="dhr_reminder")
    except IntegrityError:
        return False  # already sent for this deadline
    return True


def queue_due_reminders(today: date) -> int:
    """Queue every reminder due today that has not been sent; return how many were queued."""
    sent = 0
    for review in all_reviews_with_plans().exclude(stage__in=FINISHED):
        for milestone, kind in reminders_due(review, today):
            sent += _queue_one(review, milestone, kind)
    return sent
