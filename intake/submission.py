"""Idempotent public submissions, per-client rate limits that store no IP address, and the spam honeypot."""

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from intake.models import SubmissionReceipt


def new_submission_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Submitted:
    reference: str
    created: bool
    extra: dict


def submit_once(token: str, kind: str, create: Callable[[], tuple[str, dict]]) -> Submitted:
    """Run ``create`` once per token. ``create`` returns the record's public reference and any one-time
    values to show (such as a status secret). A repeat of the token returns the first reference with
    ``created`` False, also when two requests race (the unique token decides on PostgreSQL)."""
    try:
        with transaction.atomic():
            receipt = SubmissionReceipt.objects.create(token=token, kind=kind)
            reference, extra = create()
            receipt.reference = reference
            receipt.save(update_fields=["reference"])
            return Submitted(reference, True, extra)
    except IntegrityError:
        existing = SubmissionReceipt.objects.filter(token=token, kind=kind).first()
        if existing is None:
            raise
        return Submitted(existing.reference, False, {})


def _client_fingerprint(request: HttpRequest, bucket: str, window: int) -> str:
    # The address is only ever held as a keyed hash that changes every window, in the cache.
    address = request.META.get("REMOTE_ADDR", "")
    message = f"{bucket}|{address}|{window}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def over_rate_limit(request: HttpRequest, bucket: str) -> bool:
    """Count a submission from this client; True once it passes PUBLIC_RATE_LIMIT in the window."""
    window_seconds = settings.PUBLIC_RATE_WINDOW_SECONDS
    window = int(time.time() // window_seconds)
    key = f"rate:{_client_fingerprint(request, bucket, window)}"
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count > settings.PUBLIC_RATE_LIMIT
