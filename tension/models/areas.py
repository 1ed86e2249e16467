"""Areas with an assessed tension level (and its history), and the tension reports partners send in."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency
from tension.config import level_label


class TensionArea(models.Model):
    """A locality the partnership monitors (a town, ward or neighbourhood). Holds no personal data."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100, unique=True)
    # Place names that, found in an incident's location text, put it in this area ("Workington, Harrington").
    match_terms = models.CharField(
        _("place names to match"), max_length=300, blank=True,
        help_text=_("Separate names with commas. Incidents whose location mentions one are counted in this area."),
    )
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    # Level codes come from tension.config so the scale can change without a migration.
    current_level = models.CharField(_("assessed level"), max_length=32, default="normal")
    level_set_at = models.DateTimeField(null=True, blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def level_label(self) -> str:
        return level_label(self.current_level)

    def terms(self) -> list[str]:
        return [t.strip() for t in (self.match_terms or self.name).split(",") if t.strip()]


class AreaLevelChange(models.Model):
    """One assessment of an area's level by the coordinator: append-only, so the history is the record."""

    area = models.ForeignKey(TensionArea, on_delete=models.CASCADE, related_name="level_changes")
    level = models.CharField(max_length=32)
    previous_level = models.CharField(max_length=32, blank=True)
    reason = models.TextField(_("reason"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    set_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-set_at", "-id"]

    def __str__(self) -> str:
        return f"{self.area} → {self.level} at {self.set_at:%d %b %Y %H:%M}"

    @property
    def level_label(self) -> str:
        return level_label(self.level)

    @property
    def previous_label(self) -> str:
        return level_label(self.previous_level) if self.previous_level else ""


class InformationGrade(models.TextChoices):
    """How the information was obtained, as tagged in police tension returns."""

    EVIDENCED = "evidenced", _("Evidenced – seen or recorded")
    EXPERIENCED = "experienced", _("Experienced – reported by people affected")
    POTENTIAL = "potential", _("Potential – could happen, not yet seen")


class Confidence(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class SharingReview(models.TextChoices):
    """Free text is checked by the coordinator before it goes beyond the partnership."""

    NOT_REVIEWED = "not_reviewed", _("Not reviewed – partnership only")
    CLEARED = "cleared", _("Cleared to share beyond the partnership")
    WITHHELD = "withheld", _("Not to be shared beyond the partnership")


class TensionReport(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    area = models.ForeignKey(TensionArea, on_delete=models.PROTECT, related_name="reports", verbose_name=_("area"))
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    observed_on = models.DateField(_("date observed"), default=timezone.localdate)
    indicators = models.JSONField(_("indicators observed"), default=list)
    summary = models.TextField(_("what you observed"))
    sources = models.TextField(_("sources"))
    grade = models.CharField(_("how you know"), max_length=16, choices=InformationGrade.choices)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence.choices)
    judged_level = models.CharField(_("level you judge"), max_length=32)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(default=timezone.now, db_index=True)
    sharing = models.CharField(max_length=16, choices=SharingReview.choices, default=SharingReview.NOT_REVIEWED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Tension report for {self.area} on {self.observed_on:%d %b %Y}"

    @property
    def judged_label(self) -> str:
        return level_label(self.judged_level)
