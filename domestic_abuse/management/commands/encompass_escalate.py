"""Escalate Operation Encompass notifications that schools have not acknowledged in time (run every 15 minutes)."""

from django.core.management.base import BaseCommand

from domestic_abuse.safeguarding_actions import escalate_overdue_encompass


class Command(BaseCommand):
    help = "Escalate Operation Encompass notifications not acknowledged by their due time"

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(f"{escalate_overdue_encompass()} notifications escalated")
