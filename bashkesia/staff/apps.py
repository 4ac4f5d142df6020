from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "bashkesia.staff"
    verbose_name = _("Back office")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import SectorChangeProposal

        audit(SectorChangeProposal)
