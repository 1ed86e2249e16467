"""High-tension incidents: a tension case with a timeline, a partner call list, actions due in hours and
situation reports. The incident is a ``core.Case`` of kind "tension", so its team (the partners on the call
list) and its reference (CT-2026-00001) come from the shared case file."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case
from partnership.models import Agency
from tension.config import level_label
from tension.models.areas import TensionArea


class IncidentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    STOOD_DOWN = "stood_down", _("Stood down")


class HighTensionIncident(models.Model):
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="tension_incident")
    area = models.ForeignKey(TensionArea, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("area"))
    level = models.CharField(_("level"), max_length=32)
    status = models.CharField(max_length=16, choices=IncidentStatus.choices, default=IncidentStatus.ACTIVE)
    what_happened = models.TextField(_("what happened"))
    community_impact = models.TextField(_("community impact"), blank=True)
    declared_at = models.DateTimeField(default=timezone.now)
    next_review_at = models.DateTimeField(_("next review"))
    stood_down_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-declared_at"]

    def __str__(self) -> str:
        return self.case.reference

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("tension:incident_detail", args=[self.case.reference])

    @property
    def reference(self) -> str:
        return self.case.reference

    @property
    def level_label(self) -> str:
        return level_label(self.level)

    @property
    def is_active(self) -> bool:
        return self.status == IncidentStatus.ACTIVE


class TimelineKind(models.TextChoices):
    EVENT = "event", _("Event")
    DECISION = "decision", _("Decision")
    DECLARED = "declared", _("Declared")
    ESCALATED = "escalated", _("Escalated")
    STOOD_DOWN = "stood_down", _("Stood down")
    SITREP = "sitrep", _("Situation report issued")
    ACTION = "action", _("Action")


class TimelineEntry(models.Model):
    """What happened and what was decided, with who and why. Append-only."""

    incident = models.ForeignKey(HighTensionIncident, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("type"), max_length=16, choices=TimelineKind.choices)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    text = models.TextField(_("what happened or was decided"))
    reason = models.TextField(_("why"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    by_agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.occurred_at:%d %b %Y %H:%M}"


class PartnerContact(models.Model):
    """A partner on the incident's call list. Alerts go to the contact's work email, or the agency's mailbox."""

    incident = models.ForeignKey(HighTensionIncident, on_delete=models.CASCADE, related_name="call_list")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("partner"))
    role = models.CharField(_("role in the response"), max_length=100)
    contact_name = models.CharField(_("contact name"), max_length=100, blank=True)
    phone = models.CharField(_("work phone"), max_length=30, blank=True)
    email = models.EmailField(_("work email"), blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agency__name"]
        constraints = [models.UniqueConstraint(fields=["incident", "agency"], name="tension_one_contact_per_partner")]

    def __str__(self) -> str:
        return f"{self.agency} ({self.role})"

    @property
    def alert_address(self) -> str:
        return self.email or self.agency.email


class ActionState(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class ResponseAction(models.Model):
    """An action in the rapid response. Due times are in hours, so this is not core.Action (due dates)."""

    incident = models.ForeignKey(HighTensionIncident, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("what needs to be done"), max_length=200)
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    owner_name = models.CharField(_("named owner"), max_length=100, blank=True)
    due_at = models.DateTimeField(_("due"))
    status = models.CharField(max_length=8, choices=ActionState.choices, default=ActionState.OPEN)
    outcome = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["status", "due_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status == ActionState.OPEN and self.due_at < timezone.now()


class SituationReport(models.Model):
    """A sitrep as issued: the HTML is kept, so what partners were told can be shown again exactly."""

    incident = models.ForeignKey(HighTensionIncident, on_delete=models.CASCADE, related_name="sitreps")
    number = models.PositiveIntegerField()
    issued_at = models.DateTimeField(default=timezone.now)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    level = models.CharField(max_length=32)
    html = models.TextField()

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["incident", "number"], name="tension_sitrep_number")]

    def __str__(self) -> str:
        return f"Sitrep {self.number} for {self.incident}"
