"""Channel panel coordination: one ChannelReferral per core.Case of kind "channel" (restricted to the panel)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case
from partnership.models import Agency
from reviews.models.sent_reminder import SentReminder


class ChannelStage(models.TextChoices):
    RECEIVED = "received", _("Referral received")
    SUPPORT = "support", _("Adopted: support in place")
    NOT_ADOPTED = "not_adopted", _("Not adopted")
    CLOSED = "closed", _("Left Channel: reviews after closure")


class ConsentStatus(models.TextChoices):
    NOT_ASKED = "not_asked", _("Not asked yet")
    GIVEN = "given", _("Given")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ChannelOutcome(models.TextChoices):
    CHANNEL = "channel", _("Channel support")
    POLICE_PCM = "police_pcm", _("Police-led Prevent case management")
    ONWARD = "onward", _("Referred to other services")
    NO_ACTION = "no_action", _("No further action")


class ChannelReferral(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="channel_referral")
    stage = models.CharField(max_length=16, choices=ChannelStage.choices, default=ChannelStage.RECEIVED)
    received_on = models.DateField(_("date received from police"))
    screened_by = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("agency that screened the referral"))
    concern_type = models.CharField(_("type of concern"), max_length=100, blank=True,
                                    help_text=_("For example: extreme right-wing, Islamist, mixed or unclear"))
    outcome = models.CharField(_("panel decision"), max_length=16, choices=ChannelOutcome.choices, blank=True)
    decided_on = models.DateField(_("date of panel decision"), null=True, blank=True)
    consent = models.CharField(_("consent to support"), max_length=16, choices=ConsentStatus.choices,
                               default=ConsentStatus.NOT_ASKED)
    consent_on = models.DateField(_("date consent recorded"), null=True, blank=True)
    consent_by = models.CharField(_("who gave or refused consent"), max_length=100, blank=True,
                                  help_text=_("The person, or a parent or guardian for a child: give the role, "
                                              "not the name"))
    closed_on = models.DateField(_("date the person left Channel"), null=True, blank=True)
    closure_reason = models.TextField(_("why the case closed"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.case.reference

    def _move(self, allowed: set[str], to: str) -> None:
        if self.stage not in allowed:
            raise ValidationError(_("This cannot be done while the case is: %s") % self.get_stage_display())
        self.stage = to

    def decide(self, *, outcome: str, on: object) -> None:
        if outcome == ChannelOutcome.CHANNEL and self.consent != ConsentStatus.GIVEN:
            raise ValidationError(_("Channel support is voluntary: record the person's consent first"))
        to = ChannelStage.SUPPORT if outcome == ChannelOutcome.CHANNEL else ChannelStage.NOT_ADOPTED
        self._move({ChannelStage.RECEIVED}, to)
        self.outcome, self.decided_on = outcome, on

    def close(self, *, on: object, reason: str) -> None:
        self._move({ChannelStage.SUPPORT}, ChannelStage.CLOSED)
        self.closed_on, self.closure_reason = on, reason


class VulnerabilityAssessment(models.Model):
    """The panel's assessment against the vulnerability assessment framework's three headings."""

    referral = models.ForeignKey(ChannelReferral, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("date of assessment"))
    factors = models.JSONField(_("factors present"), default=list)
    engagement_notes = models.TextField(_("engagement with a group, cause or ideology"), blank=True)
    intent_notes = models.TextField(_("intent to cause harm"), blank=True)
    capability_notes = models.TextField(_("capability to cause harm"), blank=True)
    assessed_by = models.ForeignKey("partnership.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"Assessment of {self.referral} on {self.assessed_on}"


class SupportProvision(models.Model):
    referral = models.ForeignKey(ChannelReferral, on_delete=models.CASCADE, related_name="support")
    provider = models.CharField(_("provider"), max_length=200,
                                help_text=_("For example: an intervention provider, school, mentor service"))
    support_type = models.CharField(_("type of support"), max_length=200)
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = ["started_on", "id"]

    def __str__(self) -> str:
        return f"{self.support_type} by {self.provider}"


class PostClosureReview(models.Model):
    referral = models.ForeignKey(ChannelReferral, on_delete=models.CASCADE, related_name="post_closure_reviews")
    months_after_closure = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    completed_on = models.DateField(_("date of review"), null=True, blank=True)
    outcome = models.TextField(_("what the review found"), blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [models.UniqueConstraint(fields=["referral", "months_after_closure"],
                                               name="one_review_per_interval")]

    def __str__(self) -> str:
        return f"{self.months_after_closure}-month review of {self.referral}"


class SupportReview(models.Model):
    """The panel's review of a person while support is in place, at the configured interval."""

    referral = models.ForeignKey(ChannelReferral, on_delete=models.CASCADE, related_name="support_reviews")
    due_on = models.DateField(_("date the review was due"))
    held_on = models.DateField(_("date of review"))
    progress = models.TextField(_("progress since the last review"))
    continue_support = models.BooleanField(_("support continues"), default=True)
    recorded_by = models.ForeignKey("partnership.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"Review during support of {self.referral} on {self.held_on}"


class ChannelReminderSent(SentReminder):
    """A reminder queued for a Channel referral's milestone."""

    referral = models.ForeignKey(ChannelReferral, on_delete=models.CASCADE, related_name="reminders")

    class Meta(SentReminder.Meta):
        constraints = [models.UniqueConstraint(fields=["referral", "milestone", "due_on", "kind"],
                                               name="one_channel_reminder_per_deadline")]
