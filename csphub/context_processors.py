"""Template context every page needs: the partnership's name, demo mode and the staff navigation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    label: Promise
    url_name: str
    roles: frozenset[str]
    # The dashboard's URL is a prefix of every other staff URL, so it is only
    # "the current section" on an exact match.
    exact: bool = False
    order: int = 50  # lower comes first; core's case pages are 10-30, administration 90+


_CASEWORK = frozenset({"coordinator", "practitioner"})
_ADMINISTRATION = frozenset({"administrator"})
_FIGURES = frozenset({"analyst", "board"})

NAVIGATION: list[NavEntry] = [
    NavEntry(_("Dashboard"), "core:dashboard", _CASEWORK, exact=True, order=10),
    NavEntry(_("Cases"), "core:case_list", _CASEWORK, order=20),
    NavEntry(_("Search"), "core:search", _CASEWORK, order=80),
    NavEntry(_("Figures"), "core:figures", _FIGURES, order=85),
    NavEntry(_("Audit trail"), "audit:viewer", _ADMINISTRATION, order=90),
    NavEntry(_("Outbox"), "intake:outbox", _ADMINISTRATION, order=91),
    NavEntry(_("Administration"), "admin:index", _ADMINISTRATION, order=92),
]


def register_navigation(*entries: NavEntry) -> None:
    """Domain apps add their sections from ``AppConfig.ready``."""
    for entry in entries:
        if entry not in NAVIGATION:
            NAVIGATION.append(entry)
    NAVIGATION.sort(key=lambda entry: entry.order)


def _is_active(entry: NavEntry, url: str, path: str) -> bool:
    return path == url if entry.exact else path.startswith(url)


def nav_items(request: HttpRequest) -> list[dict[str, Any]]:
    """The staff navigation for the signed-in user's roles; empty for the public."""
    actor = getattr(request, "actor", None)
    user = getattr(request, "user", None)
    if actor is None or not getattr(user, "is_authenticated", False):
        return []
    roles = set(actor.roles)
    items = []
    for entry in NAVIGATION:
        if not entry.roles & roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue  # That app's pages are not installed (yet); leave the item out.
        items.append({"label": entry.label, "url": url, "active": _is_active(entry, url, request.path)})
    return items


def service(request: HttpRequest) -> dict[str, Any]:
    return {
        "partnership_name": settings.PARTNERSHIP_NAME,
        "demo_mode": settings.DEMO,
        # Optional: the legal notices show it when the partnership has set one.
        "contact_email": getattr(settings, "PARTNERSHIP_CONTACT_EMAIL", ""),
        "nav_items": nav_items(request),
    }
