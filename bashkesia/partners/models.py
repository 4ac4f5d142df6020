"""The police's partners: governmental, non-governmental and international
organisations, and what they do with the police."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import MultilingualNameModel, TimeStampedModel, multilingual


class Partner(MultilingualNameModel, TimeStampedModel):
    """An organisation the police works with (OSCE, ICITAP, a ministry, a
    municipality, an NGO). Activities of the strategy, campaigns, forums and
    training sessions name their partners from this list."""

    class Kind(models.TextChoices):
        GOVERNMENTAL = "governmental", _("governmental")
        MUNICIPAL = "municipal", _("municipal")
        NON_GOVERNMENTAL = "non_governmental", _("non-governmental")
        INTERNATIONAL = "international", _("international")

    slug = models.SlugField(_("short address"), max_length=60, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description_sq = models.TextField(_("description (Albanian)"), blank=True)
    description_sr_latn = models.TextField(
        _("description (Serbian, Latin)"), blank=True
    )
    description_sr = models.TextField(_("description (Serbian, Cyrillic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active partner"), default=True)

    description = multilingual("description")

    class Meta:
        ordering = ["kind", "name_sq"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.acronym or self.name_en or self.name_sq

    def get_absolute_url(self) -> str:
        return reverse("partners:partner", args=[self.slug])
