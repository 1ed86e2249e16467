from django.apps import AppConfig


class VawgConfig(AppConfig):
    name = "vawg"
