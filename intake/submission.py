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


EXTRA_KEPT_SECONDS = 600


def _extra_key(token: str) -> str:
    return "submission-extra:" + hashlib.sha256(token.encode()).hexdigest()


def submit_once(token: str, kind: str, create: Callable[[], tuple[str, dict]]) -> Submitted:
    """Run ``create`` once per token. ``create`` returns the record's public reference and any one-time
    values to show (such as a status secret). A repeat of the token returns the first reference with
    ``created`` False, also when two requests race (the unique token decides on PostgreSQL).

    The one-time values are kept in the cache for ten minutes, so the losing request of a double click
    can show them too: otherwise whichever request saved the session last decided whether the person ever
    saw their status code."""
    try:
        with transaction.atomic():
            receipt = SubmissionReceipt.objects.create(token=token, kind=kind)
            reference, extra = create()
            receipt.reference = reference
            receipt.save(update_fields=["reference"])
            # Before the commit, so a request that waited on this token's row finds it straight away.
            cache.set(_extra_key(token), extra, timeout=EXTRA_KEPT_SECONDS)
        return Submitted(reference, True, extra)
    except IntegrityError:
        existing = SubmissionReceipt.objects.filter(token=token, kind=kind).first()
        if existing is None:
            raise
        return Submitted(existing.reference, False, cache.get(_extra_key(token)) or {})


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
