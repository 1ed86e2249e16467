from django.core.management.base import BaseCommand
from django.utils import timezone

from reviews.reminders import queue_channel_reminders, queue_due_reminders


class Command(BaseCommand):
    help = ("Queue reminders of Domestic Homicide Review deadlines and Channel reviews (run daily; never sends a "
            "reminder twice).")

    def handle(self, *args: object, **options: object) -> None:
        today = timezone.localdate()
        count = queue_due_reminders(today) + queue_channel_reminders(today)
        self.stdout.write(f"{count} reminders queued")
