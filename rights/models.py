"""Requests from data subjects under UK GDPR: access (Art 15), rectification (Art 16) and erasure (Art 17)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import Person


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    COMPLETE = "complete", _("Complete")


class RightsRequest(models.Model):
    """What every request from a data subject has: a reference, the dates that set its deadline, its state."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(max_length=32, unique=True, editable=False)
    received_on = models.DateField(_("date the request was received"))
    due_on = models.DateField(_("response due"))
    status = models.CharField(max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    completed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.reference


class SubjectAccessRequest(RightsRequest):
    """A person asked for a copy of what the partnership holds about them."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="access_requests")
    extended = models.BooleanField(default=False)
    extension_reason = models.TextField(_("why more time is needed"), blank=True)
    completed_on = models.DateField(_("date the response was sent"), null=True, blank=True)


class PersonField(models.TextChoices):
    """The person record's fields a rectification may change."""

    GIVEN_NAME = "given_name", _("First name")
    FAMILY_NAME = "family_name", _("Last name")
    OTHER_NAMES = "other_names", _("Other names or aliases")
    GENDER = "gender", _("Gender")
    DATE_OF_BIRTH = "date_of_birth", _("Date of birth")
    ADDRESS = "address", _("Address")
    POSTCODE = "postcode", _("Postcode")
    PHONE = "phone", _("Phone number")
    EMAIL = "email", _("Email address")
    SAFE_CONTACT = "safe_contact", _("Safe contact instructions")
    VULNERABILITIES = "vulnerabilities", _("Health and vulnerability notes")


class RectificationRequest(RightsRequest):
    """A person says a detail we hold about them is wrong. The correction goes through ``do_rectify_person``."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="rectification_requests")
    field = models.CharField(_("which detail is wrong"), max_length=32, choices=PersonField.choices)
    what_is_wrong = models.TextField(_("what is wrong"))
    corrected_value = models.TextField(_("what it should be"))
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )


class ErasureDecision(models.TextChoices):
    UNDECIDED = "", _("Not decided yet")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class RefusalGround(models.TextChoices):
    """UK GDPR Art 17(3) and DPA 2018: when the right to erasure does not apply."""

    STATUTORY_FUNCTION = "statutory_function", _("Needed for a statutory function or task in the public interest")
    LEGAL_HOLD = "legal_hold", _("A legal hold applies, or the records are needed for legal claims")
    LEGAL_OBLIGATION = "legal_obligation", _("The law requires us to keep the records")
    SAFEGUARDING = "safeguarding", _("Needed to protect someone from harm (safeguarding)")
    PUBLIC_HEALTH = "public_health", _("Needed for public health")


class ErasureRequest(RightsRequest):
    """A person asked for their records to be erased: assessed, then granted (and actioned) or refused."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="erasure_requests")
    grounds = models.TextField(_("why the person asks for erasure"))
    decision = models.CharField(max_length=16, choices=ErasureDecision.choices, blank=True)
    refusal_ground = models.CharField(_("ground for refusal"), max_length=32, choices=RefusalGround.choices, blank=True)
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta(RightsRequest.Meta):
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision="refused") | ~models.Q(refusal_ground=""),
                name="rights_refusal_has_ground",
            )
        ]

    @property
    def awaiting_erasure(self) -> bool:
        return self.decision == ErasureDecision.GRANTED and self.status == RequestStatus.OPEN
