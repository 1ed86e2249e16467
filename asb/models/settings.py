from django.db import models
from django.utils.translation import gettext_lazy as _

from asb.config import DEFAULT_CONFIG, AsbConfig, LocalThreshold

_D = DEFAULT_CONFIG


class AsbSettings(models.Model):
    """The partnership's own ASB numbers (one row). Missing row → the defaults from the domain notes."""

    repeat_min_incidents = models.PositiveSmallIntegerField(default=_D.repeat_min_incidents)
    repeat_window_days = models.PositiveSmallIntegerField(default=_D.repeat_window_days)
    threshold_min_complaints = models.PositiveSmallIntegerField(default=_D.threshold_min_complaints)
    complaint_within_months = models.PositiveSmallIntegerField(default=_D.complaint_within_months)
    application_within_months = models.PositiveSmallIntegerField(default=_D.application_within_months)
    hate_threshold = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("A lower number of complaints for hate-motivated behaviour, if any"))
    vulnerable_threshold = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("A lower number of complaints for a vulnerable victim, if any"))
    acknowledge_working_days = models.PositiveSmallIntegerField(default=_D.acknowledge_working_days)
    threshold_decision_working_days = models.PositiveSmallIntegerField(default=_D.threshold_decision_working_days)
    tell_applicant_working_days = models.PositiveSmallIntegerField(default=_D.tell_applicant_working_days)
    hold_review_working_days = models.PositiveSmallIntegerField(default=_D.hold_review_working_days)
    send_outcome_working_days = models.PositiveSmallIntegerField(default=_D.send_outcome_working_days)
    escalation_request_working_days = models.PositiveSmallIntegerField(default=_D.escalation_request_working_days)
    escalation_decision_working_days = models.PositiveSmallIntegerField(default=_D.escalation_decision_working_days)
    escalation_body = models.CharField(max_length=200, default=_D.escalation_body)
    risk_medium_from = models.PositiveSmallIntegerField(default=_D.risk_medium_from)
    risk_high_from = models.PositiveSmallIntegerField(default=_D.risk_high_from)
    effect_window_days = models.PositiveSmallIntegerField(default=_D.effect_window_days)

    class Meta:
        verbose_name = _("ASB settings")
        verbose_name_plural = _("ASB settings")

    def __str__(self) -> str:
        return str(_("ASB settings"))

    def to_config(self) -> AsbConfig:
        names = [f.name for f in self._meta.fields if f.name not in ("id", "hate_threshold", "vulnerable_threshold")]
        local = []
        if self.hate_threshold:
            local.append(LocalThreshold("hate", self.hate_threshold, "local rule for hate-motivated behaviour"))
        if self.vulnerable_threshold:
            local.append(LocalThreshold("vulnerable", self.vulnerable_threshold, "local rule for a vulnerable victim"))
        return AsbConfig(**{name: getattr(self, name) for name in names}, local_thresholds=tuple(local))


def current_config() -> AsbConfig:
    row = AsbSettings.objects.first()
    return row.to_config() if row is not None else DEFAULT_CONFIG
