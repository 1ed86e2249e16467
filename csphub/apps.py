from django.apps import AppConfig


class CsphubConfig(AppConfig):
    name = "csphub"
    verbose_name = "csphub"
