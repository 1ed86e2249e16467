from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"

    def ready(self) -> None:
        from access.policy import register_global_rule
        from csphub.context_processors import NavEntry, register_navigation
        from partnership.models import Role
        from strategy.builtin_indicators import register_builtin
        from strategy.domain_indicators import register_domain_indicators

        register_builtin()
        register_domain_indicators()
        # The strategy and board report are aggregates: the board, analysts and coordinators see them.
        register_global_rule("view_strategy", lambda a: a.has_role(Role.COORDINATOR, Role.ANALYST, Role.BOARD))
        register_global_rule("enter_indicator_values", lambda a: a.user is not None
                             and a.has_role(Role.COORDINATOR, Role.ANALYST))
        register_global_rule("manage_strategy", lambda a: a.user is not None and a.has_role(Role.COORDINATOR))
        register_navigation(NavEntry(_("Strategy"), "strategy:overview",
                                     frozenset({Role.COORDINATOR, Role.ANALYST, Role.BOARD}), order=45))
