"""Awareness campaigns: theme, target groups, period, regions, channels,
materials, linked events and reach.

A campaign's status comes from its dates (upcoming, running, ended); the
public sees it only once it is published. No regions means all of Kosovo.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core import clock
from bashkesia.core.models import TimeStampedModel, multilingual
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import Event
from bashkesia.territory.models import Region

TITLE_LIMIT = 200
TEXT_LIMIT = 4000


class TargetGroup(models.TextChoices):
    CHILDREN_YOUTH = "children_youth", _("children and youth")
    PARENTS = "parents", _("parents")
    STUDENTS = "students", _("pupils and students")
    DRIVERS = "drivers", _("drivers")
    WOMEN = "women", _("women")
    ELDERLY = "elderly", _("elderly people")
    COMMUNITIES = "communities", _("non-majority communities")
    BUSINESSES = "businesses", _("businesses")
    GENERAL_PUBLIC = "general_public", _("general public")


class Channel(models.TextChoices):
    TV = "tv", _("television")
    RADIO = "radio", _("radio")
    SOCIAL_MEDIA = "social_media", _("social media")
    SCHOOLS = "schools", _("schools")
    LEAFLETS = "leaflets", _("leaflets and posters")
    COMMUNITY_MEETINGS = "community_meetings", _("community meetings")
    BILLBOARDS = "billboards", _("billboards")
    PRESS = "press", _("press")
    WEBSITE = "website", _("website")


class Measure(models.TextChoices):
    PEOPLE_REACHED = "people_reached", _("people reached")
    LEAFLETS_DISTRIBUTED = "leaflets_distributed", _("leaflets distributed")
    SCHOOLS_VISITED = "schools_visited", _("schools visited")
    MEETINGS_HELD = "meetings_held", _("meetings held")
    BROADCASTS = "broadcasts", _("broadcasts aired")
    POSTS_VIEWS = "post_views", _("views of social media posts")
    ITEMS_HANDED_IN = "items_handed_in", _("weapons and items handed in")


class CampaignStatus(models.TextChoices):
    UPCOMING = "upcoming", _("upcoming")
    RUNNING = "running", _("running")
    ENDED = "ended", _("ended")


class Campaign(TimeStampedModel):
    """An awareness campaign of the police and its partners."""

    slug = models.SlugField(_("short address"), max_length=80, unique=True)
    title_sq = models.CharField(_("theme (Albanian)"), max_length=TITLE_LIMIT)
    title_sr_latn = models.CharField(
        _("theme (Serbian, Latin)"), max_length=TITLE_LIMIT, blank=True
    )
    title_sr = models.CharField(
        _("theme (Serbian, Cyrillic)"), max_length=TITLE_LIMIT, blank=True
    )
    title_en = models.CharField(
        _("theme (English)"), max_length=TITLE_LIMIT, blank=True
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
    target_groups = models.JSONField(_("target groups"), default=list, blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="campaigns",
        verbose_name=_("regional directorates"),
        help_text=_("None: all of Kosovo."),
    )
    events = models.ManyToManyField(
        Event, blank=True, related_name="campaigns", verbose_name=_("events")
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="campaigns", verbose_name=_("partners")
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    title = multilingual("title")
    description = multilingual("description")

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="campaigns_campaign_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title_en or self.title_sq

    def get_absolute_url(self) -> str:
        return reverse("campaigns:campaign", args=[self.slug])

    def status_on(self, day: datetime.date) -> str:
        if day < self.starts_on:
            return CampaignStatus.UPCOMING
        if day > self.ends_on:
            return CampaignStatus.ENDED
        return CampaignStatus.RUNNING

    @property
    def status(self) -> str:
        """Return upcoming, running or ended, from the dates and today."""
        return self.status_on(clock.today())

    def get_status_display(self) -> str:
        return str(CampaignStatus(self.status).label)

    @property
    def target_group_labels(self) -> list[str]:
        labels = dict(TargetGroup.choices)
        return [str(labels[g]) for g in self.target_groups if g in labels]

    @property
    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels[c]) for c in self.channels if c in labels]


class Material(TimeStampedModel):
    """A file of a campaign (leaflet, poster) anyone may download."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF document")
        IMAGE = "image", _("image")

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="materials",
        verbose_name=_("campaign"),
    )
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    file = models.FileField(_("file"), upload_to="campaigns/")
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["campaign", "pk"]
        verbose_name = _("campaign material")
        verbose_name_plural = _("campaign materials")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("campaigns:material", args=[self.campaign.slug, self.pk])

    @property
    def extension(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].lower()


class ReachEntry(TimeStampedModel):
    """A reach figure of a campaign: on a day, through a channel, so many
    people reached, leaflets distributed, schools visited..."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="reach",
        verbose_name=_("campaign"),
    )
    date = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    number = models.PositiveIntegerField(_("number"))
    note = models.CharField(_("note"), max_length=TITLE_LIMIT, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["campaign", "-date", "-pk"]
        verbose_name = _("reach figure")
        verbose_name_plural = _("reach figures")

    def __str__(self) -> str:
        return f"{self.date} {self.get_measure_display()}: {self.number}"
