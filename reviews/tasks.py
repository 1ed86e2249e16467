from django.utils import timezone
from django_tasks import task

from reviews.reminders import queue_due_reminders


@task()
def send_dhr_reminders() -> int:
    """Daily: remind review teams of deadlines coming up and missed (each reminder once)."""
    return queue_due_reminders(timezone.localdate())
