"""The ASB Case Review (ABCPA 2014 s.104): the application, its complaints, the review and its outcome."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case, Meeting
from partnership.models import Agency


class ApplicationChannel(models.TextChoices):
    ONLINE = "online", _("Online")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter or email")


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    THRESHOLD_MET = "threshold_met", _("Threshold met: review to be held")
    THRESHOLD_NOT_MET = "threshold_not_met", _("Threshold not met")
    REVIEW_HELD = "review_held", _("Review held")
    OUTCOME_SENT = "outcome_sent", _("Outcome sent")


class EscalationStatus(models.TextChoices):
    NONE = "none", _("Not asked for")
    REQUESTED = "requested", _("Asked for")
    UPHELD = "upheld", _("Upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")


# The allowed moves; transition functions in asb.actions check them (one place for "decide the threshold").
TRANSITIONS: dict[str, set[str]] = {
    ApplicationStatus.RECEIVED: {ApplicationStatus.THRESHOLD_MET, ApplicationStatus.THRESHOLD_NOT_MET},
    ApplicationStatus.THRESHOLD_MET: {ApplicationStatus.REVIEW_HELD},
    ApplicationStatus.REVIEW_HELD: {ApplicationStatus.OUTCOME_SENT},
    ApplicationStatus.THRESHOLD_NOT_MET: set(),
    ApplicationStatus.OUTCOME_SENT: set(),
}


class CaseReviewApplication(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=32, unique=True, editable=False)
    secret_hash = models.CharField(max_length=200, blank=True, editable=False)
    channel = models.CharField(max_length=16, choices=ApplicationChannel.choices, default=ApplicationChannel.ONLINE)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    applicant_is_victim = models.BooleanField(_("the applicant is the victim"), default=True)
    applicant_name = models.CharField(_("applicant's name"), max_length=200)
    applicant_email = models.EmailField(_("applicant's email"), blank=True)
    applicant_phone = models.CharField(_("applicant's phone"), max_length=30, blank=True)
    victim_name = models.CharField(_("victim's name"), max_length=200, blank=True)
    victim_consent = models.BooleanField(_("the victim agrees to the application"), default=False)
    address = models.CharField(_("where it happens"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    behaviour = models.TextField(_("the behaviour"))
    impact = models.TextField(_("the impact"))
    hate_motivated = models.BooleanField(_("hate-motivated"), default=False)
    vulnerable = models.BooleanField(_("the victim is vulnerable"), default=False)
    status = models.CharField(max_length=24, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED)
    lead_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    acknowledged_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decision_lines = models.TextField(blank=True)
    told_on = models.DateField(null=True, blank=True)
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewed_on = models.DateField(null=True, blank=True)
    outcome_letter = models.TextField(_("outcome letter"), blank=True)
    outcome_sent_on = models.DateField(null=True, blank=True)
    escalation_status = models.CharField(max_length=16, choices=EscalationStatus.choices,
                                         default=EscalationStatus.NONE)
    escalation_requested_on = models.DateField(null=True, blank=True)
    escalation_grounds = models.TextField(blank=True)
    escalation_decided_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.reference

    def clean(self) -> None:
        if not self.applicant_is_victim and not self.victim_consent:
            raise ValidationError(_("An application on someone's behalf needs the victim's agreement"))

    @property
    def made_recommendations(self) -> bool:
        return self.recommendations.exists()


class ApplicationComplaint(models.Model):
    application = models.ForeignKey(CaseReviewApplication, on_delete=models.CASCADE, related_name="complaints")
    behaviour_on = models.DateField(_("date of the behaviour"))
    complained_on = models.DateField(_("date you reported it"))
    agency_name = models.CharField(_("who you reported it to"), max_length=200)
    agency_reference = models.CharField(_("their reference"), max_length=64, blank=True)

    class Meta:
        ordering = ["behaviour_on", "id"]

    def __str__(self) -> str:
        return f"Complaint {self.pk}"


class InformationRequest(models.Model):
    application = models.ForeignKey(CaseReviewApplication, on_delete=models.CASCADE,
                                    related_name="information_requests")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    asked_for = models.TextField(_("information asked for"))
    requested_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField(_("due date"))
    received_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Information request {self.pk}"


class Recommendation(models.Model):
    application = models.ForeignKey(CaseReviewApplication, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    owner_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    due_on = models.DateField(_("due date"))
    completed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Recommendation {self.pk}"
