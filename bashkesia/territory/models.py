"""Kosovo's territory as the police divide it: regions, stations, sectors."""

from functools import cached_property

import shapely
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import MultilingualNameModel, TimeStampedModel

SECTOR_CODE_RE = r"^[A-Z]{3}-[0-9]{2,3}$"


class Region(MultilingualNameModel, TimeStampedModel):
    """A regional police directorate (Drejtoria Rajonale e Policisë)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("regional directorate")
        verbose_name_plural = _("regional directorates")

    def __str__(self) -> str:
        return self.name_sq

    def get_absolute_url(self) -> str:
        return reverse("territory:region", args=[self.slug])


class Municipality(MultilingualNameModel, TimeStampedModel):
    """One of Kosovo's 38 municipalities, with its boundary."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("regional directorate"),
    )
    boundary_name = models.CharField(
        _("name in the boundary source"), max_length=100, blank=True
    )
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"))

    class Meta:
        ordering = ["name_sq"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name_sq

    def get_absolute_url(self) -> str:
        return reverse("territory:municipality", args=[self.code])

    @cached_property
    def geometry(self) -> shapely.Geometry:
        return shapely.geometry.shape(self.boundary)


class Station(MultilingualNameModel, TimeStampedModel):
    """A police station or substation; sectors belong to one."""

    class Kind(models.TextChoices):
        STATION = "station", _("police station")
        SUBSTATION = "substation", _("police substation")

    code = models.CharField(_("code"), max_length=10, unique=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.STATION
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="stations",
        verbose_name=_("municipality"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="substations",
        verbose_name=_("parent station"),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("police station")
        verbose_name_plural = _("police stations")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="station", parent__isnull=True)
                    | models.Q(kind="substation", parent__isnull=False)
                ),
                name="station_substation_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name_sq

    def get_absolute_url(self) -> str:
        return reverse("territory:station", args=[self.code])

    def clean(self) -> None:
        if (self.kind == self.Kind.SUBSTATION) != (self.parent_id is not None):
            raise ValidationError(
                {"parent": _("A substation needs a parent station; a station none.")}
            )


class Sector(MultilingualNameModel, TimeStampedModel):
    """A police sector: the area a few named officers patrol."""

    code = models.CharField(
        _("code"),
        max_length=7,
        unique=True,
        validators=[RegexValidator(SECTOR_CODE_RE, _("Use a code like PRZ-03."))],
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        related_name="sectors",
        verbose_name=_("police station"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="sectors",
        verbose_name=_("municipality"),
    )
    boundary = models.JSONField(_("boundary (GeoJSON geometry)"))
    centre_latitude = models.FloatField(_("centre latitude"))
    centre_longitude = models.FloatField(_("centre longitude"))
    area_km2 = models.FloatField(_("area (km²)"))
    description = models.TextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("police sector")
        verbose_name_plural = _("police sectors")

    def __str__(self) -> str:
        return f"{self.code} {self.name_sq}"

    def get_absolute_url(self) -> str:
        return reverse("territory:sector", args=[self.code])

    @cached_property
    def geometry(self) -> shapely.Geometry:
        return shapely.geometry.shape(self.boundary)


class Settlement(TimeStampedModel):
    """A village, town or neighbourhood: a named point."""

    geonames_id = models.PositiveIntegerField(_("GeoNames id"), unique=True)
    name_sq = models.CharField(_("name (Albanian)"), max_length=200)
    name_sr_latn = models.CharField(_("name (Serbian, Latin)"), max_length=200)
    name_sr = models.CharField(_("name (Serbian, Cyrillic)"), max_length=200)
    feature_code = models.CharField(_("feature code"), max_length=10)
    population = models.PositiveIntegerField(_("population"), default=0)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="settlements",
        verbose_name=_("municipality"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="settlements",
        verbose_name=_("police sector"),
    )
    search_text = models.TextField(editable=False, default="")

    class Meta:
        ordering = ["name_sq"]
        verbose_name = _("settlement")
        verbose_name_plural = _("settlements")

    def __str__(self) -> str:
        return self.name_sq

    @property
    def name(self) -> str:
        return self.name_in(get_language() or "sq")

    def name_in(self, language: str) -> str:
        """Return the name for ``language``; English uses the Albanian name."""
        if language == "sr-latn":
            return self.name_sr_latn or self.name_sq
        if language == "sr":
            return self.name_sr or self.name_sr_latn or self.name_sq
        return self.name_sq

    @property
    def names(self) -> dict[str, str]:
        return {lang: self.name_in(lang) for lang in ("sq", "sr-latn", "sr", "en")}
