"""The partner agencies, their staff, and the role each person holds in each agency."""

import hashlib
import secrets

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    COUNCIL = "council", _("Council")
    POLICE = "police", _("Police")
    FIRE = "fire", _("Fire and rescue")
    HEALTH = "health", _("Health")
    PROBATION = "probation", _("Probation")
    VOLUNTARY = "voluntary", _("Voluntary sector")
    REPORTING_CENTRE = "reporting_centre", _("Third-party reporting centre")
    SCHOOL = "school", _("School")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    COORDINATOR = "coordinator", _("Coordinator")
    PRACTITIONER = "practitioner", _("Practitioner")
    ANALYST = "analyst", _("Analyst")
    BOARD = "board", _("Board member")
    REPORTING_CENTRE = "reporting_centre", _("Reporting centre staff")


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    email = models.EmailField(_("shared mailbox"), blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> "User":
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A member of staff of a partner agency. Members of the public never have accounts."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(
        default=False, help_text=_("Can use the administration screens (administrators only).")
    )
    date_joined = models.DateTimeField(default=timezone.now)
    failed_sign_ins = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()


class Membership(models.Model):
    """A user's role in one agency. Roles are rows: a user may hold several."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=32, choices=Role.choices)
    panels = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Restricted case kinds this person sits on the panel for, comma-separated (e.g. marac)."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="unique_membership_role")
        ]
        ordering = ["agency__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}, {self.agency}"

    def panel_kinds(self) -> set[str]:
        return {kind.strip() for kind in self.panels.split(",") if kind.strip()}


def _hash_api_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiKey(models.Model):
    """A partner system's key. Only a SHA-256 hash is kept; the key is shown once, when created."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="api_keys")
    name = models.CharField(max_length=100, help_text=_("Which system uses this key"))
    prefix = models.CharField(max_length=12, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = "API key"

    def __str__(self) -> str:
        return f"{self.name} ({self.agency}, {self.prefix}…)"

    @classmethod
    def issue(cls, *, agency: Agency, name: str, created_by: User | None) -> tuple["ApiKey", str]:
        """Create a key and return it with the one-time plain text value ``csp_<prefix>_<secret>``."""
        prefix = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        key = cls.objects.create(
            agency=agency, name=name, prefix=prefix, secret_hash=_hash_api_secret(secret), created_by=created_by
        )
        return key, f"csp_{prefix}_{secret}"

    @classmethod
    def find_active(cls, presented: str) -> "ApiKey | None":
        parts = presented.split("_", 2)
        if len(parts) != 3 or parts[0] != "csp":
            return None
        key = cls.objects.select_related("agency").filter(prefix=parts[1], revoked_at__isnull=True).first()
        if key is None or not secrets.compare_digest(key.secret_hash, _hash_api_secret(parts[2])):
            return None
        return key

    @property
    def active(self) -> bool:
        return self.revoked_at is None
