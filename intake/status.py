"""Where a public reference's status comes from. Each domain app registers a source for its prefix."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PublicStatus:
    title: str
    status: str
    updates: list[tuple[str, str]] = field(default_factory=list)  # (date text, what happened)
    add_information_url: str = ""


StatusLookup = Callable[[str, str], PublicStatus | None]
_SOURCES: dict[str, StatusLookup] = {}


def register_status_source(prefix: str, lookup: StatusLookup) -> None:
    """``lookup(reference, secret)`` returns the status when both match a record, otherwise None."""
    _SOURCES[prefix] = lookup


def find_status(reference: str, secret: str) -> PublicStatus | None:
    prefix = reference.split("-", 1)[0]
    lookup = _SOURCES.get(prefix)
    return lookup(reference, secret) if lookup else None


def unregister_status_source(prefix: str) -> None:
    """Forget the source for a prefix (for tests, and for an app that is switched off)."""
    _SOURCES.pop(prefix, None)
