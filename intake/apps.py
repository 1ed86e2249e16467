from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "intake"
    verbose_name = "Public intake and outbox"

    def ready(self) -> None:
        from datetime import timedelta

        from intake.outbox import sweep_outbox
        from intake.schedule import register_periodic

        register_periodic("outbox sweep", sweep_outbox, timedelta(minutes=5))
