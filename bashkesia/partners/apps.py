from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "bashkesia.partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import models

        audit(models.Partner)
