from django_tasks import task

from domestic_abuse.safeguarding_actions import escalate_overdue_encompass


@task()
def escalate_encompass() -> int:
    """Every 15 minutes: an Operation Encompass notice a school has not acknowledged in time is escalated."""
    return escalate_overdue_encompass()
