"""Applying the retention schedule: the dry-run plan, and the nightly run that acts on it.

The notice period: each night the run records, per rule, what is due (``RetentionPlan``), and acts only
on records that a plan at least ``settings.RETENTION_NOTICE_DAYS`` days old (environment variable
``CSPHUB_RETENTION_NOTICE_DAYS``, default 14) already showed as due and that are still due today. So
everything the schedule removes was on the administrators' retention page for the whole notice period
first, in time to place a legal hold.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone

from audit.chain import append_event
from audit.models import AuditAction
from retention.models import AnonymisedRecord, RemovalAction, RetentionPlan, RetentionRule, RetentionRun
from retention.registry import RecordType, due_records, find_record_type, held_q, is_held, record_parts
from retention.rules import latest_trigger_due, notice_cutoff

logger = logging.getLogger(__name__)
SCHEDULE_ACTOR = "retention schedule"


def notice_days() -> int:
    """The notice period in days (``CSPHUB_RETENTION_NOTICE_DAYS`` in the environment; never below 0)."""
    return max(0, int(settings.RETENTION_NOTICE_DAYS))


@dataclass
class PlanLine:
    """How many records of one type a rule makes due by a day. Counts only, never the records."""

    rule: RetentionRule
    record_type: RecordType
    cutoff: date
    due: int
    held: int


@dataclass
class RuleOutcome:
    due: int = 0
    held: int = 0
    deleted: int = 0
    anonymised: int = 0
    blocked: int = 0
    errors: list[str] = field(default_factory=list)

    def as_counts(self) -> dict[str, int]:
        return {
            "due": self.due,
            "held": self.held,
            "deleted": self.deleted,
            "anonymised": self.anonymised,
            "blocked": self.blocked,
        }


def active_rules() -> list[tuple[RetentionRule, RecordType]]:
    pairs = []
    for rule in RetentionRule.objects.filter(active=True):
        record_type = find_record_type(rule.record_type)
        if record_type is not None and rule.trigger in record_type.triggers:
            pairs.append((rule, record_type))
    return pairs


def plan_line(rule: RetentionRule, record_type: RecordType, cutoff: date) -> PlanLine:
    due = due_records(record_type, rule.trigger, cutoff)
    total = due.values("pk").distinct().count()
    held = due.filter(held_q(record_type)).values("pk").distinct().count()
    return PlanLine(rule, record_type, cutoff, total - held, held)


def plan_for(on: date) -> list[PlanLine]:
    """The dry run: per rule, how many records fall due by ``on`` (and how many of those are held)."""
    return [
        plan_line(rule, record_type, latest_trigger_due(rule.period_months, on)) for rule, record_type in active_rules()
    ]


def record_plan(rule: RetentionRule, record_type: RecordType, on: date) -> PlanLine:
    """Record what the rule makes due on ``on`` (the night's plan); the notice period counts from it."""
    line = plan_line(rule, record_type, latest_trigger_due(rule.period_months, on))
    RetentionPlan.objects.update_or_create(
        rule=rule,
        planned_on=on,
        defaults={"trigger": rule.trigger, "action": rule.action, "cutoff": line.cutoff, "count": line.due},
    )
    return line


def noticed_cutoff(rule: RetentionRule, today: date, current_cutoff: date) -> date | None:
    """The cutoff tonight's run may act on for the rule: only what was planned a notice period ago."""
    planned = (
        RetentionPlan.objects.filter(
            rule=rule, trigger=rule.trigger, action=rule.action, planned_on__lte=today - timedelta(days=notice_days())
        )
        .order_by("-planned_on")
        .first()
    )
    return notice_cutoff(planned.cutoff if planned else None, current_cutoff)


def next_run_for(today: date) -> list[PlanLine]:
    """What the next run will act on, if nothing changes: due now, and shown in a plan long enough ago."""
    lines = []
    for rule, record_type in active_rules():
        cutoff = noticed_cutoff(rule, today, latest_trigger_due(rule.period_months, today))
        if cutoff is not None:
            lines.append(plan_line(rule, record_type, cutoff))
    return lines


def _remove_one(rule: RetentionRule, record_type: RecordType, pk: int, outcome: RuleOutcome) -> None:
    reason = f"retention rule {rule.pk}: {rule.action}"
    with transaction.atomic():
        record = record_type.model._default_manager.select_for_update().filter(pk=pk).first()
        if record is None:
            return
        if is_held(record_type, record):  # placed since the plan was made
            outcome.held += 1
            return
        for prepare in record_parts(record_type.code):
            prepare(record, rule.action)
        if rule.action == RemovalAction.ANONYMISE:
            record_type.anonymise(record)
            AnonymisedRecord.objects.create(record_type=record_type.code, object_id=pk)
            audit_action, counter = AuditAction.ANONYMISE, "anonymised"
        else:
            record_type.delete(record)
            audit_action, counter = AuditAction.DELETE, "deleted"
        append_event(
            action=audit_action,
            object_type=record_type.object_type,
            object_id=pk,
            actor_label=SCHEDULE_ACTOR,
            reason=reason,
        )
    setattr(outcome, counter, getattr(outcome, counter) + 1)


def apply_rule(rule: RetentionRule, record_type: RecordType, cutoff: date) -> RuleOutcome:
    """Delete or anonymise every record due by ``cutoff`` and not held, each with its own audit event."""
    outcome = RuleOutcome()
    due = due_records(record_type, rule.trigger, cutoff).exclude(held_q(record_type))
    if record_type.remove_in_bulk is not None:
        outcome.deleted = record_type.remove_in_bulk(due, f"retention rule {rule.pk}: {rule.action}")
        return outcome
    for pk in list(due.values_list("pk", flat=True).distinct().order_by("pk")):
        try:
            _remove_one(rule, record_type, pk, outcome)
        except (ProtectedError, IntegrityError) as error:
            outcome.blocked += 1
            outcome.errors.append(f"{record_type.object_type} {pk}: {type(error).__name__}")
            logger.warning("retention rule %s could not %s %s %s", rule.pk, rule.action, record_type.object_type, pk)
    return outcome


def run_schedule(today: date | None = None) -> RetentionRun:
    """The nightly run: record tonight's plan per rule, then act on what was planned a notice period ago."""
    today = today or timezone.localdate()
    run = RetentionRun.objects.create(run_on=today)
    counts: dict[str, dict[str, int]] = {}
    for rule, record_type in active_rules():
        line = record_plan(rule, record_type, today)
        cutoff = noticed_cutoff(rule, today, line.cutoff)
        outcome = apply_rule(rule, record_type, cutoff) if cutoff is not None else RuleOutcome()
        outcome.due, outcome.held = line.due, line.held + outcome.held
        counts[record_type.code] = outcome.as_counts()
    RetentionPlan.objects.filter(planned_on__lt=today - timedelta(days=notice_days() + 30)).delete()
    run.counts = counts
    run.finished_at = timezone.now()
    run.save(update_fields=["counts", "finished_at"])
    return run
