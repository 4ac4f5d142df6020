"""What the back office keeps of its own: station commanders' proposals to
change a sector, and the directorate's decisions on them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashkesia.territory.models import Sector


class SectorChangeProposal(models.Model):
    """A station commander's proposal to change a sector, for the directorate."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    sector = models.ForeignKey(
        Sector,
        on_delete=models.CASCADE,
        related_name="change_proposals",
        verbose_name=_("police sector"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    text = models.TextField(_("proposal"), max_length=2000)
    created_at = models.DateTimeField(_("proposed"), db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # The directorate's decision (services.sector_change_decide).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    response = models.TextField(
        _("the directorate's answer"), max_length=2000, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sector change proposal")
        verbose_name_plural = _("sector change proposals")

    def __str__(self) -> str:
        return f"{self.sector.code} · {self.proposed_by} · {self.created_at:%Y-%m-%d}"
