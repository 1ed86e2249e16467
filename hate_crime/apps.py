from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HateCrimeConfig(AppConfig):
    name = "hate_crime"
    verbose_name = _("Hate crime reporting")

    def ready(self) -> None:
        from csphub.context_processors import NavEntry, register_navigation
        from hate_crime import access
        from hate_crime.status import public_status
        from intake.status import register_status_source

        access.register()
        register_status_source("HC", public_status)
        register_navigation(
            NavEntry(_("Hate reports"), "hate_crime:queue", frozenset({"coordinator", "practitioner"}), order=40),
            NavEntry(_("Hate reports"), "hate_crime:centre_list", frozenset({"reporting_centre"}), order=40),
            NavEntry(
                _("Hate crime trends"), "hate_crime:trends", frozenset({"coordinator", "analyst", "board"}), order=86
            ),
        )
