from django.apps import AppConfig


class DomesticAbuseConfig(AppConfig):
    name = "domestic_abuse"
