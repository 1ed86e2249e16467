"""Domestic Homicide Reviews (Domestic Abuse Related Death Reviews): one per core.Case of kind "dhr".

The deceased and others are core.CaseParticipants of the case, so they inherit the case's restriction;
nothing here holds a name except the free text the panel writes, which is reached only through the case.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Case
from partnership.models import Agency
from reviews.models.sent_reminder import SentReminder


class DhrStage(models.TextChoices):
    AWAITING_DECISION = "awaiting_decision", _("Awaiting decision")
    NOT_HELD = "not_held", _("Decided not to hold a review")
    IN_PROGRESS = "in_progress", _("Review in progress")
    WITH_QA = "with_qa", _("With Home Office quality assurance")
    REVISING = "revising", _("Revising after feedback")
    PUBLISHED = "published", _("Published: action plan being delivered")
    COMPLETE = "complete", _("Complete")


class Theme(models.TextChoices):
    """Recurring themes of review findings, so learning can be found across reviews."""

    COERCIVE_CONTROL = "coercive_control", _("Coercive and controlling behaviour")
    RISK_ASSESSMENT = "risk_assessment", _("Risk assessment and DASH")
    INFORMATION_SHARING = "information_sharing", _("Information sharing between agencies")
    MARAC = "marac", _("MARAC referral and actions")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    SUBSTANCE_USE = "substance_use", _("Alcohol and drug use")
    SUICIDE = "suicide", _("Suicide and self-harm")
    OLDER_PEOPLE = "older_people", _("Older victims and adult safeguarding")
    CHILDREN = "children", _("Children in the household")
    PROFESSIONAL_CURIOSITY = "professional_curiosity", _("Professional curiosity")
    HEALTH = "health", _("GP and health services")
    HOUSING = "housing", _("Housing")
    TRAINING = "training", _("Training and awareness")
    OTHER = "other", _("Other")


class DomesticHomicideReview(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="dhr")
    stage = models.CharField(max_length=32, choices=DhrStage.choices, default=DhrStage.AWAITING_DECISION)
    notified_on = models.DateField(_("date the partnership was notified"))
    notifying_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+",
                                         verbose_name=_("agency that notified"))
    date_of_death = models.DateField(_("date of death"), null=True, blank=True)
    decision_on = models.DateField(_("date of decision"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    home_office_notified_on = models.DateField(_("date the Home Office was told"), null=True, blank=True)
    chair_name = models.CharField(_("independent chair"), max_length=200, blank=True)
    chair_appointed_on = models.DateField(_("date the chair was appointed"), null=True, blank=True)
    terms_of_reference = models.TextField(_("terms of reference"), blank=True)
    terms_agreed_on = models.DateField(_("date terms of reference were agreed"), null=True, blank=True)
    family_contacted_on = models.DateField(_("date the family was first contacted"), null=True, blank=True)
    family_involvement = models.TextField(_("family involvement"), blank=True)
    draft_version = models.PositiveSmallIntegerField(_("latest draft"), default=0)
    draft_on = models.DateField(_("date of latest draft"), null=True, blank=True)
    qa_submitted_on = models.DateField(_("date sent to Home Office quality assurance"), null=True, blank=True)
    qa_feedback_on = models.DateField(_("date feedback received"), null=True, blank=True)
    qa_feedback = models.TextField(_("quality assurance feedback"), blank=True)
    published_on = models.DateField(_("date published"), null=True, blank=True)
    completed_on = models.DateField(_("date action plan completed"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-notified_on", "-id"]

    def __str__(self) -> str:
        return self.case.reference

    # Named transitions: each checks where the review may come from.

    def _move(self, allowed: set[str], to: str) -> None:
        if self.stage not in allowed:
            raise ValidationError(_("This cannot be done while the review is: %s") % self.get_stage_display())
        self.stage = to

    def decide(self, *, hold: bool, on: object, reasons: str) -> None:
        self._move({DhrStage.AWAITING_DECISION}, DhrStage.IN_PROGRESS if hold else DhrStage.NOT_HELD)
        self.decision_on, self.decision_reasons = on, reasons

    def submit_to_qa(self, *, on: object) -> None:
        self._move({DhrStage.IN_PROGRESS, DhrStage.REVISING}, DhrStage.WITH_QA)
        self.qa_submitted_on = on

    def receive_qa_feedback(self, *, on: object, feedback: str) -> None:
        self._move({DhrStage.WITH_QA}, DhrStage.REVISING)
        self.qa_feedback_on, self.qa_feedback = on, feedback

    def publish(self, *, on: object) -> None:
        self._move({DhrStage.REVISING}, DhrStage.PUBLISHED)
        self.published_on = on

    def complete(self, *, on: object) -> None:
        self._move({DhrStage.PUBLISHED}, DhrStage.COMPLETE)
        self.completed_on = on


class AgencyReportKind(models.TextChoices):
    CHRONOLOGY = "chronology", _("Chronology")
    IMR = "imr", _("Individual management review")


class AgencyReport(models.Model):
    """An agency asked for a chronology or an individual management review (IMR)."""

    review = models.ForeignKey(DomesticHomicideReview, on_delete=models.CASCADE, related_name="agency_reports")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("agency"))
    kind = models.CharField(_("what was asked for"), max_length=16, choices=AgencyReportKind.choices)
    requested_on = models.DateField(_("date asked"))
    due_on = models.DateField(_("due date"))
    received_on = models.DateField(_("date received"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [models.UniqueConstraint(fields=["review", "agency", "kind"], name="one_report_per_agency")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.agency}"


class RecommendationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class Recommendation(models.Model):
    """A lesson or recommendation from a review; recommendations with an owner form its action plan."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    review = models.ForeignKey(DomesticHomicideReview, on_delete=models.CASCADE, related_name="recommendations")
    theme = models.CharField(_("theme"), max_length=32, choices=Theme.choices)
    lesson = models.TextField(_("lesson learned"), help_text=_("Without names or details that identify anyone"))
    recommendation = models.TextField(_("recommendation"), blank=True)
    owner_agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("agency responsible"))
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(max_length=8, choices=RecommendationStatus.choices, default=RecommendationStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    evidence = models.TextField(_("evidence it was done"), blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_theme_display()} ({self.review})"


class ReminderSent(SentReminder):
    """A reminder queued for a review's milestone."""

    review = models.ForeignKey(DomesticHomicideReview, on_delete=models.CASCADE, related_name="reminders")

    class Meta(SentReminder.Meta):
        constraints = [models.UniqueConstraint(fields=["review", "milestone", "due_on", "kind"],
                                               name="one_reminder_per_deadline")]
