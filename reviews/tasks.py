from django.utils import timezone
from django_tasks import task

from reviews.reminders import queue_channel_reminders, queue_due_reminders


@task()
def send_dhr_reminders() -> int:
    """Daily: remind review teams of deadlines coming up and missed (each reminder once)."""
    return queue_due_reminders(timezone.localdate())


@task()
def send_channel_reminders() -> int:
    """Daily: remind Channel panel teams of reviews during support and after closure (each reminder once)."""
    return queue_channel_reminders(timezone.localdate())
