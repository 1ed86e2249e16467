from datetime import datetime

from django.db import transaction

from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.models import AgendaItem, Case, Meeting
from intake.outbox import queue_email


def notify_team(case: Case, *, subject: str, body: str, purpose: str) -> int:
    """Email the named members of a restricted case's team (never an agency mailbox: these are restricted).

    Subjects and bodies carry the case reference only, never the names of the people in it."""
    emails = sorted({m.user.email for m in case.team.select_related("user") if m.user_id and m.user.is_active})
    for email in emails:
        queue_email(to=email, subject=subject, body=body, purpose=purpose)
    return len(emails)


@transaction.atomic
def do_add_panel_meeting(*, case: Case, kind: str, title: str, held_at: datetime, location: str,
                         acting: Actor) -> Meeting:
    """A panel meeting (core.Meeting) with this case on its agenda."""
    meeting = Meeting(kind=kind, title=title, held_at=held_at, location=location, created_by=acting.user)
    meeting.full_clean()
    meeting.save()
    if acting.user is not None:
        meeting.attendees.add(acting.user)
    AgendaItem.objects.create(meeting=meeting, case=case)
    record(acting, AuditAction.CREATE, meeting, reason=f"panel meeting for case {case.pk}")
    return meeting
