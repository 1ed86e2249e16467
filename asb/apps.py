from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsbConfig(AppConfig):
    name = "asb"
    verbose_name = _("Antisocial behaviour")

    def ready(self) -> None:
        from access.policy import register_global_rule, register_object_rules
        from asb import access, status
        from asb.models import AccessRequest, CaseReviewApplication, PersonMatch, RepeatVictimFlag
        from csphub.context_processors import NavEntry, register_navigation
        from intake.status import register_status_source

        for name, rule in access.GLOBAL.items():
            register_global_rule(name, rule)
        for model in (AccessRequest, CaseReviewApplication, PersonMatch, RepeatVictimFlag):
            register_object_rules(model, access._object_rules)
        register_status_source("CR", status.lookup)
        from asb.indicators import register as register_indicators

        register_indicators()
        from core.panels import domain_link_panel, register_case_panel

        register_case_panel(domain_link_panel("asb:case", _("Plan, interventions and risk assessment"), {"asb"}))
        register_navigation(
            NavEntry(_("Antisocial behaviour"), "asb:home", frozenset({"coordinator", "practitioner"}), order=40),
            NavEntry(_("ASB figures"), "asb:figures", frozenset({"analyst", "board"}), order=86),
        )
