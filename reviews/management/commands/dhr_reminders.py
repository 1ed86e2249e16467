from django.core.management.base import BaseCommand
from django.utils import timezone

from reviews.reminders import queue_due_reminders


class Command(BaseCommand):
    help = "Queue reminders of Domestic Homicide Review deadlines (run daily; never sends a reminder twice)."

    def handle(self, *args: object, **options: object) -> None:
        count = queue_due_reminders(timezone.localdate())
        self.stdout.write(f"{count} reminders queued")
