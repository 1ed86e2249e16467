"""Periodic jobs (reminders, escalations, the outbox sweep), queued by `csphub worker`.

An app registers a django-tasks task that takes no arguments with ``register_periodic`` from its
``AppConfig.ready``; the worker checks every minute and queues each job that is due. ``PeriodicRun`` rows
are locked while checked, so several workers on several hosts queue a job once.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import close_old_connections, transaction
from django.utils import timezone
from django_tasks.base import Task

from intake.models import PeriodicRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Task
    every: timedelta


_JOBS: dict[str, PeriodicJob] = {}


def register_periodic(name: str, task: Task, every: timedelta) -> None:
    _JOBS[name] = PeriodicJob(name, task, every)


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


def is_due(last_enqueued_at: datetime | None, every: timedelta, now: datetime) -> bool:
    return last_enqueued_at is None or now - last_enqueued_at >= every


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """Queue every job that is due; returns their names."""
    now = now or timezone.now()
    queued = []
    for job in periodic_jobs():
        with transaction.atomic():
            run, _ = PeriodicRun.objects.select_for_update().get_or_create(name=job.name)
            if not is_due(run.last_enqueued_at, job.every, now):
                continue
            run.last_enqueued_at = now
            run.save(update_fields=["last_enqueued_at"])
            transaction.on_commit(job.task.enqueue)
        queued.append(job.name)
    return queued


def start_scheduler(stop: threading.Event, check_every_seconds: float = 60.0) -> threading.Thread:
    """A daemon thread in the worker process that queues due jobs until ``stop`` is set."""

    def loop() -> None:
        while not stop.is_set():
            try:
                names = enqueue_due_jobs()
                if names:
                    logger.info("queued periodic jobs: %s", ", ".join(names))
            except Exception:  # a database restart must not kill the scheduler
                logger.exception("could not queue periodic jobs; will try again")
            finally:
                close_old_connections()
            stop.wait(check_every_seconds)

    thread = threading.Thread(target=loop, name="csphub-scheduler", daemon=True)
    thread.start()
    return thread
