from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "bashkesia.strategy"
    verbose_name = _("Strategy and action plan")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import models

        for model in (
            models.Strategy,
            models.Objective,
            models.SubObjective,
            models.Activity,
            models.Indicator,
            models.Measurement,
        ):
            audit(model)
