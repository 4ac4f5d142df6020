"""What the police tell a sector: warnings and notices."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.territory.models import Sector

TITLE_LIMIT = 140
BODY_LIMIT = 2000


class Alert(models.Model):
    """An alert (a warning: act on it) or a notice (good to know) to a sector.

    Shown on the sector's page until it expires or is withdrawn, and e-mailed
    to the sector's subscribers when published.
    """

    class Kind(models.TextChoices):
        ALERT = "alert", _("alert")
        NOTICE = "notice", _("notice")

    sector = models.ForeignKey(
        Sector,
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("police sector"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    body = models.TextField(_("text"), max_length=BODY_LIMIT)
    published_at = models.DateTimeField(_("published"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    shown_until = models.DateField(_("shown until"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("e-mailed to"), default=0)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("sector alert")
        verbose_name_plural = _("sector alerts")
        indexes = [models.Index(fields=["sector", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("alerts:detail", args=[self.sector.code, self.pk])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None
