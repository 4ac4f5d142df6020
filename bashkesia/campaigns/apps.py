from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "bashkesia.campaigns"
    verbose_name = _("Campaigns")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import models

        for model in (models.Campaign, models.Material, models.ReachEntry):
            audit(model)
