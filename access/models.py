"""Records the access policy relies on: break-glass grants and the lawful basis for sharing a person's data."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BREAK_GLASS_HOURS = 8


def _break_glass_expiry():  # noqa: ANN202 - Django default callable
    return timezone.now() + timedelta(hours=BREAK_GLASS_HOURS)


class BreakGlassGrant(models.Model):
    """A coordinator opened a case they are not on the team for, giving a reason. Shown on the case."""

    case = models.ForeignKey("core.Case", on_delete=models.CASCADE, related_name="break_glass_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_break_glass_expiry)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Break glass on {self.case} by {self.user}"


class SharingPurpose(models.TextChoices):
    CASE_TEAM = "case_team", _("Multi-agency case work (sharing with the case team)")
    REFERRAL = "referral", _("Referral to a partner agency or service")


class LawfulBasis(models.TextChoices):
    CONSENT = "consent", _("The person has consented")
    SAFEGUARDING = "safeguarding", _("Safeguarding a child or adult at risk (DPA 2018 Sch 1 para 18)")
    PREVENT_CRIME = "prevent_crime", _("Preventing or detecting crime (DPA 2018 Sch 1 para 10; CDA 1998 s.115)")
    STATUTORY = "statutory", _("A statutory duty or function (DPA 2018 Sch 1 para 6)")
    VITAL_INTERESTS = "vital_interests", _("Protecting someone's life (UK GDPR Art 6(1)(d), Art 9(2)(c))")


class SharingBasis(models.Model):
    """A person's consent, or the lawful basis recorded for sharing without it, for one purpose."""

    person = models.ForeignKey("core.Person", on_delete=models.CASCADE, related_name="sharing_bases")
    purpose = models.CharField(_("purpose"), max_length=32, choices=SharingPurpose.choices)
    basis = models.CharField(_("lawful basis"), max_length=32, choices=LawfulBasis.choices)
    explanation = models.TextField(_("why this basis applies"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} for {self.get_purpose_display()}"
