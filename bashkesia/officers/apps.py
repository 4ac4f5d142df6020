from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficersConfig(AppConfig):
    name = "bashkesia.officers"
    verbose_name = _("Officers")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import signals  # noqa: F401
        from .models import Officer, SectorAssignment

        audit(Officer, SectorAssignment)
