from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoryConfig(AppConfig):
    name = "bashkesia.territory"
    verbose_name = _("Territory")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import signals  # noqa: F401
        from .models import Municipality, Region, Sector, Station

        audit(Region, Municipality, Station, Sector)
