from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "retention"
    verbose_name = _("Retention schedule")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from access.policy import register_global_rule
        from csphub.context_processors import NavEntry, register_navigation
        from intake.schedule import register_periodic
        from partnership.models import Role
        from retention.tasks import apply_retention_schedule

        # Each app's retention.py registers its record types (retention.registry).
        autodiscover_modules("retention")

        def administrator(actor) -> bool:  # noqa: ANN001
            return actor.user is not None and actor.has_role(Role.ADMINISTRATOR)

        def holds(actor) -> bool:  # noqa: ANN001
            return actor.user is not None and actor.has_role(Role.ADMINISTRATOR, Role.COORDINATOR)

        register_global_rule("manage_retention", administrator)
        register_global_rule("manage_legal_holds", holds)
        register_periodic("Retention schedule", apply_retention_schedule, timedelta(days=1))
        register_navigation(
            NavEntry(_("Retention"), "retention:overview", frozenset({Role.ADMINISTRATOR}), order=93),
            NavEntry(_("Legal holds"), "retention:holds", frozenset({Role.ADMINISTRATOR, Role.COORDINATOR}), order=94),
        )
