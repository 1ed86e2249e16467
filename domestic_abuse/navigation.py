from django.utils.translation import gettext_lazy as _

from csphub.context_processors import NavEntry, register_navigation


def register() -> None:
    register_navigation(
        NavEntry(_("Domestic abuse"), "domestic_abuse:home", frozenset({"coordinator", "practitioner"}), order=40),
        NavEntry(_("Domestic abuse figures"), "domestic_abuse:figures", frozenset({"analyst", "board"}), order=86),
    )
