from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConcernsConfig(AppConfig):
    name = "bashkesia.concerns"
    verbose_name = _("Concerns")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import ApiKey, Category

        audit(Category, ApiKey)
