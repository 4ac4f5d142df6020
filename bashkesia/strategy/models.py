"""The strategy and action plan: objectives, sub-objectives, activities,
indicators and their measurements, and the progress that rolls up.

A strategy (e.g. the integrated strategy 2021–2025) has objectives ("1".."5"),
each objective sub-objectives ("1.1"), each sub-objective activities ("1.1.3"
or, as the action plan cites them, "2.4"). Indicators hang on exactly one of
an objective, a sub-objective or an activity; they are measured per period,
by hand or computed from the platform's own data (see ``indicators.py``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import TimeStampedModel, multilingual
from bashkesia.partners.models import Partner

TITLE_LIMIT = 300
TEXT_LIMIT = 4000

WEIGHT_HELP = _(
    "Relative weight among its siblings when progress rolls up. Leave blank "
    "to count it like the average of the weighted siblings."
)


def _weight_field():
    return models.DecimalField(
        _("weight"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=WEIGHT_HELP,
    )


class Strategy(TimeStampedModel):
    """A multi-year strategy and its action plan."""

    slug = models.SlugField(_("short address"), max_length=60, unique=True)
    title_sq = models.CharField(_("title (Albanian)"), max_length=TITLE_LIMIT)
    title_sr_latn = models.CharField(
        _("title (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    title_sr = models.CharField(
        _("title (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    title_en = models.CharField(
        _("title (English)"), max_length=TITLE_LIMIT, blank=True
    )
    description_sq = models.TextField(
        _("description (Albanian)"), max_length=TEXT_LIMIT, blank=True
    )
    description_sr_latn = models.TextField(
        _("description (Serbian, Latin)"), max_length=TEXT_LIMIT, blank=True
    )
    description_sr = models.TextField(
        _("description (Serbian, Cyrillic)"), max_length=TEXT_LIMIT, blank=True
    )
    description_en = models.TextField(
        _("description (English)"), max_length=TEXT_LIMIT, blank=True
    )
    start_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("last year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    is_illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_(
            "Made-up content for demonstration: every page shows a banner saying so."
        ),
    )
    published = models.BooleanField(_("published"), default=False)

    title = multilingual("title")
    description = multilingual("description")

    class Meta:
        ordering = ["-start_year", "slug"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="strategy_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_sq

    def get_absolute_url(self) -> str:
        return reverse("strategy:strategy", args=[self.slug])


class Objective(TimeStampedModel):
    """A strategic objective, numbered "1".."5"."""

    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("strategy"),
    )
    number = models.CharField(_("number"), max_length=10)
    title_sq = models.CharField(_("title (Albanian)"), max_length=TITLE_LIMIT)
    title_sr_latn = models.CharField(
        _("title (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    title_sr = models.CharField(
        _("title (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    title_en = models.CharField(
        _("title (English)"), max_length=TITLE_LIMIT, blank=True
    )
    weight = _weight_field()
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    title = multilingual("title")

    class Meta:
        ordering = ["strategy", "position", "number"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"], name="strategy_objective_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title_en or self.title_sq}"

    def get_absolute_url(self) -> str:
        return reverse("strategy:objective", args=[self.strategy.slug, self.number])


class SubObjective(TimeStampedModel):
    """A sub-objective of an objective, numbered "1.1"."""

    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        related_name="sub_objectives",
        verbose_name=_("objective"),
    )
    number = models.CharField(_("number"), max_length=10)
    title_sq = models.CharField(_("title (Albanian)"), max_length=TITLE_LIMIT)
    title_sr_latn = models.CharField(
        _("title (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    title_sr = models.CharField(
        _("title (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    title_en = models.CharField(
        _("title (English)"), max_length=TITLE_LIMIT, blank=True
    )
    weight = _weight_field()
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    title = multilingual("title")

    class Meta:
        ordering = ["objective", "position", "number"]
        verbose_name = _("sub-objective")
        verbose_name_plural = _("sub-objectives")
        constraints = [
            models.UniqueConstraint(
                fields=["objective", "number"],
                name="strategy_subobjective_number_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title_en or self.title_sq}"


class ActivityStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    DELAYED = "delayed", _("delayed")
    CANCELLED = "cancelled", _("cancelled")


class Activity(TimeStampedModel):
    """An activity of the action plan, cited by its number ("point 2.4")."""

    sub_objective = models.ForeignKey(
        SubObjective,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("sub-objective"),
    )
    # Denormalised from sub_objective.objective.strategy so that the number
    # can be unique within the strategy at the database level.
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("strategy"),
        editable=False,
    )
    number = models.CharField(_("number"), max_length=12)
    description_sq = models.TextField(
        _("description (Albanian)"), max_length=TEXT_LIMIT
    )
    description_sr_latn = models.TextField(
        _("description (Serbian, Latin)"), max_length=TEXT_LIMIT, blank=True
    )
    description_sr = models.TextField(
        _("description (Serbian, Cyrillic)"), max_length=TEXT_LIMIT, blank=True
    )
    description_en = models.TextField(
        _("description (English)"), max_length=TEXT_LIMIT, blank=True
    )
    responsible_unit = models.CharField(
        _("responsible unit"), max_length=TITLE_LIMIT, blank=True
    )
    partners = models.ManyToManyField(
        Partner,
        blank=True,
        related_name="strategy_activities",
        verbose_name=_("partners"),
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActivityStatus.choices,
        default=ActivityStatus.NOT_STARTED,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    weight = _weight_field()
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    reporters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="strategy_activities",
        verbose_name=_("reporters"),
        help_text=_("Staff who report on this activity's progress."),
    )

    description = multilingual("description")

    class Meta:
        ordering = ["sub_objective", "position", "number"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "number"], name="strategy_activity_number_unique"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="strategy_activity_progress_max"
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=F("start")),
                name="strategy_activity_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {(self.description_en or self.description_sq)[:80]}"

    def get_absolute_url(self) -> str:
        """Its row on its objective's public page."""
        objective = self.sub_objective.objective
        return (
            reverse("strategy:objective", args=[self.strategy.slug, objective.number])
            + f"#activity-{self.number}"
        )


