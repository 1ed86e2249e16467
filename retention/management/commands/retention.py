from datetime import date, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from retention.schedule import plan_for, run_schedule


class Command(BaseCommand):
    help = (
        "The retention schedule. `retention plan [--on YYYY-MM-DD]` is a dry run: how many records fall due "
        "by the date (default: 30 days from today), changing nothing. `retention apply` runs the nightly job now."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("operation", choices=["plan", "apply"])
        parser.add_argument("--on", help="plan: the date to plan for (YYYY-MM-DD)")

    def handle(self, *args, operation: str, on: str | None = None, **options) -> None:  # noqa: ANN002, ANN003
        if operation == "apply":
            run = run_schedule()
            for code, counts in run.counts.items():
                self.stdout.write(f"{code}: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
            self.stdout.write(
                self.style.SUCCESS(
                    f"Retention run {run.pk}: {run.total('deleted')} deleted, {run.total('anonymised')} anonymised."
                )
            )
            return
        try:
            day = date.fromisoformat(on) if on else timezone.localdate() + timedelta(days=30)
        except ValueError as error:
            raise CommandError("--on must be a date such as 2026-12-01") from error
        total = 0
        for line in plan_for(day):
            total += line.due
            held = f" ({line.held} held)" if line.held else ""
            self.stdout.write(f"{line.record_type.code}: {line.due} to {line.rule.action}{held}")
        self.stdout.write(self.style.SUCCESS(f"{total} records fall due on {day.isoformat()}"))
