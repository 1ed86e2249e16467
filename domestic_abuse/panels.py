"""The safe-contact banner on the shared case page (core.panels) for domestic abuse and MARAC cases.

How to reach a victim safely is the field most likely to get someone hurt if the wrong person reads it,
and the one a worker most needs before picking up the phone. So it sits at the top of the case, and only
for people the access policy lets see sensitive fields on that case (``view_sensitive``).
"""

from typing import Any

from access.policy import Actor, can
from core.models import Case, ParticipantRole
from core.panels import CasePanel, register_case_panel

TEMPLATE = "domestic_abuse/_safe_contact_panel.html"


def safe_contact_context(actor: Actor, case: Case) -> dict[str, Any] | None:
    if not can(actor, "view_sensitive", case):
        return None
    victims = [p.person for p in case.participants.filter(role=ParticipantRole.VICTIM).select_related("person")
               .order_by("pk") if p.person.safe_contact]
    # On a MARAC case the referrer's note on safe contact is kept with the referral.
    referral = getattr(case, "marac_referral", None) if case.kind == "marac" else None
    referral_note = referral.safe_contact if referral is not None else ""
    if not victims and not referral_note:
        return None
    return {"victims": victims, "referral_note": referral_note}


PANEL = CasePanel(TEMPLATE, safe_contact_context, kinds=frozenset({"domestic_abuse", "marac"}))


def register() -> None:
    register_case_panel(PANEL)
