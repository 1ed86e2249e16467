from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RightsConfig(AppConfig):
    name = "rights"
    verbose_name = _("Subject rights")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from access.policy import register_global_rule
        from csphub.context_processors import NavEntry, register_navigation
        from partnership.models import Role

        def coordinator(actor) -> bool:  # noqa: ANN001
            return actor.user is not None and actor.has_role(Role.COORDINATOR)

        def coordinator_or_administrator(actor) -> bool:  # noqa: ANN001
            return actor.user is not None and actor.has_role(Role.COORDINATOR, Role.ADMINISTRATOR)

        # The register (references, dates, states) is for coordinators and administrators; finding a person,
        # exporting what is held and changing or erasing it is for coordinators, who handle the requests.
        register_global_rule("view_subject_rights", coordinator_or_administrator)
        register_global_rule("handle_subject_rights", coordinator)
        register_navigation(
            NavEntry(
                _("Subject rights"), "rights:register", frozenset({Role.COORDINATOR, Role.ADMINISTRATOR}), order=85
            ),
        )
        # Each app says what it holds about a person in its own <app>/subject_access.py.
        autodiscover_modules("subject_access")
