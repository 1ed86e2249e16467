"""The shape shared by the records of reminders queued for reviews and for Channel referrals."""

from django.db import models
from django.utils import timezone


class SentReminder(models.Model):
    """One row per reminder queued, so running the reminder job twice sends nothing twice.

    A concrete model adds the foreign key to the record the reminder is about, and a unique constraint over that
    key with ``milestone``, ``due_on`` and ``kind``.
    """

    milestone = models.CharField(max_length=64)
    due_on = models.DateField()
    kind = models.CharField(max_length=16)  # "upcoming" or "missed"
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kind} {self.milestone} {self.due_on}"
