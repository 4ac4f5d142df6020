"""Content of the public site that staff edit in the admin."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import TimeStampedModel


class DirectorGeneral(TimeStampedModel):
    """The Director General of Police, whose page the site shows.

    The current one (``in_office`` without ``left_office``) is shown; earlier
    ones stay as history.
    """

    name = models.CharField(_("name"), max_length=120)
    name_cyrl = models.CharField(_("name (Cyrillic)"), max_length=120, blank=True)
    photo = models.ImageField(_("photo"), upload_to="director-general/", blank=True)
    in_office = models.DateField(_("in office since"))
    left_office = models.DateField(_("left office"), null=True, blank=True)
    biography_sq = models.TextField(_("biography (Albanian)"))
    biography_sr_latn = models.TextField(_("biography (Serbian, Latin)"), blank=True)
    biography_sr = models.TextField(_("biography (Serbian, Cyrillic)"), blank=True)
    biography_en = models.TextField(_("biography (English)"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-in_office"]
        verbose_name = _("Director General of Police")
        verbose_name_plural = _("Directors General of Police")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return (
            self.name_cyrl if get_language() == "sr" and self.name_cyrl else self.name
        )

    @property
    def biography(self) -> str:
        """Return the biography in the active language, else Albanian."""
        field = {
            "sr-latn": "biography_sr_latn",
            "sr": "biography_sr",
            "en": "biography_en",
        }.get(get_language() or "sq", "biography_sq")
        return getattr(self, field) or self.biography_sq
