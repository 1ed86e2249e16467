"""Operation Encompass: schools, their closures, which child goes where, and the notifications sent."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Incident, Person
from intake.models import OutboundMessage


class School(models.Model):
    name = models.CharField(_("school"), max_length=200, unique=True)
    key_adult_email = models.EmailField(_("key adult's secure email address"))
    area = models.CharField(_("area"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolClosure(models.Model):
    """Half-terms, holidays and training days: the school calendar is configurable data, not code."""

    name = models.CharField(max_length=100)
    first_day = models.DateField()
    last_day = models.DateField()

    class Meta:
        ordering = ["first_day"]

    def __str__(self) -> str:
        return f"{self.name} ({self.first_day} to {self.last_day})"


class ChildSchool(models.Model):
    child = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="da_school")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="pupils")

    def __str__(self) -> str:
        return str(self.school)


class EncompassStatus(models.TextChoices):
    QUEUED = "queued", _("Sent, waiting for the school")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by the school")
    ESCALATED = "escalated", _("Not acknowledged in time: escalated")


class EncompassNotification(models.Model):
    # The acknowledgement link in the email carries this random id and nothing else.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="encompass_notifications")
    child = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="encompass_notifications")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="notifications")
    due_at = models.DateTimeField()
    message = models.ForeignKey(OutboundMessage, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=EncompassStatus.choices, default=EncompassStatus.QUEUED)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_at"]
        constraints = [models.UniqueConstraint(fields=["incident", "child"], name="unique_encompass_child")]

    def __str__(self) -> str:
        return f"Encompass notification to {self.school}"
