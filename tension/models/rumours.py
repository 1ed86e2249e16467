"""The rumour and disinformation register (after GCS RESIST 2: recognise, early warning, situational
insight, impact analysis, strategic communication, track outcomes)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency
from tension.models.areas import TensionReport
from tension.models.incidents import HighTensionIncident


class RumourStatus(models.TextChoices):
    MONITORING = "monitoring", _("Monitoring")
    COUNTERING = "countering", _("Countering")
    SUBSIDED = "subsided", _("Subsided")


class Risk(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Trend(models.TextChoices):
    RISING = "rising", _("Rising")
    STEADY = "steady", _("Steady")
    FALLING = "falling", _("Falling")


class Rumour(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    claim = models.TextField(_("the claim"))
    first_seen_at = models.DateTimeField(_("first seen"))
    first_seen_where = models.CharField(_("where it was first seen"), max_length=200)
    platforms = models.JSONField(_("platforms"), default=list)
    estimated_reach = models.PositiveIntegerField(_("estimated reach"), default=0)
    trend = models.CharField(_("trend"), max_length=8, choices=Trend.choices, default=Trend.RISING)
    last_seen_at = models.DateTimeField(_("last seen"), db_index=True)
    verified_facts = models.TextField(_("facts verified"), blank=True)
    verified_by = models.CharField(_("verified by"), max_length=200, blank=True)
    risk = models.CharField(_("risk"), max_length=8, choices=Risk.choices)
    # Community-facing: published by partners once reviewed. Internal notes never leave the partnership.
    counter_message = models.TextField(_("counter-message for the community"), blank=True)
    counter_message_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    counter_message_approved_at = models.DateTimeField(null=True, blank=True)
    trusted_messengers = models.TextField(_("trusted messengers"), blank=True)
    publisher = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("who will publish")
    )
    publish_at = models.DateTimeField(_("when it will be published"), null=True, blank=True)
    internal_notes = models.TextField(_("internal notes (partnership only)"), blank=True)
    status = models.CharField(max_length=16, choices=RumourStatus.choices, default=RumourStatus.MONITORING)
    reports = models.ManyToManyField(TensionReport, related_name="rumours", blank=True, verbose_name=_("reports"))
    incidents = models.ManyToManyField(
        HighTensionIncident, related_name="rumours", blank=True, verbose_name=_("high-tension incidents")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return self.claim[:60]

    @property
    def counter_message_approved(self) -> bool:
        return bool(self.counter_message) and self.counter_message_approved_at is not None


class RumourUpdate(models.Model):
    """The register's history: each change of status, reach or trend, with who and why."""

    rumour = models.ForeignKey(Rumour, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(max_length=16, choices=RumourStatus.choices)
    trend = models.CharField(max_length=8, choices=Trend.choices)
    estimated_reach = models.PositiveIntegerField()
    note = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.rumour_id}: {self.status} at {self.at:%d %b %Y %H:%M}"
