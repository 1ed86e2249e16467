"""Panels that domain apps add to the shared case page (e.g. safe-contact details on a domestic abuse case).

Register from ``AppConfig.ready``: ``register_case_panel(CasePanel("domestic_abuse/_safe_contact.html",
context))`` where ``context(actor, case)`` returns the panel's context, or None to show nothing. The
callable must apply the access policy itself (it runs for everyone who can open the case).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from access.policy import Actor
from core.models import Case


@dataclass(frozen=True)
class CasePanel:
    template: str
    context: Callable[[Actor, Case], dict[str, Any] | None]
    kinds: frozenset[str] = frozenset()  # empty: every kind


@dataclass(frozen=True)
class RenderedPanel:
    template: str
    context: dict[str, Any]


_PANELS: list[CasePanel] = []


def register_case_panel(panel: CasePanel) -> None:
    if panel not in _PANELS:
        _PANELS.append(panel)


def panels_for(actor: Actor, case: Case) -> list[RenderedPanel]:
    rendered = []
    for panel in _PANELS:
        if panel.kinds and case.kind not in panel.kinds:
            continue
        context = panel.context(actor, case)
        if context is not None:
            rendered.append(RenderedPanel(panel.template, context))
    return rendered


def domain_link_panel(
    url_name: str, label: str, kinds: set[str], applies: Callable[[Case], bool] | None = None
) -> CasePanel:
    """A link from the shared case page to the domain app's own page for the same case (when ``applies``)."""

    def context(actor: Actor, case: Case) -> dict[str, Any] | None:
        from django.urls import reverse

        if applies is not None and not applies(case):
            return None
        return {"url": reverse(url_name, args=[case.reference]), "label": label}

    return CasePanel("core/_domain_link_panel.html", context, frozenset(kinds))
