from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "bashkesia.stats"
    verbose_name = _("General statistics")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import DailyStatistics

        audit(DailyStatistics)
