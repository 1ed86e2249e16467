from django_tasks import task

from retention.schedule import run_schedule


@task()
def apply_retention_schedule() -> dict:
    """Nightly: apply the retention schedule (what was planned a notice period ago); returns the counts."""
    return run_schedule().counts
