from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipConfig(AppConfig):
    name = "bashkesia.partnership"
    verbose_name = _("Partnership")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import models, signals  # noqa: F401 (connects the signals)

        for model in (
            models.Forum,
            models.Membership,
            models.Meeting,
            models.ActionItem,
            models.SectorPriority,
            models.Problem,
            models.Event,
        ):
            audit(model)
