from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "bashkesia.surveys"
    verbose_name = _("Surveys of safety and trust")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import Survey

        audit(Survey)
