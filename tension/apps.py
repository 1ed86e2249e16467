from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TensionConfig(AppConfig):
    name = "tension"
    verbose_name = _("Community tension")

    def ready(self) -> None:
        from csphub.context_processors import NavEntry, register_navigation
        from tension import access

        access.register()
        register_navigation(
            NavEntry(_("Tension"), "tension:home", frozenset({"coordinator", "practitioner"}), order=40),
            NavEntry(_("Tension figures"), "tension:figures", frozenset({"analyst", "board"}), order=86),
        )
