"""Surveys of safety perception and trust in the police: questions, public
answers (no identity kept), results by sector and municipality."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core import clock
from bashkesia.core.models import TimeStampedModel, multilingual
from bashkesia.partnership.models import AgeBand, Community, Gender
from bashkesia.territory.models import Municipality, Sector

from .questions import Safety, Trust, Worry, YesNo

TITLE_LIMIT = 200
INTRODUCTION_LIMIT = 2000
DEFAULT_MINIMUM_SAMPLE = 10


class Survey(TimeStampedModel):
    """A survey of one municipality or of all Kosovo, open between two days.

    Its status follows from being published and the dates: a draft until
    published, then scheduled until it opens, open until it closes (on its
    last day, or earlier when staff close it), then closed.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SCHEDULED = "scheduled", _("published, not yet open")
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
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
    introduction_sq = models.TextField(
        _("introduction (Albanian)"), max_length=INTRODUCTION_LIMIT, blank=True
    )
    introduction_sr_latn = models.TextField(
        _("introduction (Serbian, Latin)"), max_length=INTRODUCTION_LIMIT, blank=True
    )
    introduction_sr = models.TextField(
        _("introduction (Serbian, Cyrillic)"),
        max_length=INTRODUCTION_LIMIT,
        blank=True,
    )
    introduction_en = models.TextField(
        _("introduction (English)"), max_length=INTRODUCTION_LIMIT, blank=True
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("municipality (empty: all Kosovo)"),
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on (last day)"))
    is_published = models.BooleanField(_("published"), default=False)
    closed_at = models.DateTimeField(_("closed early at"), null=True, blank=True)
    minimum_sample = models.PositiveSmallIntegerField(
        _("minimum answers for showing a result"),
        default=DEFAULT_MINIMUM_SAMPLE,
        validators=[MinValueValidator(5)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    title = multilingual("title")
    introduction = multilingual("introduction")

    class Meta:
        ordering = ["-opens_on", "slug"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(minimum_sample__gte=5),
                name="survey_minimum_sample_at_least_5",
            ),
        ]

    def __str__(self) -> str:
        return self.title_sq

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.slug])

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("A survey cannot close before it opens.")}
            )

    @property
    def status(self) -> str:
        if not self.is_published:
            return self.Status.DRAFT
        today = clock.today()
        if self.closed_at is not None or today > self.closes_on:
            return self.Status.CLOSED
        if today < self.opens_on:
            return self.Status.SCHEDULED
        return self.Status.OPEN

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None

    @property
    def scope_name(self) -> str:
        if self.municipality is None:
            return str(_("all Kosovo"))
        return self.municipality.name


class Response(models.Model):
    """One person's answers: where they live and what they said, nothing that
    identifies them (no name, no address, no browser token, no IP).

    A question left unanswered is blank.
    """

    survey = models.ForeignKey(
        Survey,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("survey"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("police sector"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="survey_responses",
        verbose_name=_("municipality"),
    )
    submitted_at = models.DateTimeField(_("submitted"), db_index=True)
    safe_day = models.CharField(
        _("safe by day"), max_length=20, choices=Safety.choices, blank=True
    )
    safe_night = models.CharField(
        _("safe after dark"), max_length=20, choices=Safety.choices, blank=True
    )
    worry = models.CharField(
        _("worry about crime"), max_length=20, choices=Worry.choices, blank=True
    )
    trust = models.CharField(
        _("trust in the police"), max_length=20, choices=Trust.choices, blank=True
    )
    knows_officer = models.CharField(
        _("knows the sector officer"), max_length=3, choices=YesNo.choices, blank=True
    )
    attended_forum = models.CharField(
        _("attended a forum meeting"), max_length=3, choices=YesNo.choices, blank=True
    )
    gender = models.CharField(
        _("gender"), max_length=12, choices=Gender.choices, blank=True
    )
    age_band = models.CharField(
        _("age"), max_length=12, choices=AgeBand.choices, blank=True
    )
    community = models.CharField(
        _("community"), max_length=12, choices=Community.choices, blank=True
    )

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        indexes = [models.Index(fields=["survey", "sector"])]

    def __str__(self) -> str:
        return f"{self.survey.slug} {self.sector.code} {self.submitted_at:%Y-%m-%d}"


class Ballot(models.Model):
    """A browser that answered a survey: the keyed hash of the random token in
    its signed cookie. Not linked to the response it gave, nor timed."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    token_digest = models.CharField(max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "token_digest"], name="survey_ballot_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.token_digest[:8]}"


class AddressTally(models.Model):
    """How many answers came to a survey from one client address, kept as a
    keyed hash of the address (per survey, not reversible, never the
    address itself). Not linked to the responses."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    address_digest = models.CharField(max_length=64)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "address_digest"], name="survey_address_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.address_digest[:8]} × {self.count}"
