"""Idempotent public submissions, per-client rate limits that store no IP address, and the spam honeypot."""

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.base import BaseCache
from django.db import IntegrityError, transaction
from django.http import HttpRequest

from audit.chain import events_appended_last
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


def submit_once(
    token: str,
    kind: str,
    create: Callable[[], tuple[str, dict]],
    *,
    also_when_created: Callable[[Submitted], None] | None = None,
) -> Submitted:
    """Run ``create`` once per token. ``create`` returns the record's public reference and any one-time
    values to show (such as a status secret). A repeat of the token returns the first reference with
    ``created`` False, also when two requests race (the unique token decides on PostgreSQL).

    The one-time values are kept in the cache for ten minutes, so the losing request of a double click
    can show them too: otherwise whichever request saved the session last decided whether the person ever
    saw their status code.

    Everything is one transaction: the receipt, the record, ``also_when_created`` (the flow saves the
    session there), and last the audit events, so the audit chain's lock is held only until the commit."""
    try:
        with transaction.atomic(), events_appended_last():
            receipt = SubmissionReceipt.objects.create(token=token, kind=kind)
            reference, extra = create()
            receipt.reference = reference
            receipt.save(update_fields=["reference"])
            # Before the commit, so a request that waited on this token's row finds it straight away.
            cache.set(_extra_key(token), extra, timeout=EXTRA_KEPT_SECONDS)
            submitted = Submitted(reference, True, extra)
            if also_when_created is not None:
                also_when_created(submitted)
        return submitted
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
    """Count a submission from this client; True once it passes PUBLIC_RATE_LIMIT in the window.

    The counter lives until its window ends. Caches with an atomic increment (Redis, local memory) use it;
    for the others (the database cache) one read and one write: a handful of requests from one client at
    the same instant may count once between them, which a rate limit can afford."""
    window_seconds = settings.PUBLIC_RATE_WINDOW_SECONDS
    now = time.time()
    window = int(now // window_seconds)
    key = f"rate:{_client_fingerprint(request, bucket, window)}"
    left = max(1, int((window + 1) * window_seconds - now))
    counters = caches[DEFAULT_CACHE_ALIAS]
    if type(counters).incr is BaseCache.incr:  # the generic get-then-set, which would also reset the expiry
        count = (counters.get(key) or 0) + 1
        counters.set(key, count, timeout=left)
    else:
        try:
            count = counters.incr(key)
        except ValueError:  # the first in this window
            count = 1 if counters.add(key, 1, timeout=left) else counters.incr(key)
    return count > settings.PUBLIC_RATE_LIMIT
