"""The partnership's strategy as data: priorities, measures, action plans, indicators, targets and values."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency


class Priority(models.Model):
    code = models.SlugField(unique=True)
    title = models.CharField(_("priority"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name_plural = "priorities"

    def __str__(self) -> str:
        return self.title


class Measure(models.Model):
    """One of the strategy's measures (objectives), with the agency and role that owns it."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="measures")
    text = models.CharField(_("measure"), max_length=300)
    owner_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_role = models.CharField(_("owner (role)"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["priority__position", "position", "id"]

    def __str__(self) -> str:
        return self.text


class PlanAction(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=200)
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    due_on = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    class Unit(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENT = "percent", _("Per cent")
        RATE = "rate", _("Rate")
        SCORE = "score", _("Score")

    code = models.SlugField(unique=True)
    measure = models.ForeignKey(Measure, null=True, blank=True, on_delete=models.SET_NULL, related_name="indicators")
    label = models.CharField(_("indicator"), max_length=200)
    definition = models.TextField(_("definition"))
    unit = models.CharField(max_length=8, choices=Unit.choices, default=Unit.COUNT)
    higher_is_better = models.BooleanField(default=True)
    target = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    amber_margin_percent = models.DecimalField(
        max_digits=5, decimal_places=1, default=10,
        help_text=_("How far from the target (as a percentage of it) still counts as amber"))
    # Counts about people are suppressed below 5 outside casework; rates and scores are not counts of people.
    is_count_of_people = models.BooleanField(default=False)

    class Meta:
        ordering = ["measure__priority__position", "measure__position", "code"]

    def __str__(self) -> str:
        return self.label


class IndicatorValue(models.Model):
    """A quarterly figure entered by hand, with where it came from."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    quarter_start = models.DateField()
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source = models.CharField(_("source"), max_length=200, help_text=_("Where the figure comes from"))
    source_date = models.DateField(_("date of the source"))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-quarter_start"]
        constraints = [models.UniqueConstraint(fields=["indicator", "quarter_start"], name="one_value_per_quarter")]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.quarter_start}: {self.value}"


class Narrative(models.Model):
    """The board report's narrative box for one priority and quarter."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="narratives")
    quarter_start = models.DateField()
    text = models.TextField(_("narrative"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["priority", "quarter_start"], name="one_narrative_per_quarter")]

    def __str__(self) -> str:
        return f"{self.priority} {self.quarter_start}"
