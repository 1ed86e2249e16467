"""Hate incident reports: from the public, from third-party reporting centres and from staff.

A report is not a core Case: most reports are triaged, answered and closed without multi-agency casework.
When casework is needed, triage opens or links a shared Case of kind "hate".
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case, RiskLevel
from intake.models import OutboundMessage
from partnership.models import Agency


class ReportStatus(models.TextChoices):
    NEW = "new", _("New")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSIGNED = "assigned", _("Assigned")
    WITH_POLICE = "with_police", _("With police")
    CLOSED = "closed", _("Closed")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online form")
    THIRD_PARTY = "third_party", _("Third-party reporting centre")
    STAFF = "staff", _("Staff-entered")
    PHONE = "phone", _("Phone")


class ReporterRole(models.TextChoices):
    VICTIM = "victim", _("It happened to me")
    WITNESS = "witness", _("I saw it happen")
    ON_BEHALF = "on_behalf", _("I am reporting for someone else")


class Target(models.TextChoices):
    ME = "me", _("Me")
    SOMEONE_ELSE = "someone_else", _("Someone else")
    GROUP = "group", _("A group of people")
    PROPERTY = "property", _("A building or property")


class LocationKind(models.TextChoices):
    PLACE = "place", _("At a place")
    ONLINE = "online", _("Online")


class PoliceConsent(models.TextChoices):
    NO = "no", _("No, do not pass it to the police")
    ANONYMOUS = "anonymous", _("Yes, but without my name or contact details")
    WITH_DETAILS = "with_details", _("Yes, with my name and contact details")


class ContactPreference(models.TextChoices):
    NONE = "none", _("Do not contact me")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")


class Classification(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    CRIME = "crime", _("Hate crime")
    INCIDENT = "incident", _("Hate incident (not a crime)")


class HateReport(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=32, unique=True, editable=False)
    secret_hash = models.CharField(max_length=128, editable=False)
    channel = models.CharField(max_length=16, choices=Channel.choices, default=Channel.ONLINE, db_index=True)
    status = models.CharField(max_length=16, choices=ReportStatus.choices, default=ReportStatus.NEW, db_index=True)
    suspected_spam = models.BooleanField(default=False, help_text=_("The hidden spam trap was filled in"))

    # What the reporter told us
    reporter_role = models.CharField(max_length=16, choices=ReporterRole.choices)
    what_happened = models.TextField()
    occurred_on = models.DateField(null=True, blank=True)
    occurred_time = models.CharField(max_length=60, blank=True)
    ongoing = models.BooleanField(default=False)
    location_kind = models.CharField(max_length=8, choices=LocationKind.choices)
    location_text = models.CharField(max_length=200, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    # A pin on the map (public journey, with JavaScript): for staff only, never shown publicly.
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    locality = models.CharField(max_length=8, blank=True, db_index=True, help_text=_("Postcode district"))
    platform = models.CharField(max_length=100, blank=True)
    target = models.CharField(max_length=16, choices=Target.choices)
    strands = models.JSONField(default=list)
    incident_types = models.JSONField(default=list)
    impact = models.TextField(blank=True)
    help_wanted = models.JSONField(default=list)
    already_reported = models.BooleanField(default=False)
    reporter_police_reference = models.CharField(max_length=40, blank=True)
    police_consent = models.CharField(max_length=16, choices=PoliceConsent.choices)
    contact_preference = models.CharField(max_length=8, choices=ContactPreference.choices)
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    safe_times = models.CharField(max_length=200, blank=True)
    safe_to_leave_message = models.BooleanField(default=False)
    equality = models.JSONField(default=dict, blank=True)

    # Third-party reporting centres
    reporting_centre = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="hate_reports_submitted"
    )
    reported_via = models.CharField(max_length=100, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Triage
    classification = models.CharField(max_length=16, choices=Classification.choices, blank=True)
    risk_level = models.CharField(max_length=16, choices=RiskLevel.choices, default=RiskLevel.NOT_ASSESSED)
    repeat_victim = models.BooleanField(default=False)
    vulnerability = models.TextField(blank=True)
    assigned_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="hate_reports_assigned"
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="hate_reports"
    )
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="hate_reports")
    police_reference = models.CharField(max_length=40, blank=True)
    outcome = models.TextField(blank=True)

    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    first_contact_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["email"]), models.Index(fields=["phone"])]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("hate_crime:report_detail", args=[self.public_id])

    @property
    def is_anonymous(self) -> bool:
        return not (self.name or self.email or self.phone)


class ReportUpdate(models.Model):
    """A line in the report's history. Only updates written for the reporter are ever shown to them."""

    class Kind(models.TextChoices):
        FOR_REPORTER = "for_reporter", _("Update for the person who reported")
        INTERNAL = "internal", _("Internal note")
        FROM_REPORTER = "from_reporter", _("More information from the person who reported")

    report = models.ForeignKey(HateReport, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.report}"


class PoliceDestination(models.Model):
    """Where reports for a police agency go: its configured email address or JSON webhook."""

    class Method(models.TextChoices):
        EMAIL = "email", _("Email")
        WEBHOOK = "webhook", _("JSON webhook")

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="hate_destinations")
    method = models.CharField(max_length=8, choices=Method.choices)
    address = models.CharField(max_length=500, help_text=_("An email address, or an https URL for a webhook"))
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["agency__name", "method"]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_method_display()})"


class PoliceReferral(models.Model):
    """One sending of a report to the police, with the outbox message that carries it."""

    report = models.ForeignKey(HateReport, on_delete=models.CASCADE, related_name="referrals")
    destination = models.ForeignKey(PoliceDestination, on_delete=models.PROTECT, related_name="+")
    message = models.ForeignKey(OutboundMessage, on_delete=models.PROTECT, related_name="+")
    with_details = models.BooleanField()
    sharing_agreement = models.ForeignKey(
        "access.SharingAgreement", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text=_("The information sharing agreement the referral relied on"),
    )
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Referral of {self.report}"


class ReportingFeedback(models.Model):
    """The two optional questions after a report: the partnership's reporting-confidence measure.

    Kept apart from the report's content (only its channel), so the measure says nothing about anyone."""

    report = models.OneToOneField(HateReport, null=True, on_delete=models.SET_NULL, related_name="feedback")
    channel = models.CharField(max_length=16, choices=Channel.choices)
    ease = models.PositiveSmallIntegerField()
    confidence = models.PositiveSmallIntegerField()
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self) -> str:
        return f"Feedback {self.pk}"
