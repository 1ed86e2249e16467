from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "analytics"

    def ready(self) -> None:
        from access.policy import register_global_rule
        from csphub.context_processors import NavEntry, register_navigation
        from partnership.models import Role

        # Aggregates of open and partner data: casework staff and the aggregate roles, never the public.
        register_global_rule("view_analytics", lambda actor: actor.has_role(
            Role.ANALYST, Role.BOARD, Role.COORDINATOR, Role.PRACTITIONER))
        # Imports change the evidence base: analysts and coordinators.
        register_global_rule("view_imports", lambda actor: actor.has_role(Role.ANALYST, Role.COORDINATOR))
        register_global_rule("import_partner_data", lambda actor: actor.has_role(Role.ANALYST, Role.COORDINATOR))
        register_navigation(NavEntry(_("Hot spots"), "analytics:hotspots",
                                     frozenset({"analyst", "board", "coordinator", "practitioner"}), order=60))
        register_navigation(NavEntry(_("Trends"), "analytics:trends",
                                     frozenset({"analyst", "board", "coordinator", "practitioner"}), order=61))
