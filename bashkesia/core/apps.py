from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "bashkesia.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from .audit import audit

        audit(get_user_model())
