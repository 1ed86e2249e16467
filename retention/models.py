"""The retention schedule: rules per record type, legal holds, the nightly plans and runs.

No personal data is kept here: records are named by their record type and primary key only.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Trigger(models.TextChoices):
    CLOSURE = "closure", _("Closure")
    LAST_ACTIVITY = "last_activity", _("Last activity")
    SUBMISSION = "submission", _("Submission or creation")


class RemovalAction(models.TextChoices):
    DELETE = "delete", _("Delete")
    ANONYMISE = "anonymise", _("Anonymise (keep the figures)")


class RetentionRule(models.Model):
    """How long one record type is kept after its trigger, and what happens when it falls due."""

    record_type = models.CharField(_("record type"), max_length=64, unique=True)
    trigger = models.CharField(_("counted from"), max_length=16, choices=Trigger.choices)
    period_months = models.PositiveSmallIntegerField(_("months kept"))
    action = models.CharField(_("when due"), max_length=16, choices=RemovalAction.choices)
    notes = models.TextField(_("notes"), blank=True, help_text=_("Where the period comes from (policy, agreement)"))
    active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["record_type"]

    def __str__(self) -> str:
        return f"Retention rule {self.pk}: {self.record_type}"

    def clean(self) -> None:
        from retention.registry import find_record_type

        record_type = find_record_type(self.record_type)
        if record_type is None:
            raise ValidationError({"record_type": _("Choose a record type")})
        if self.trigger and self.trigger not in record_type.triggers:
            raise ValidationError({"trigger": _("This record type cannot be counted from that date")})
        if self.action == RemovalAction.ANONYMISE and record_type.anonymise is None:
            raise ValidationError({"action": _("This record type can only be deleted")})
        if self.period_months is not None and self.period_months < 1:
            raise ValidationError({"period_months": _("Keep records for at least 1 month")})


class LegalHold(models.Model):
    """Stops the schedule for one record (and, for a case, for everything that goes with it) until lifted."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    reason = models.TextField(_("reason"), help_text=_("For example the claim or request. No names."))
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    placed_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lift_reason = models.TextField(blank=True)
    label = models.CharField(max_length=64, blank=True, help_text=_("The record's reference, for staff screens"))

    class Meta:
        ordering = ["-placed_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=models.Q(lifted_at__isnull=True),
                name="one_active_hold_per_record",
            ),
        ]

    def __str__(self) -> str:
        return f"Legal hold {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class AnonymisedRecord(models.Model):
    """A record the schedule has anonymised, so it is not anonymised (and audited) again every night."""

    record_type = models.CharField(max_length=64)
    object_id = models.PositiveBigIntegerField()
    anonymised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["record_type", "object_id"], name="unique_anonymised_record")]

    def __str__(self) -> str:
        return f"{self.record_type} {self.object_id}"


class RetentionPlan(models.Model):
    """What one rule made due on one night: the latest trigger date due, and how many records. The nightly
    run acts only on what a plan at least the notice period old already showed (see retention.schedule)."""

    rule = models.ForeignKey(RetentionRule, on_delete=models.CASCADE, related_name="plans")
    planned_on = models.DateField()
    trigger = models.CharField(max_length=16, choices=Trigger.choices)
    action = models.CharField(max_length=16, choices=RemovalAction.choices)
    cutoff = models.DateField(help_text=_("Records whose trigger date is on or before this are due"))
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-planned_on"]
        constraints = [models.UniqueConstraint(fields=["rule", "planned_on"], name="one_plan_per_rule_per_day")]

    def __str__(self) -> str:
        return f"Plan for rule {self.rule_id} on {self.planned_on}"


class RetentionRun(models.Model):
    """One nightly application of the schedule and its counts per record type."""

    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    run_on = models.DateField()
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Retention run {self.pk} on {self.run_on}"

    def total(self, outcome: str) -> int:
        return sum(row.get(outcome, 0) for row in self.counts.values())
