"""The append-only, hash-chained audit trail.

Each event stores the SHA-256 of its own content together with the previous event's hash, so editing,
deleting or reordering any row breaks the chain from that row on (``csphub audit verify``). On
PostgreSQL a trigger also rejects UPDATE and DELETE on the table (see migration 0002).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Updated")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    SEARCH = "search", _("Searched")
    BREAK_GLASS = "break_glass", _("Opened without being on the team")
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_IN_FAILED = "sign_in_failed", _("Sign-in failed")
    LOCKED_OUT = "locked_out", _("Locked out")
    SHARE = "share", _("Shared with a partner")
    ANONYMISE = "anonymise", _("Anonymised")
    PRUNE = "prune", _("Oldest audit events pruned")


class AuditEvent(models.Model):
    sequence = models.PositiveBigIntegerField(unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    actor_id = models.BigIntegerField(null=True, editable=False, db_index=True)
    actor_label = models.CharField(max_length=254, blank=True, editable=False)
    agency_id = models.BigIntegerField(null=True, editable=False)
    agency_label = models.CharField(max_length=200, blank=True, editable=False)
    action = models.CharField(max_length=32, choices=AuditAction.choices, editable=False, db_index=True)
    object_type = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    object_id = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    reason = models.TextField(blank=True, editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["-sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"


class AuditChainHead(models.Model):
    """One row holding the chain's last sequence and hash; locked while an event is appended."""

    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"audit chain at #{self.last_sequence}"


class AuditCheckpoint(models.Model):
    """Where the chain starts after the oldest events were pruned: the last pruned event's sequence and hash.

    One row. ``verify_chain`` starts from it, and it must agree with the latest prune event still in the
    chain, which names the same sequence and hash (see ``audit.prune``). On PostgreSQL a trigger lets it
    change only forwards, and only inside a prune."""

    last_pruned_sequence = models.PositiveBigIntegerField(default=0)
    last_pruned_hash = models.CharField(max_length=64, default="0" * 64)
    pruned_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"audit chain pruned through #{self.last_pruned_sequence}"
