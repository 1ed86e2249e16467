"""The registry of case kinds.

A domain app adds its kind by calling ``register_kind`` from its ``AppConfig.ready``. Case.kind stores the
code; the reference prefix comes from here, and ``restricted`` kinds are visible to their panel only.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CaseKind:
    code: str
    label: str
    reference_prefix: str
    restricted: bool = False


_KINDS: dict[str, CaseKind] = {}


def register_kind(kind: CaseKind) -> None:
    existing = _KINDS.get(kind.code)
    if existing is not None and existing != kind:
        raise ValueError(f"Case kind {kind.code!r} is already registered differently")
    _KINDS[kind.code] = kind


def get_kind(code: str) -> CaseKind:
    return _KINDS[code]


def all_kinds() -> list[CaseKind]:
    return sorted(_KINDS.values(), key=lambda kind: str(kind.label))


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.code, str(kind.label)) for kind in all_kinds()]


def restricted_kind_codes() -> set[str]:
    return {kind.code for kind in _KINDS.values() if kind.restricted}


# The kinds the partnership's work starts with. Domain apps may register more.
for _kind in (
    CaseKind("asb", _("Antisocial behaviour"), "ASB"),
    CaseKind("hate", _("Hate crime"), "HC"),
    CaseKind("domestic_abuse", _("Domestic abuse"), "DA"),
    CaseKind("vawg", _("Violence against women and girls"), "VAWG"),
    CaseKind("tension", _("Community tension"), "CT"),
    CaseKind("marac", _("MARAC"), "MARAC", restricted=True),
    CaseKind("channel", _("Channel panel"), "CHAN", restricted=True),
    CaseKind("dhr", _("Domestic Homicide Review"), "DHR", restricted=True),
    CaseKind("general", _("General community safety"), "CSP"),
):
    register_kind(_kind)
