"""ASB detail on shared incidents, repeat-victim flags and suggested person matches."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Incident, Person


class AsbType(models.TextChoices):
    NOISE = "noise", _("Noise")
    INTIMIDATION = "intimidation", _("Intimidation or harassment")
    DRUGS = "drugs", _("Drug-related")
    VEHICLES = "vehicles", _("Vehicle-related")
    NEIGHBOURS = "neighbours", _("Neighbour dispute")
    STREET_DRINKING = "street_drinking", _("Street drinking")
    LITTER = "litter", _("Littering or fly-tipping")
    ROWDY = "rowdy", _("Rowdy or inconsiderate behaviour")
    BEGGING = "begging", _("Begging")
    ANIMALS = "animals", _("Animal problems")
    OTHER = "other", _("Other")


class AsbIncident(models.Model):
    """The ASB facts about a shared incident: its type, the victim (person and/or address), the perpetrators."""

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="asb")
    asb_type = models.CharField(_("type of antisocial behaviour"), max_length=32, choices=AsbType.choices)
    victim = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="asb_victim_of")
    victim_address = models.CharField(_("address affected"), max_length=300, blank=True)
    victim_postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    # Normalised, so "12 High St" and "12 high street" count as one address for the repeat-victim rule.
    address_key = models.CharField(max_length=320, blank=True, db_index=True)
    perpetrators = models.ManyToManyField(Person, blank=True, related_name="asb_perpetrator_of")
    perpetrator_description = models.TextField(_("alleged perpetrators, if not named"), blank=True)

    class Meta:
        indexes = [models.Index(fields=["victim"])]

    def __str__(self) -> str:
        return f"ASB ({self.get_asb_type_display()}) {self.incident_id}"


class RepeatVictimFlag(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Needs review")
        REVIEWED = "reviewed", _("Reviewed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(max_length=340, db_index=True)  # "person:<id>" or "address:<normalised>"
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    raised_at = models.DateTimeField(default=timezone.now)
    latest_incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="+")
    incidents = models.ManyToManyField(Incident, related_name="repeat_flags")
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-raised_at"]

    def __str__(self) -> str:
        return f"Repeat victim flag {self.pk}"

    @property
    def is_address(self) -> bool:
        return self.key.startswith("address:")


class MatchStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    CONFIRMED = "confirmed", _("Confirmed: same person")
    SPLIT = "split", _("Split: different people")


class PersonMatch(models.Model):
    """Two person records that may be the same person. Only an officer's decision makes them one."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person_a = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField()
    reasons = models.CharField(max_length=300)
    status = models.CharField(max_length=16, choices=MatchStatus.choices, default=MatchStatus.SUGGESTED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["person_a", "person_b"], name="asb_unique_person_match")]

    def __str__(self) -> str:
        return f"Possible match {self.pk}"
