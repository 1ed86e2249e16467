from django.apps import AppConfig


class TensionConfig(AppConfig):
    name = "tension"
