from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "bashkesia.api"
    verbose_name = "API"
