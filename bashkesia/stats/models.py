"""The general statistics: each station's figures of a day, their corrections,
and the confirmed sums per region and for Kosovo.

A station's day is entered by a statistics clerk (*provisional*), then
*confirmed* by its region; only confirmed figures are public. A day is
*published* nationally once every station's figures of that day are
confirmed. Regional and national figures are sums of the stations'
confirmed figures, kept in ``DailyTotal`` by the services so that a ten-year
series reads one row a day.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bashkesia.territory.models import Region, Station


class Figure(models.TextChoices):
    """The figures of a day, in the order the police publish them."""

    FATAL_ACCIDENTS = "fatal_accidents", _("fatal accidents")
    INJURY_ACCIDENTS = "injury_accidents", _("accidents with injuries")
    NONINJURY_ACCIDENTS = "noninjury_accidents", _("accidents without injuries")
    TRAFFIC_TICKETS = "traffic_tickets", _("traffic tickets issued")
    ARRESTS = "arrests", _("arrests")
    IN_CUSTODY = "in_custody", _("in custody")
    POLICE_DETENTION = "police_detention", _("police detention")
    SENT_TO_SERVE_SENTENCE = "sent_to_serve_sentence", _("sent to serve sentence")


FIGURES: tuple[str, ...] = tuple(Figure.values)
# The six the daily bulletin (and the widget) shows; the press versions add
# the last two.
BULLETIN_FIGURES: tuple[str, ...] = FIGURES[:6]
# The most one station can plausibly record in a day: above it, a value is a
# typing error (the busiest national days are a tenth of these).
STATION_DAY_LIMITS = {
    "fatal_accidents": 30,
    "injury_accidents": 200,
    "noninjury_accidents": 400,
    "traffic_tickets": 10_000,
    "arrests": 500,
    "in_custody": 500,
    "police_detention": 500,
    "sent_to_serve_sentence": 500,
}
REASON_LIMIT = 500


class Figures(models.Model):
    """The eight figures of a day, as columns."""

    fatal_accidents = models.PositiveIntegerField(
        Figure.FATAL_ACCIDENTS.label, default=0
    )
    injury_accidents = models.PositiveIntegerField(
        Figure.INJURY_ACCIDENTS.label, default=0
    )
    noninjury_accidents = models.PositiveIntegerField(
        Figure.NONINJURY_ACCIDENTS.label, default=0
    )
    traffic_tickets = models.PositiveIntegerField(
        Figure.TRAFFIC_TICKETS.label, default=0
    )
    arrests = models.PositiveIntegerField(Figure.ARRESTS.label, default=0)
    in_custody = models.PositiveIntegerField(Figure.IN_CUSTODY.label, default=0)
    police_detention = models.PositiveIntegerField(
        Figure.POLICE_DETENTION.label, default=0
    )
    sent_to_serve_sentence = models.PositiveIntegerField(
        Figure.SENT_TO_SERVE_SENTENCE.label, default=0
    )

    class Meta:
        abstract = True

    def figures(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in FIGURES}


class DailyStatistics(Figures):
    """One station's figures of one day."""

    class Status(models.TextChoices):
        PROVISIONAL = "provisional", _("provisional")
        CONFIRMED = "confirmed", _("confirmed")

    station = models.ForeignKey(
        Station,
        on_delete=models.PROTECT,
        related_name="daily_statistics",
        verbose_name=_("police station"),
    )
    day = models.DateField(_("day"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROVISIONAL
    )
    entered_at = models.DateTimeField(_("entered"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    # The last correction after confirmation: the public sees that the
    # published figures changed.
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True)
    # Made up by ``load_demo``: labelled wherever its sums are shown.
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-day", "station__code"]
        verbose_name = _("daily statistics")
        verbose_name_plural = _("daily statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["station", "day"], name="daily_statistics_one_per_station_day"
            ),
            models.CheckConstraint(
                condition=models.Q(status="provisional", confirmed_at__isnull=True)
                | models.Q(status="confirmed", confirmed_at__isnull=False),
                name="daily_statistics_confirmed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["day", "status"], name="daily_stats_day_status"),
        ]

    def __str__(self) -> str:
        return f"{self.station.code} {self.day.isoformat()}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class Correction(models.Model):
    """One figure of a station's day changed: who, when, old → new, why."""

    statistics = models.ForeignKey(
        DailyStatistics,
        on_delete=models.CASCADE,
        related_name="corrections",
        verbose_name=_("daily statistics"),
    )
    figure = models.CharField(_("figure"), max_length=24, choices=Figure.choices)
    old_value = models.PositiveIntegerField(_("old value"))
    new_value = models.PositiveIntegerField(_("new value"))
    reason = models.CharField(_("reason"), max_length=REASON_LIMIT, blank=True)
    corrected_at = models.DateTimeField(_("corrected"))
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("corrected by"),
    )
    # Made after the figures were confirmed, so after the public saw them.
    public = models.BooleanField(_("after publication"), default=False)

    class Meta:
        ordering = ["-corrected_at", "-pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self) -> str:
        return f"{self.statistics} {self.figure}: {self.old_value} → {self.new_value}"


class DailyTotal(Figures):
    """The sum of the confirmed figures of a day in a region (or, without a
    region, in Kosovo), and how many stations it counts."""

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regional directorate"),
    )
    day = models.DateField(_("day"))
    stations = models.PositiveSmallIntegerField(_("stations confirmed"), default=0)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["day"]
        verbose_name = _("daily total")
        verbose_name_plural = _("daily totals")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "day"], name="daily_total_one_per_region_day"
            ),
            models.UniqueConstraint(
                fields=["day"],
                condition=models.Q(region__isnull=True),
                name="daily_total_one_national_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region.code if self.region else 'XK'} {self.day}"


class CommunityMonth(models.Model):
    """The community-policing figures of one month in one scope: a sector, a
    station (its own sectors, not its substations'), a region or Kosovo.

    Concerns count in the month they were submitted (a cohort: "resolved" is
    how many of that month's concerns are resolved now); meetings in the
    month they were held, priorities in the month of their issue or action
    date. The times to acknowledge and to resolve are histograms, counts per
    bucket of ``stats.community.HOURS_EDGES`` and ``DAYS_EDGES``: histograms
    add up across sectors and months, and a median is read from their sum.
    ``stats.community.services`` writes every scope's row of a month at once.
    """

    class Level(models.TextChoices):
        SECTOR = "sector", _("police sector")
        STATION = "station", _("police station")
        REGION = "region", _("regional directorate")
        KOSOVO = "kosovo", _("Kosovo")

    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    sector = models.ForeignKey(
        "territory.Sector",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("police sector"),
    )
    station = models.ForeignKey(
        Station,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("police station"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("regional directorate"),
    )
    month = models.DateField(_("month"), help_text=_("Its first day."))
    received = models.PositiveIntegerField(_("concerns received"), default=0)
    acknowledged = models.PositiveIntegerField(_("acknowledged"), default=0)
    resolved = models.PositiveIntegerField(_("resolved"), default=0)
    resolved_within_target = models.PositiveIntegerField(
        _("resolved within the target time"), default=0
    )
    hours_to_acknowledge = models.JSONField(
        _("hours to acknowledge (counts per bucket)"), default=list
    )
    days_to_resolve = models.JSONField(
        _("days to resolve (counts per bucket)"), default=list
    )
    meetings_held = models.PositiveIntegerField(_("forum meetings held"), default=0)
    priorities_set = models.PositiveIntegerField(_("priorities set"), default=0)
    priorities_acted_on = models.PositiveIntegerField(
        _("priorities acted on"), default=0
    )
    refreshed_at = models.DateTimeField(_("computed"))

    class Meta:
        ordering = ["month", "level"]
        verbose_name = _("community-policing month")
        verbose_name_plural = _("community-policing months")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    level="sector",
                    sector__isnull=False,
                    station__isnull=True,
                    region__isnull=True,
                )
                | models.Q(
                    level="station",
                    sector__isnull=True,
                    station__isnull=False,
                    region__isnull=True,
                )
                | models.Q(
                    level="region",
                    sector__isnull=True,
                    station__isnull=True,
                    region__isnull=False,
                )
                | models.Q(
                    level="kosovo",
                    sector__isnull=True,
                    station__isnull=True,
                    region__isnull=True,
                ),
                name="community_month_one_scope",
            ),
            # Each also the index a scope's months are read with.
            models.UniqueConstraint(
                fields=["sector", "month"],
                condition=models.Q(level="sector"),
                name="community_month_one_per_sector",
            ),
            models.UniqueConstraint(
                fields=["station", "month"],
                condition=models.Q(level="station"),
                name="community_month_one_per_station",
            ),
            models.UniqueConstraint(
                fields=["region", "month"],
                condition=models.Q(level="region"),
                name="community_month_one_per_region",
            ),
            models.UniqueConstraint(
                fields=["month"],
                condition=models.Q(level="kosovo"),
                name="community_month_one_for_kosovo",
            ),
        ]
        indexes = [
            # A refresh deletes its months' rows of every level.
            models.Index(fields=["month"], name="community_month_month_idx"),
        ]

    def __str__(self) -> str:
        scope = self.sector_id or self.station_id or self.region_id or "XK"
        return f"{self.level} {scope} {self.month:%Y-%m}"
