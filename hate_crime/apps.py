from django.apps import AppConfig


class HateCrimeConfig(AppConfig):
    name = "hate_crime"