class ActivityUpdate(models.Model):
    """One dated entry of an activity's timeline: progress and status moved."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="updates",
        verbose_name=_("activity"),
    )
    at = models.DateTimeField(_("when"), db_index=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    old_progress = models.PositiveSmallIntegerField(_("progress before (%)"))
    new_progress = models.PositiveSmallIntegerField(_("progress after (%)"))
    old_status = models.CharField(
        _("status before"), max_length=12, choices=ActivityStatus.choices
    )
    new_status = models.CharField(
        _("status after"), max_length=12, choices=ActivityStatus.choices
    )
    note = models.TextField(_("note"), max_length=TEXT_LIMIT, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("activity update")
        verbose_name_plural = _("activity updates")

    def __str__(self) -> str:
        return f"{self.activity.number} {self.at:%Y-%m-%d} {self.new_progress}%"


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("the higher the better")
    DECREASE = "decrease", _("the lower the better")


class IndicatorFrequency(models.TextChoices):
    MONTHLY = "monthly", _("monthly")
    QUARTERLY = "quarterly", _("quarterly")
    YEARLY = "yearly", _("yearly")


class IndicatorSource(models.TextChoices):
    MANUAL = "manual", _("entered by hand")
    COMPUTED = "computed", _("computed from the platform's data")


class Indicator(TimeStampedModel):
    """A measure of an objective, a sub-objective or an activity."""

    objective = models.ForeignKey(
        Objective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("objective"),
    )
    sub_objective = models.ForeignKey(
        SubObjective,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("sub-objective"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("activity"),
    )
    # Denormalised from whichever of the three it belongs to, so that the
    # code is unique within the strategy and the strategy's indicators are
    # read in one query.
    strategy = models.ForeignKey(
        Strategy,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("strategy"),
        editable=False,
    )
    code = models.CharField(_("code"), max_length=20)
    name_sq = models.CharField(_("name (Albanian)"), max_length=TITLE_LIMIT)
    name_sr_latn = models.CharField(
        _("name (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    name_sr = models.CharField(
        _("name (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    name_en = models.CharField(_("name (English)"), max_length=TITLE_LIMIT, blank=True)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("For example: %, meetings.")
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("target year"))
    direction = models.CharField(
        _("direction"),
        max_length=8,
        choices=IndicatorDirection.choices,
        default=IndicatorDirection.INCREASE,
    )
    frequency = models.CharField(
        _("frequency"),
        max_length=10,
        choices=IndicatorFrequency.choices,
        default=IndicatorFrequency.YEARLY,
    )
    source = models.CharField(
        _("source"),
        max_length=8,
        choices=IndicatorSource.choices,
        default=IndicatorSource.MANUAL,
    )
    formula = models.CharField(
        _("formula"),
        max_length=60,
        blank=True,
        help_text=_("For a computed indicator: which formula computes it."),
    )

    name = multilingual("name")

    class Meta:
        ordering = ["strategy", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        objective__isnull=False,
                        sub_objective__isnull=True,
                        activity__isnull=True,
                    )
                    | Q(
                        objective__isnull=True,
                        sub_objective__isnull=False,
                        activity__isnull=True,
                    )
                    | Q(
                        objective__isnull=True,
                        sub_objective__isnull=True,
                        activity__isnull=False,
                    )
                ),
                name="strategy_indicator_belongs_to_exactly_one",
            ),
            models.CheckConstraint(
                condition=Q(source="manual", formula="")
                | (Q(source="computed") & ~Q(formula="")),
                name="strategy_indicator_formula_when_computed",
            ),
            models.UniqueConstraint(
                fields=["strategy", "code"], name="strategy_indicator_code_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en or self.name_sq}"

    @property
    def is_computed(self) -> bool:
        return self.source == IndicatorSource.COMPUTED


class Measurement(models.Model):
    """The value of an indicator over one period."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="measurements",
        verbose_name=_("indicator"),
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=TITLE_LIMIT, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    computed = models.BooleanField(_("computed"), default=False)
    at = models.DateTimeField(_("recorded"))

    class Meta:
        ordering = ["indicator", "period_start"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                name="strategy_measurement_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="strategy_measurement_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.indicator.code} {self.period_start}–{self.period_end}: {self.value}"
        )
