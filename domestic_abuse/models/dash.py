"""The DASH risk identification checklist, versioned, and the assessments made with it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case, Person, RiskLevel
from partnership.models import Agency


class DashQuestion(models.Model):
    """One question of one version of the checklist. A revised checklist is a new version: old assessments
    keep pointing at the questions they were asked."""

    version = models.PositiveSmallIntegerField(db_index=True)
    number = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    hint = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["version", "number"]
        constraints = [models.UniqueConstraint(fields=["version", "number"], name="unique_dash_question")]

    def __str__(self) -> str:
        return f"v{self.version} Q{self.number}"


class DashAnswerChoice(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_KNOWN = "not_known", _("Not known")


class DashAssessment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="dash_assessments")
    victim = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dash_assessments")
    version = models.PositiveSmallIntegerField()
    assessed_on = models.DateField(_("date of the assessment"), default=timezone.localdate)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    professional_judgement = models.BooleanField(_("raised on professional judgement"), default=False)
    judgement_reason = models.TextField(_("reason for professional judgement"), blank=True)
    score = models.PositiveSmallIntegerField()
    result = models.CharField(max_length=16, choices=RiskLevel.choices)
    result_reason = models.CharField(max_length=300)
    recent_incidents = models.PositiveSmallIntegerField(default=0)
    criteria = models.JSONField(default=list, blank=True)  # codes of the MARAC criteria met
    criteria_reasons = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"DASH on {self.assessed_on:%d %b %Y} for {self.case}"


class DashAnswer(models.Model):
    assessment = models.ForeignKey(DashAssessment, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(DashQuestion, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(max_length=16, choices=DashAnswerChoice.choices)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["question__number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "question"], name="unique_dash_answer")]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"
