from django.apps import AppConfig


class AsbConfig(AppConfig):
    name = "asb"
