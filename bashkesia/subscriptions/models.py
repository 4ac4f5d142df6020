"""People who asked for a sector's news by e-mail."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bashkesia.territory.models import Sector


class Subscription(models.Model):
    """An address that receives a sector's alerts once it confirmed it wants to.

    The ``token`` in every message's links confirms or ends the subscription;
    an ended subscription is deleted, address and all.
    """

    sector = models.ForeignKey(
        Sector,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("police sector"),
    )
    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8)
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("asked"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["sector__code", "email"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "email"], name="one_subscription_per_address"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.sector.code}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None
