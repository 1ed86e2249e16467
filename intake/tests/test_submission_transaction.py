"""A public submission is one transaction: the record, its triage email and delivery task, the session and, last,
the audit event, so the audit chain's lock is held only until the commit (benchmarks/intake)."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from audit.chain import verify_chain
from audit.log import record
from audit.models import AuditAction, AuditEvent
from hate_crime.models import HateReport
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, answer_all
from intake.models import OutboundMessage, SubmissionReceipt
from intake.outbox import queue_email
from intake.submission import Submitted, submit_once

WRITES = ("INSERT", "UPDATE", "DELETE")
# The final POST of the hate report, measured: 1 session read, then the submission's transaction.
MOST_STATEMENTS = 20


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_tasks(settings) -> None:  # noqa: ANN001
    """Production's task backend: a task is a row in the same database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class StatementLog:
    """Every statement on the connection, with whether it ran inside a transaction (autocommit otherwise)."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, bool]] = []

    def __call__(self, execute, sql, params, many, context):  # noqa: ANN001, ANN204 - Django's wrapper signature
        self.statements.append((sql, connection.in_atomic_block))
        return execute(sql, params, many, context)

    def writes(self) -> list[tuple[int, str, bool]]:
        return [(i, sql, inside) for i, (sql, inside) in enumerate(self.statements) if sql.startswith(WRITES)]


@pytest.mark.django_db(transaction=True)  # real commits: autocommit between transactions, as in production
def test_the_final_post_is_one_transaction_with_the_audit_event_last(world, database_tasks) -> None:  # noqa: ANN001
    client = Client(REMOTE_ADDR="203.0.113.40")
    answer_all(client, ANONYMOUS_ANSWERS)
    token = client.get(reverse("hate_crime:report:check")).context["form"]["token"].value()
    log = StatementLog()
    with connection.execute_wrapper(log):
        response = client.post(reverse("hate_crime:report:check"), {"token": token})
    assert response.status_code == 302

    writes = log.writes()
    tables = " ".join(sql for _i, sql, _inside in writes)
    for table in (
        "hate_crime_hatereport",
        "intake_outboundmessage",
        "django_tasks_database_dbtaskresult",
        "intake_submissionreceipt",
        "django_session",
        "audit_auditevent",
        "audit_auditchainhead",
    ):
        assert table in tables, f"no write to {table}"
    first, last = writes[0][0], writes[-1][0]
    # Every statement from the first write to the last is inside the one transaction: no second commit.
    assert all(inside for _sql, inside in log.statements[first : last + 1])
    assert all(not inside for _sql, inside in log.statements[last + 1 :])  # nothing is written after it
    # The chain head is read (and locked, on PostgreSQL) only after every other write of the transaction.
    head_read = next(i for i, (sql, _inside) in enumerate(log.statements) if "audit_auditchainhead" in sql)
    assert all(i > head_read for i, sql, _inside in writes if "audit_" in sql)
    assert all(i < head_read for i, sql, _inside in writes if "audit_" not in sql)
    assert len(log.statements) <= MOST_STATEMENTS, "\n".join(sql for sql, _inside in log.statements)

    report = HateReport.objects.get()
    session = Session.objects.get()
    assert session.get_decoded()["flow:hate_crime:report"]["done"]["reference"] == report.reference
    assert "sessionid" not in response.cookies  # the same session: nothing for the browser to store
    message = OutboundMessage.objects.get(purpose="hate_report_new")
    assert DBTaskResult.objects.get().args_kwargs == {"args": [message.pk], "kwargs": {}}
    assert AuditEvent.objects.filter(object_type="hate_crime.hatereport", object_id=str(report.pk)).exists()
    assert verify_chain() is None
    done = client.get(reverse("hate_crime:report:done")).content.decode()
    assert report.reference in done and 'class="csphub-secret"' in done


@pytest.mark.django_db(transaction=True)
def test_a_failure_after_the_record_leaves_nothing_behind(database_tasks) -> None:  # noqa: ANN001
    def create() -> tuple[str, dict]:
        message = queue_email(to="triage@example.test", subject="New report", body="", purpose="half-saved")
        record(None, AuditAction.CREATE, message, reason="test")
        return "TF-AAAA-BBBB", {"secret": "CODE234567"}

    def fail(_submitted: Submitted) -> None:
        raise RuntimeError("the session could not be written")

    with pytest.raises(RuntimeError):
        submit_once("token-that-fails", "test_flow", create, also_when_created=fail)
    assert not SubmissionReceipt.objects.exists()
    assert not OutboundMessage.objects.exists()
    assert not DBTaskResult.objects.exists()
    assert not AuditEvent.objects.exists()
    # The token was not used up: the person can send again.
    assert submit_once("token-that-fails", "test_flow", create).created
    assert verify_chain() is None


@pytest.mark.django_db
def test_with_the_database_task_backend_the_task_rolls_back_with_its_message(database_tasks) -> None:  # noqa: ANN001
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email(to="triage@example.test", subject="New report", body="", purpose="rolled-back")
        assert DBTaskResult.objects.count() == 1  # written in the transaction, not after it
        raise RuntimeError("the change failed")
    assert not OutboundMessage.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_repeat_of_a_double_click_saves_its_session_as_usual() -> None:
    client = Client(REMOTE_ADDR="203.0.113.41")
    answer_all(client, ANONYMOUS_ANSWERS)
    token = client.get(reverse("hate_crime:report:check")).context["form"]["token"].value()
    client.post(reverse("hate_crime:report:check"), {"token": token})
    # A second browser window with the same token (its own session): the repeat is not created, and its session
    # is saved by the middleware, showing the same reference and the code kept for the double click.
    other = Client(REMOTE_ADDR="203.0.113.41")
    answer_all(other, ANONYMOUS_ANSWERS)
    other.get(reverse("hate_crime:report:check"))
    response = other.post(reverse("hate_crime:report:check"), {"token": token})
    assert response.status_code == 302
    report = HateReport.objects.get()
    done = other.get(reverse("hate_crime:report:done")).content.decode()
    assert report.reference in done and 'class="csphub-secret"' in done
