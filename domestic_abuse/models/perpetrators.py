"""Interventions with perpetrators, including disclosures under Clare's Law (DVDS)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case, Person


class InterventionKind(models.TextChoices):
    BEHAVIOUR_CHANGE = "behaviour_change", _("Behaviour change programme referral")
    DVDS_RIGHT_TO_ASK = "dvds_ask", _("Clare's Law disclosure: right to ask")
    DVDS_RIGHT_TO_KNOW = "dvds_know", _("Clare's Law disclosure: right to know")
    ENFORCEMENT = "enforcement", _("Enforcement (arrest, protection notice or order, bail conditions)")
    DRIVE = "drive", _("High-harm perpetrator case management")


class InterventionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISCLOSED = "disclosed", _("Disclosure made")
    NOT_DISCLOSED = "not_disclosed", _("Decided not to disclose")
    DONE = "done", _("Done")


class PerpetratorIntervention(models.Model):
    perpetrator = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="da_interventions")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="da_interventions")
    kind = models.CharField(_("intervention"), max_length=20, choices=InterventionKind.choices)
    started_on = models.DateField(_("date requested or started"), default=timezone.localdate)
    decision_due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=InterventionStatus.choices, default=InterventionStatus.OPEN)
    decided_on = models.DateField(null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-started_on", "-id"]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_dvds(self) -> bool:
        return self.kind in (InterventionKind.DVDS_RIGHT_TO_ASK, InterventionKind.DVDS_RIGHT_TO_KNOW)

    @property
    def decision_overdue(self) -> bool:
        return (self.status == InterventionStatus.OPEN and self.decision_due is not None
                and self.decision_due < timezone.localdate())
