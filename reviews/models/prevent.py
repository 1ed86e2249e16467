"""Prevent duty oversight: the local risk assessment, the partnership plan, and training completion.

None of these hold personal data: they are about the partnership's own work.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class PreventRiskAssessment(models.Model):
    assessed_on = models.DateField(_("date agreed"))
    period = models.CharField(_("period covered"), max_length=50, help_text=_("For example: 2025 to 2026"))
    overall_risk = models.CharField(_("overall local risk"), max_length=8, choices=RiskLevel.choices)
    summary = models.TextField(_("summary of risks"),
                               help_text=_("Drawn from the police Counter-Terrorism Local Profile and local data"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-assessed_on"]

    def __str__(self) -> str:
        return f"Prevent risk assessment {self.period}"


class PreventPlanAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")

    title = models.CharField(_("action"), max_length=200)
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    due_on = models.DateField(_("due date"))
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.OPEN)
    completed_on = models.DateField(_("date done"), null=True, blank=True)
    evidence = models.TextField(_("what was done"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title

    def complete(self, *, on: object, evidence: str) -> None:
        if self.status != self.Status.OPEN:
            raise ValidationError(_("This action is already done"))
        self.status, self.completed_on, self.evidence = self.Status.DONE, on, evidence


class PreventTraining(models.Model):
    """How many staff in a role at an agency have completed Prevent training, as at a date."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    role = models.CharField(_("role or staff group"), max_length=100)
    as_at = models.DateField(_("figures as at"))
    staff_in_scope = models.PositiveIntegerField(_("staff who need the training"))
    staff_trained = models.PositiveIntegerField(_("staff who have completed it"))

    class Meta:
        ordering = ["agency__name", "role", "-as_at"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.role} ({self.as_at})"
