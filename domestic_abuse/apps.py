from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DomesticAbuseConfig(AppConfig):
    name = "domestic_abuse"
    verbose_name = _("Domestic abuse")

    def ready(self) -> None:
        from domestic_abuse import access_rules, indicators, navigation, panels

        access_rules.register()
        navigation.register()
        panels.register()
        indicators.register()

        from datetime import timedelta

        from domestic_abuse.tasks import escalate_encompass
        from intake.schedule import register_periodic

        register_periodic("Operation Encompass escalation", escalate_encompass, timedelta(minutes=15))
