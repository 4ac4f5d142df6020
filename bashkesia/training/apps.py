from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "bashkesia.training"
    verbose_name = _("Training")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from . import models

        audit(
            models.Course,
            models.TrainingSession,
            models.Enrolment,
            models.Certificate,
        )
