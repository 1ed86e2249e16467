"""The directory of support services, and self-referrals made from the public page."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency


class ServiceCategory(models.TextChoices):
    IDVA = "idva", _("Independent domestic violence adviser (IDVA)")
    ISVA = "isva", _("Sexual violence adviser (ISVA) and sexual assault referral centre")
    REFUGE = "refuge", _("Refuge and safe places to stay")
    HELPLINE = "helpline", _("Helplines")
    CHILDREN = "children", _("Help for children and young people")
    MEN = "men", _("Help for men")
    LGBT = "lgbt", _("Help for LGBT+ people")
    OLDER = "older", _("Help for older people")


class SupportService(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("type of help"), max_length=16, choices=ServiceCategory.choices)
    description = models.TextField(_("what they do"))
    eligibility = models.CharField(_("who it is for"), max_length=300)
    area = models.CharField(_("area covered"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    opening_hours = models.CharField(_("when you can call"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    referral_route = models.CharField(_("how to get help"), max_length=300)
    referral_email = models.EmailField(_("secure email for referrals"), blank=True)
    accepts_self_referral = models.BooleanField(_("takes referrals through this website"), default=False)
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               help_text=_("Staff of this agency see the referrals made to the service"))
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name


class SelfReferral(models.Model):
    """A request for help from the public page. No IP address or tracking data is kept."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    service = models.ForeignKey(SupportService, on_delete=models.PROTECT, related_name="self_referrals")
    name = models.CharField(max_length=100)
    contact_method = models.CharField(max_length=10)
    contact_detail = models.CharField(max_length=200)
    safe_times = models.CharField(max_length=200, blank=True)
    leave_message = models.BooleanField(default=False)
    message = models.TextField(blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    first_contact_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return self.reference

    @property
    def hours_to_first_contact(self) -> float | None:
        if self.first_contact_at is None:
            return None
        return round((self.first_contact_at - self.received_at).total_seconds() / 3600, 1)
