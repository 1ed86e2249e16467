"""MARAC referrals and the research each agency brings to the meeting."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AgendaItem, Case, Person
from domestic_abuse.models.dash import DashAssessment
from partnership.models import Agency


class ReferralStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    REFERRED = "referred", _("Referred")
    LISTED = "listed", _("Listed for a meeting")
    HEARD = "heard", _("Heard at MARAC")
    NOT_REFERRED = "not_referred", _("Not referred")


class MaracReferral(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="marac_referrals")
    marac_case = models.OneToOneField(Case, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="marac_referral")
    victim = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="marac_referrals")
    assessment = models.ForeignKey(DashAssessment, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="referrals")
    referring_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(max_length=16, choices=ReferralStatus.choices, default=ReferralStatus.PROPOSED)
    criteria = models.JSONField(default=list, blank=True)
    criteria_reasons = models.JSONField(default=list, blank=True)
    referred_on = models.DateField(null=True, blank=True)
    is_repeat = models.BooleanField(default=False)
    repeat_reason = models.CharField(max_length=200, blank=True)
    idva_engaged = models.BooleanField(_("an IDVA is working with the victim"), default=False)
    victim_aware = models.BooleanField(_("the victim knows about the referral"), default=False)
    safe_contact = models.TextField(_("who is safe to talk to and how"), blank=True)
    decline_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"MARAC referral from {self.case}"


class MaracResearch(models.Model):
    """What one agency holds on a case before the meeting."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="research")
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    holds_information = models.BooleanField(_("your agency holds information"), default=False)
    summary = models.TextField(_("what your agency holds"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["agenda_item", "agency"], name="unique_marac_research")]

    def __str__(self) -> str:
        return f"Research by {self.agency} for {self.agenda_item}"
