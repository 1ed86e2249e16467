from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared case file"

    def ready(self) -> None:
        from core.dashboard import case_actions, register_overdue_source

        register_overdue_source(case_actions)
