"""Imported open and partner data for analysis. No personal data: police.uk records are already anonymised
to map points, and partner imports keep only when, where and what."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    STREET = "street", _("police.uk street-level crime and ASB")
    OUTCOMES = "outcomes", _("police.uk outcomes")
    PARTNER = "partner", _("Partner incidents")


class ImportBatch(models.Model):
    """One file imported: what was read, what was kept, and why any row was not."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=16, choices=ImportKind.choices)
    file_name = models.CharField(max_length=255)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    already_imported = models.PositiveIntegerField(default=0)
    bad_rows = models.PositiveIntegerField(default=0)
    outside_area = models.PositiveIntegerField(default=0)
    by_type = models.JSONField(default=dict)
    # The first problems found, with line numbers; the command prints all of them.
    problems = models.JSONField(default=list)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_kind_display()})"


class ImportedSlice(models.Model):
    """A force's month of one kind of file, loaded once. Re-importing it adds nothing."""

    kind = models.CharField(max_length=16, choices=ImportKind.choices)
    force = models.CharField(max_length=100)
    month = models.DateField()
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="slices")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "force", "month"], name="analytics_slice_once")]

    def __str__(self) -> str:
        return f"{self.force} {self.month:%Y-%m} ({self.kind})"


class StreetRecord(models.Model):
    """A police.uk street-level crime or ASB incident, with its map point in British National Grid metres."""

    # Millions of rows arrive by COPY in the transaction that creates their batch, and nothing else writes them,
    # so there is no database constraint: PostgreSQL would queue a deferred check per row, about a third of the
    # import's database time. Deleting a batch still deletes its rows (Django's on_delete).
    # Nor an index on it or on month alone: every query filters in_area and month, which the index below covers,
    # and each extra index was a tenth of the database's time per row.
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="+", db_constraint=False,
                              db_index=False)
    month = models.DateField()
    crime_id = models.CharField(max_length=64, blank=True)
    force = models.CharField(max_length=100)
    longitude = models.FloatField(null=True)
    latitude = models.FloatField(null=True)
    easting = models.FloatField(null=True)
    northing = models.FloatField(null=True)
    location = models.CharField(max_length=200, blank=True)
    lsoa_code = models.CharField(max_length=12, blank=True)
    lsoa_name = models.CharField(max_length=100, blank=True)
    crime_type = models.CharField(max_length=64)  # queried with in_area and month: the index below
    last_outcome = models.CharField(max_length=120, blank=True)
    in_area = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["in_area", "month", "crime_type"])]

    def __str__(self) -> str:
        return f"{self.crime_type} {self.month:%Y-%m}"


class OutcomeRecord(models.Model):
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="+", db_constraint=False,
                              db_index=False)  # as above
    month = models.DateField(db_index=True)
    crime_id = models.CharField(max_length=64)
    force = models.CharField(max_length=100)
    easting = models.FloatField(null=True)
    northing = models.FloatField(null=True)
    lsoa_code = models.CharField(max_length=12, blank=True)
    lsoa_name = models.CharField(max_length=100, blank=True)
    outcome_type = models.CharField(max_length=120)
    in_area = models.BooleanField(default=True)

    class Meta:
        indexes = [models.Index(fields=["crime_id"])]  # exact matches only: no pattern-ops twin

    def __str__(self) -> str:
        return self.outcome_type


class PartnerIncident(models.Model):
    """A partner's incident (fire, council, health) imported from CSV with a column mapping: when, where, what."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=100)
    source_reference = models.CharField(max_length=100)
    occurred_at = models.DateTimeField(db_index=True)
    category = models.CharField(max_length=100)
    easting = models.FloatField(null=True)
    northing = models.FloatField(null=True)
    in_area = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "source_reference"], name="analytics_partner_once")
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.source_reference}"
