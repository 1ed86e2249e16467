"""Periodic jobs are queued once when due, also with several workers."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import task

from intake.models import PeriodicRun
from intake.schedule import _JOBS, enqueue_due_jobs, is_due, register_periodic

CALLS: list[str] = []


@task()
def note_a_run() -> None:
    CALLS.append("ran")


@pytest.fixture
def only_test_job():
    saved = dict(_JOBS)
    _JOBS.clear()
    register_periodic("test job", note_a_run, timedelta(hours=1))
    CALLS.clear()
    yield
    _JOBS.clear()
    _JOBS.update(saved)


NOW = timezone.now()


@pytest.mark.parametrize(
    ("last", "due"),
    [(None, True), (NOW - timedelta(hours=2), True), (NOW - timedelta(hours=1), True),
     (NOW - timedelta(minutes=59), False)],
)
def test_is_due(last, due: bool) -> None:  # noqa: ANN001
    assert is_due(last, timedelta(hours=1), NOW) is due


@pytest.mark.django_db
def test_a_due_job_is_queued_once_until_it_is_due_again(only_test_job, django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        assert enqueue_due_jobs(NOW) == ["test job"]
        assert enqueue_due_jobs(NOW + timedelta(minutes=30)) == []
        assert enqueue_due_jobs(NOW + timedelta(hours=1)) == ["test job"]
    assert CALLS == ["ran", "ran"]
    assert PeriodicRun.objects.get(name="test job").last_enqueued_at == NOW + timedelta(hours=1)


def test_the_outbox_sweep_is_registered() -> None:
    assert "outbox sweep" in _JOBS


def test_domain_reminders_and_escalations_are_scheduled() -> None:
    assert {"DHR deadline reminders", "Operation Encompass escalation"} <= set(_JOBS)


@pytest.mark.django_db
def test_the_scheduled_domain_tasks_run() -> None:
    from domestic_abuse.tasks import escalate_encompass
    from reviews.tasks import send_dhr_reminders

    assert send_dhr_reminders.call() == 0  # nothing due in an empty database
    assert escalate_encompass.call() == 0
