"""Human-friendly public references and status-lookup secrets.

References use an alphabet without characters people confuse (0/O, 1/I/L, U/V), grouped in fours:
``HC-7K3M-9QX2``. The secret is shown once and only its hash is kept.
"""

import secrets

from django.contrib.auth.hashers import check_password, make_password

UNAMBIGUOUS_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"


def make_public_reference(prefix: str, groups: int = 2, group_size: int = 4) -> str:
    chunks = ["".join(secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(group_size)) for _ in range(groups)]
    return "-".join([prefix, *chunks])


def normalise_reference(typed: str) -> str:
    """Forgive case and stray spaces in a typed reference."""
    return "".join(typed.split()).upper()


def make_status_secret() -> tuple[str, str]:
    """A secret for checking a report's status: (what to show the person, what to store)."""
    plain = "".join(secrets.choice(UNAMBIGUOUS_ALPHABET) for _ in range(10))
    return plain, make_password(plain)


def status_secret_matches(typed: str, stored_hash: str) -> bool:
    return check_password(typed.strip().upper().replace(" ", ""), stored_hash)
