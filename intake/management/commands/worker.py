import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand

from intake.outbox import requeue_due_messages
from intake.schedule import start_scheduler


class Command(BaseCommand):
    help = (
        "Run the background worker: delivers the outbox, runs queued tasks (django-tasks database backend) "
        "and queues periodic jobs (reminders, escalations) when they fall due."
    )

    def add_arguments(self, parser) -> None:  # noqa: ANN001
        parser.add_argument("--max-tasks", type=int, default=None, help="Stop after this many tasks")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls")
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Do not queue periodic jobs (another worker does)"
        )

    def handle(self, *args, max_tasks: int | None, interval: float, no_scheduler: bool,  # noqa: ANN002
               **options) -> None:  # noqa: ANN003
        requeued = requeue_due_messages()
        self.stdout.write(f"Requeued {requeued} outbox messages that were due.")
        worker_args = ["--interval", str(interval), "--no-startup-delay"]
        if max_tasks is not None:
            worker_args += ["--max-tasks", str(max_tasks)]
        stop = threading.Event()
        if not no_scheduler:
            start_scheduler(stop)
        try:
            call_command("db_worker", *worker_args)
        finally:
            stop.set()
