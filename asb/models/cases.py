"""ASB cases: the problem-solving plan, interventions, victim risk assessments, PSPOs and access requests."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asb.rules.interventions import LADDER
from core.models import Case, Person, RiskLevel
from partnership.models import Agency


class AsbCasePlan(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="asb_plan")
    problem = models.TextField(_("the problem"), help_text=_("What is happening, where and who it affects"))
    plan = models.TextField(_("problem-solving plan"), help_text=_("What each agency will do, and by when"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"Plan for {self.case}"


class Intervention(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="asb_interventions")
    step = models.CharField(_("intervention"), max_length=32, choices=LADDER)
    subject = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("who it is for"))
    subject_age = models.PositiveSmallIntegerField(_("their age"), null=True, blank=True)
    subject_is_business = models.BooleanField(_("it is a business or organisation"), default=False)
    convicted = models.BooleanField(_("convicted of an offence in these proceedings"), default=False)
    on = models.DateField(_("date"))
    comply_by = models.DateField(_("comply by"), null=True, blank=True)
    breached = models.BooleanField(_("the behaviour carried on afterwards (breach)"), default=False)
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    owner_user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("officer"))
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} on {self.on:%d %b %Y}"


class RiskAssessment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="asb_risk_assessments")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    officer_says_high = models.BooleanField(default=False)
    score = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=16, choices=RiskLevel.choices)
    reasons = models.TextField(blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-assessed_at"]

    def __str__(self) -> str:
        return f"Risk assessment {self.pk} ({self.level})"


class Pspo(models.Model):
    """A Public Spaces Protection Order for an area (s.59-75): council-made, up to 3 years, renewable."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    area = models.CharField(_("area"), max_length=200)
    council = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("council"))
    made_on = models.DateField(_("made on"))
    expires_on = models.DateField(_("ends on"))
    prohibitions = models.TextField(_("what it prohibits or requires"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-made_on"]
        verbose_name = "PSPO"

    def __str__(self) -> str:
        return f"PSPO: {self.area}"


class AccessRequest(models.Model):
    """A request to join the team of a case the requester may not see; the lead agency decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the lead agency")
        GRANTED = "granted", _("Granted")
        REFUSED = "refused", _("Refused")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="asb_access_requests")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("why you need access"))
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Access request {self.pk}"
