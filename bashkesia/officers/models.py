"""Police officers and their assignments to sectors, with history."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import TimeStampedModel
from bashkesia.core.text import albanian_to_cyrillic
from bashkesia.territory.models import Region, Sector, Station


class Rank(models.TextChoices):
    """Kosovo Police ranks, lowest first."""

    OFFICER = "officer", _("Police Officer")
    SERGEANT = "sergeant", _("Sergeant")
    LIEUTENANT = "lieutenant", _("Lieutenant")
    CAPTAIN = "captain", _("Captain")
    MAJOR = "major", _("Major")
    LIEUTENANT_COLONEL = "lieutenant_colonel", _("Lieutenant Colonel")
    COLONEL = "colonel", _("Colonel")


class Role(models.TextChoices):
    SECTOR_OFFICER = "sector_officer", _("sector officer")
    SECTOR_LEADER = "sector_leader", _("sector leader")
    STATION_COMMANDER = "station_commander", _("station commander")
    REGIONAL_COORDINATOR = "regional_coordinator", _("regional coordinator")
    DIRECTORATE_STAFF = "directorate_staff", _("directorate staff")


class Officer(TimeStampedModel):
    """A police officer. Only the fields in ``PUBLIC_FIELDS`` are ever public."""

    PUBLIC_FIELDS = (
        "badge_number",
        "rank",
        "role",
        "first_name",
        "last_name",
        "first_name_cyrl",
        "last_name_cyrl",
        "photo",
        "public_phone",
        "public_email",
        "bio_sq",
        "bio_sr_latn",
        "bio_sr",
        "bio_en",
    )

    badge_number = models.CharField(_("badge number"), max_length=12, unique=True)
    rank = models.CharField(_("rank"), max_length=20, choices=Rank.choices)
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    first_name_cyrl = models.CharField(
        _("first name (Cyrillic)"), max_length=80, blank=True
    )
    last_name_cyrl = models.CharField(
        _("last name (Cyrillic)"), max_length=80, blank=True
    )
    photo = models.ImageField(_("photo"), upload_to="officers/", blank=True)
    public_phone = models.CharField(_("public telephone"), max_length=40, blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    bio_sq = models.CharField(_("short bio (Albanian)"), max_length=300, blank=True)
    bio_sr_latn = models.CharField(
        _("short bio (Serbian, Latin)"), max_length=300, blank=True
    )
    bio_sr = models.CharField(
        _("short bio (Serbian, Cyrillic)"), max_length=300, blank=True
    )
    bio_en = models.CharField(_("short bio (English)"), max_length=300, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="officer",
        verbose_name=_("user account"),
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
        verbose_name=_("police station"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officers",
        verbose_name=_("regional directorate"),
    )
    # Internal only: never on a public page or in a public API.
    personal_phone = models.CharField(
        _("personal telephone"), max_length=40, blank=True
    )
    internal_notes = models.TextField(_("internal notes"), blank=True)
    is_active = models.BooleanField(_("in service"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("officer")
        verbose_name_plural = _("officers")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.badge_number})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name_cyrl(self) -> str:
        if self.first_name_cyrl and self.last_name_cyrl:
            return f"{self.first_name_cyrl} {self.last_name_cyrl}"
        return ""

    @property
    def display_name(self) -> str:
        """Return the name as written in the active language's script.

        Serbian Cyrillic pages show the stored Cyrillic name, or else the
        Latin one transliterated as Serbian media write Albanian names.
        """
        if get_language() == "sr":
            return self.full_name_cyrl or albanian_to_cyrillic(self.full_name)
        return self.full_name

    @property
    def bio(self) -> str:
        """Return the short bio in the active language, else Albanian."""
        field = {"sr-latn": "bio_sr_latn", "sr": "bio_sr", "en": "bio_en"}.get(
            get_language() or "sq", "bio_sq"
        )
        return getattr(self, field) or self.bio_sq

    @property
    def initials(self) -> str:
        return "".join(part[:1] for part in self.display_name.split()[:2]).upper()


class SectorAssignment(TimeStampedModel):
    """An officer working a sector from one date to another (open when current)."""

    class Kind(models.TextChoices):
        SECTOR_OFFICER = "sector_officer", _("sector officer")
        SECTOR_LEADER = "sector_leader", _("sector leader")

    officer = models.ForeignKey(
        Officer,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("officer"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("police sector"),
    )
    kind = models.CharField(
        _("as"), max_length=20, choices=Kind.choices, default=Kind.SECTOR_OFFICER
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["sector__code", "-start_date"]
        verbose_name = _("sector assignment")
        verbose_name_plural = _("sector assignments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="assignment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.officer} → {self.sector.code}"

    def clean(self) -> None:
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("An assignment cannot end before it starts.")}
            )

    def is_current_on(self, day: datetime.date) -> bool:
        return self.start_date <= day and (
            self.end_date is None or day <= self.end_date
        )
