from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TensionConfig(AppConfig):
    name = "tension"
    verbose_name = _("Community tension")

    def ready(self) -> None:
        from csphub.context_processors import NavEntry, register_navigation
        from tension import access

        access.register()
        from core.panels import domain_link_panel, register_case_panel

        register_case_panel(domain_link_panel(
            "tension:incident_detail", _("Timeline, call list, actions and situation reports"), {"tension"},
            applies=lambda case: hasattr(case, "tension_incident"),
        ))
        from core.dashboard import register_overdue_source
        from tension.queries import overdue_response_actions

        register_overdue_source(overdue_response_actions)
        register_navigation(
            NavEntry(_("Tension"), "tension:home", frozenset({"coordinator", "practitioner"}), order=40),
            NavEntry(_("Tension figures"), "tension:figures", frozenset({"analyst", "board"}), order=86),
        )
