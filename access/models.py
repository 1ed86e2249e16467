"""Records the access policy relies on: break-glass grants, the lawful basis for sharing a person's data, and
the information sharing agreements between agencies."""

import uuid
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
    ENCOMPASS = "encompass", _("Operation Encompass notifications to schools")


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


class SharingAgreement(models.Model):
    """An information sharing agreement between partner agencies (ICO data sharing code): who shares what,
    for which purposes, on which lawful bases, and from when until when.

    Whether it covers a given sharing today is decided by ``access.rules``; its status is never stored."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    reference = models.CharField(
        _("reference"), max_length=50, unique=True, help_text=_("The partnership's own reference, for example ISA-014")
    )
    owner_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="owned_sharing_agreements",
        verbose_name=_("agency that owns the agreement"),
    )
    parties = models.ManyToManyField("partnership.Agency", related_name="sharing_agreements",
                                     verbose_name=_("agencies that have signed it"))
    purposes = models.JSONField(_("purposes"), default=list, help_text=_("SharingPurpose values"))
    lawful_bases = models.JSONField(_("lawful bases"), default=list, help_text=_("LawfulBasis values"))
    legal_conditions = models.TextField(
        _("UK GDPR and DPA 2018 conditions"), blank=True,
        help_text=_("For example, Art 6(1)(e); Art 9(2)(g) with DPA 2018 Sch 1 para 18; Art 10 with Sch 1 para 10"),
    )
    data_shared = models.TextField(_("data shared"))
    starts_on = models.DateField(_("start date"))
    review_on = models.DateField(_("review date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True,
                               help_text=_("The agreement covers no sharing from this day"))
    document_link = models.URLField(_("link to the signed document"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["review_on", "reference"]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("access:agreement_detail", args=[self.public_id])

    @property
    def purpose_labels(self) -> list[str]:
        return [str(SharingPurpose(code).label) for code in self.purposes if code in SharingPurpose.values]

    @property
    def lawful_basis_labels(self) -> list[str]:
        return [str(LawfulBasis(code).label) for code in self.lawful_bases if code in LawfulBasis.values]
