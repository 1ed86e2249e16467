from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to send")
    RETRYING = "retrying", _("Failed, will retry")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class OutboundMessage(models.Model):
    """Every email or message csphub sends. The worker delivers it, with retries and backoff."""

    channel = models.CharField(max_length=16, default="email", help_text=_("email, or webhook (a JSON POST)"))
    purpose = models.CharField(max_length=64, help_text=_("What kind of message this is"))
    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    # For the webhook channel: where the JSON body is POSTed. Empty for email.
    url = models.URLField(max_length=500, blank=True)
    state = models.CharField(max_length=16, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.purpose} message {self.pk} ({self.state})"

    @property
    def masked_to(self) -> str:
        """The recipient with most of it hidden, for staff screens."""
        if self.channel == "webhook":
            from urllib.parse import urlsplit

            return f"{urlsplit(self.url).hostname or ''} (webhook)"
        local, _sep, domain = self.to.partition("@")
        return f"{local[:1]}…@{domain}" if domain else f"{self.to[:2]}…"


class SubmissionReceipt(models.Model):
    """One row per public submission token, so a double click or a retry creates one record."""

    token = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=32)
    reference = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.kind} {self.reference}"


class PeriodicRun(models.Model):
    """When each periodic job was last queued. Locked while checked, so several workers queue it once."""

    name = models.CharField(max_length=100, unique=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} last queued {self.last_enqueued_at}"
