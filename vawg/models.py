"""Safer spaces: anonymous unsafe-place reports (shown only in aggregate), licensed venues in the night-time
economy and the schemes they are in, and awareness campaigns."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnsafeReason(models.TextChoices):
    """StreetSafe-like reasons: what in the place, and what people did."""

    POOR_LIGHTING = "poor_lighting", _("Poor lighting")
    FOLLOWED = "followed", _("Someone followed me")
    VERBAL_HARASSMENT = "verbal_harassment", _("Someone shouted at me or said things to me")
    GROUPS = "groups", _("A group of people")
    ISOLATED = "isolated", _("It is a lonely place with nobody around")
    INTOXICATED = "intoxicated", _("People who were drunk or on drugs")
    VEHICLES = "vehicles", _("People in a car or other vehicle")
    NO_CCTV = "no_cctv", _("No CCTV cameras")
    RUN_DOWN = "run_down", _("The place is run down or hard to see through")
    OTHER = "other", _("Something else")


class TimeOfDay(models.TextChoices):
    MORNING = "morning", _("Morning (6am to 12 noon)")
    AFTERNOON = "afternoon", _("Afternoon (12 noon to 6pm)")
    EVENING = "evening", _("Evening (6pm to 10pm)")
    NIGHT = "night", _("Night (10pm to 6am)")


class UnsafePlaceReport(models.Model):
    """An anonymous report. No name, contact, IP address or exact submission time is kept."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=20, unique=True)
    received_on = models.DateField(default=timezone.localdate)
    place_text = models.CharField(_("place"), max_length=200, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    easting = models.FloatField(null=True, blank=True)
    northing = models.FloatField(null=True, blank=True)
    happened_on = models.DateField(_("date"))
    time_of_day = models.CharField(_("time of day"), max_length=16, choices=TimeOfDay.choices)
    reasons = models.JSONField(default=list)
    details = models.TextField(_("more about the place"), blank=True)

    class Meta:
        ordering = ["-received_on"]

    def __str__(self) -> str:
        return self.reference


class VenueType(models.TextChoices):
    PUB = "pub", _("Pub")
    BAR = "bar", _("Bar")
    NIGHTCLUB = "nightclub", _("Nightclub")
    RESTAURANT = "restaurant", _("Restaurant")
    TAKEAWAY = "takeaway", _("Late-night takeaway")
    VENUE = "venue", _("Music or event venue")
    OTHER = "other", _("Other licensed premises")


class Scheme(models.TextChoices):
    ASK_FOR_ANGELA = "ask_for_angela", _("Ask for Angela")
    WAVE = "wave", _("Staff trained in welfare and vulnerability (WAVE)")
    BEST_BAR_NONE = "best_bar_none", _("Best Bar None")
    SAFE_HAVEN = "safe_haven", _("Safe haven")


class Venue(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    venue_type = models.CharField(_("type"), max_length=16, choices=VenueType.choices)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    easting = models.FloatField()
    northing = models.FloatField()
    opening_hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    schemes = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def scheme_labels(self) -> list[str]:
        return [str(Scheme(code).label) for code in self.schemes if code in Scheme.values]


class Campaign(models.Model):
    """An awareness or education campaign, so reporting confidence can be read against it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("name of the campaign"), max_length=200)
    what = models.TextField(_("what it did"))
    where = models.CharField(_("where"), max_length=200)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    reach = models.PositiveIntegerField(_("people reached"), default=0)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.title
