from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "bashkesia.alerts"
    verbose_name = _("Sector alerts")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import Alert

        audit(Alert)
