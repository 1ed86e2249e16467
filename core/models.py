"""The shared case file: people, cases and their teams, incidents, actions, notes, meetings, attachments."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnership.models import Agency


class RiskLevel(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("Not assessed")
    STANDARD = "standard", _("Standard")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class CaseStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ON_HOLD = "on_hold", _("On hold")
    CLOSED = "closed", _("Closed")


class ParticipantRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    PERPETRATOR = "perpetrator", _("Perpetrator or alleged perpetrator")
    CHILD = "child", _("Child")
    WITNESS = "witness", _("Witness")
    SUBJECT = "subject", _("Subject of concern")
    OTHER = "other", _("Other")


class IncidentCategory(models.TextChoices):
    ASB_PERSONAL = "asb_personal", _("Antisocial behaviour – personal")
    ASB_NUISANCE = "asb_nuisance", _("Antisocial behaviour – nuisance")
    ASB_ENVIRONMENTAL = "asb_environmental", _("Antisocial behaviour – environmental")
    DOMESTIC_ABUSE = "domestic_abuse", _("Domestic abuse")
    HATE = "hate", _("Hate crime or incident")
    VIOLENCE = "violence", _("Violence against the person")
    SEXUAL_OFFENCE = "sexual_offence", _("Sexual offence")
    CRIMINAL_DAMAGE = "criminal_damage", _("Criminal damage or arson")
    PUBLIC_ORDER = "public_order", _("Public order")
    DRUGS = "drugs", _("Drugs")
    FIRE = "fire", _("Deliberate fire")
    TENSION = "tension", _("Community tension")
    OTHER = "other", _("Other")


class Person(models.Model):
    """A data subject. Never listed on its own: staff reach a person through a case they may see."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    given_name = models.CharField(_("first name"), max_length=100)
    family_name = models.CharField(_("last name"), max_length=100, blank=True)
    other_names = models.CharField(_("other names or aliases"), max_length=200, blank=True)
    gender = models.CharField(_("gender"), max_length=50, blank=True)
    # Sensitive fields: shown only to those who need them (access.policy.SENSITIVE_PERSON_FIELDS).
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    safe_contact = models.TextField(
        _("safe contact instructions"), blank=True, help_text=_("When and how it is safe to make contact")
    )
    vulnerabilities = models.TextField(_("health and vulnerability notes"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [models.Index(fields=["family_name", "given_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


class Case(models.Model):
    kind = models.CharField(_("kind"), max_length=32, db_index=True)
    reference = models.CharField(_("reference"), max_length=32, unique=True, editable=False)
    title = models.CharField(
        _("summary"), max_length=200, help_text=_("A short description, without names or addresses")
    )
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    risk_level = models.CharField(
        _("risk level"), max_length=16, choices=RiskLevel.choices, default=RiskLevel.NOT_ASSESSED
    )
    lead_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="led_cases")
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="led_cases"
    )
    restricted = models.BooleanField(
        _("restricted"), default=False, help_text=_("Only named members of the case team can see it")
    )
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["status", "kind"])]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("core:case_detail", args=[self.reference])

    @property
    def kind_info(self):  # noqa: ANN201 - returns core.kinds.CaseKind
        from core.kinds import get_kind

        return get_kind(self.kind)

    @property
    def kind_label(self) -> str:
        return str(self.kind_info.label)

    @property
    def is_restricted(self) -> bool:
        return self.restricted or self.kind_info.restricted


class ReferenceCounter(models.Model):
    """The last number used for each reference prefix and year (ASB-2026-00042)."""

    prefix = models.CharField(max_length=16)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="unique_reference_counter")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last_number}"


class CaseTeamMember(models.Model):
    """An agency or a named user on a case team. Membership of the team is what grants access."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="team")
    agency = models.ForeignKey(Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="case_teams"
    )
    sensitive_access = models.BooleanField(
        _("may see sensitive details"),
        default=False,
        help_text=_("Addresses, contact details, dates of birth and vulnerability notes"),
    )
    lawful_basis = models.TextField(_("lawful basis relied on"), blank=True)
    sharing_agreement = models.ForeignKey(
        "access.SharingAgreement", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("information sharing agreement relied on"),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(agency__isnull=False) | models.Q(user__isnull=False),
                name="team_member_is_agency_or_user",
            ),
            models.UniqueConstraint(
                fields=["case", "agency"], condition=models.Q(user__isnull=True), name="unique_team_agency"
            ),
            models.UniqueConstraint(
                fields=["case", "user"], condition=models.Q(user__isnull=False), name="unique_team_user"
            ),
        ]

    def __str__(self) -> str:
        return str(self.user or self.agency)


class CaseParticipant(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(_("role"), max_length=16, choices=ParticipantRole.choices)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "person", "role"], name="unique_participant_role")
        ]
        ordering = ["role", "added_at"]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}) in {self.case}"


class Incident(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    occurred_at = models.DateTimeField(_("when it happened"), db_index=True)
    category = models.CharField(_("category"), max_length=32, choices=IncidentCategory.choices)
    description = models.TextField(_("what happened"))
    source_agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="incidents")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    location_text = models.CharField(_("where it happened"), max_length=200, blank=True)
    external_reference = models.CharField(_("the agency's own reference"), max_length=64, blank=True)
    cases = models.ManyToManyField(Case, related_name="incidents", blank=True)
    people = models.ManyToManyField(Person, related_name="incidents", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-occurred_at"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} on {self.occurred_at:%d %b %Y}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        MARAC = "marac", _("MARAC")
        ASB_PANEL = "asb_panel", _("ASB problem-solving panel")
        CASE_REVIEW = "case_review", _("ASB Case Review")
        CHANNEL = "channel", _("Channel panel")
        DHR_PANEL = "dhr_panel", _("Domestic Homicide Review panel")
        TASKING = "tasking", _("Multi-agency tasking")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    held_at = models.DateTimeField(_("date and time"))
    location = models.CharField(_("where"), max_length=200, blank=True)
    attendees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="meetings", blank=True)
    agencies = models.ManyToManyField(Agency, related_name="meetings", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_at:%d %b %Y})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField(default=0)
    minutes = models.TextField(_("minutes"), blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "case"], name="unique_agenda_case")]

    def __str__(self) -> str:
        return f"{self.case} at {self.meeting}"


class Action(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    title = models.CharField(_("what needs to be done"), max_length=200)
    owner_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="actions", verbose_name=_("agency")
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("person"),
    )
    due_on = models.DateField(_("due date"))
    status = models.CharField(max_length=16, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    outcome = models.TextField(_("outcome"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner_agency__isnull=False) | models.Q(owner_user__isnull=False),
                name="action_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < timezone.localdate()


class Note(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    author_agency = models.ForeignKey(Agency, null=True, on_delete=models.SET_NULL, related_name="+")
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Note on {self.case} at {self.created_at:%d %b %Y %H:%M}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The stored name is random: the original file name may contain personal data.
    return f"attachments/{instance.case_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
