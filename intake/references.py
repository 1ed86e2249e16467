"""Human-friendly public references and status-lookup secrets.

References use an alphabet without characters people confuse (0/O, 1/I/L, U/V), grouped in fours:
``HC-7K3M-9QX2``. The secret is shown once and only a keyed hash of it is kept.

Why a keyed hash (HMAC-SHA256 under the SECRET_KEY) and not the password hasher: the secret is random, not
chosen by a person (10 characters from 29, about 48 bits), lookups are rate limited, and brute-forcing a
stored value needs the database *and* the SECRET_KEY. Argon2 there cost about 0.2 CPU-seconds on every
public submission (measured in benchmarks/intake), which a burst of reports on a 2-core host cannot afford.
"""

import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.utils.crypto import constant_time_compare, salted_hmac

UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"


def make_public_reference(prefix: str, groups: int = 2, group_size: int = 4) -> str:
    chunks = ["".join(secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(group_size)) for _ in range(groups)]
    return "-".join([prefix, *chunks])


def normalise_reference(typed: str) -> str:
    """Forgive case and stray spaces in a typed reference."""
    return "".join(typed.split()).upper()


STATUS_SECRET_PREFIX = "hmac-sha256$"  # noqa: S105 - a format tag, not a secret


def _status_digest(cleaned: str, key: str | None = None) -> str:
    digest = salted_hmac("csphub.intake.status-secret", cleaned, secret=key, algorithm="sha256").hexdigest()
    return STATUS_SECRET_PREFIX + digest


def _clean_secret(typed: str) -> str:
    return "".join(typed.split()).upper()


def make_status_secret() -> tuple[str, str]:
    """A secret for checking a report's status: (what to show the person, what to store)."""
    plain = "".join(secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(10))
    return plain, _status_digest(plain)


def status_secret_matches(typed: str, stored_hash: str) -> bool:
    cleaned = _clean_secret(typed)
    if stored_hash.startswith(STATUS_SECRET_PREFIX):
        keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return any(constant_time_compare(stored_hash, _status_digest(cleaned, key)) for key in keys)
    return check_password(cleaned, stored_hash)  # codes stored by earlier versions
