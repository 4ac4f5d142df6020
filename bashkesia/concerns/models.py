"""Citizens' concerns, their categories and their history."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core.models import MultilingualNameModel, TimeStampedModel
from bashkesia.officers.models import Officer
from bashkesia.territory.models import Sector

DESCRIPTION_LIMIT = 4000
# Public places are snapped to a grid of 0.002° (about 220 m north-south and
# 160 m east-west in Kosovo): nobody can tell a house from them.
BLUR_STEP = 0.002


def blur(degrees: float) -> float:
    """Return a coordinate snapped to the public grid."""
    return round(round(degrees / BLUR_STEP) * BLUR_STEP, 3)


class Category(MultilingualNameModel, TimeStampedModel):
    """What a concern is about; its ``code`` is also its Open311 service_code."""

    class Kind(models.TextChoices):
        POLICE = "police", _("police matter")
        REFERRAL = "referral", _("referral to another institution")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    is_sensitive = models.BooleanField(
        _("sensitive"),
        default=False,
        help_text=_("Sensitive concerns never appear on public pages or feeds."),
    )
    acknowledge_within_hours = models.PositiveIntegerField(
        _("acknowledge within (hours)"), default=24
    )
    resolve_within_days = models.PositiveIntegerField(
        _("resolve within (days)"), default=14
    )
    # Extra questions: [{"code", "required", "label": {language: text}}].
    questions = models.JSONField(_("extra questions"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("concern category")
        verbose_name_plural = _("concern categories")

    def __str__(self) -> str:
        return self.name_en or self.code


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("submitted")
    ACKNOWLEDGED = "acknowledged", _("acknowledged")
    IN_PROGRESS = "in_progress", _("in progress")
    RESOLVED = "resolved", _("resolved")
    REFERRED = "referred", _("referred to another institution")
    NOT_POLICE = "not_police", _("not a police matter")
    DUPLICATE = "duplicate", _("duplicate")
    REOPENED = "reopened", _("reopened")


CLOSED_STATUSES = {
    Status.RESOLVED,
    Status.REFERRED,
    Status.NOT_POLICE,
    Status.DUPLICATE,
}


class Concern(TimeStampedModel):
    """A concern a citizen raised about a place; routed to its sector."""

    class Source(models.TextChoices):
        WEB = "web", _("website")
        API = "api", _("JSON API")
        OPEN311 = "open311", _("Open311")

    tracking_code = models.CharField(_("tracking code"), max_length=14, unique=True)
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="concerns",
        verbose_name=_("category"),
    )
    description = models.TextField(_("description"), max_length=DESCRIPTION_LIMIT)
    # Answers to the category's extra questions: {question code: [values]}.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The description as an officer published it, personal details taken
    # out; empty until then, and the public never sees ``description``.
    public_description = models.TextField(
        _("published description"), max_length=DESCRIPTION_LIMIT, blank=True
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    address = models.CharField(_("place"), max_length=200, blank=True)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        related_name="concerns",
        verbose_name=_("police sector"),
    )
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.SUBMITTED
    )
    is_hidden = models.BooleanField(_("hidden from public pages"), default=False)
    assigned_to = models.ForeignKey(
        Officer,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("assigned to"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    # The reporter: private, shown only to officers in scope, and only when
    # they agreed to be contacted.
    is_anonymous = models.BooleanField(_("anonymous"), default=True)
    reporter_name = models.CharField(_("name"), max_length=120, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)
    reporter_phone = models.CharField(_("telephone"), max_length=40, blank=True)
    consent_to_contact = models.BooleanField(_("may be contacted"), default=False)
    language = models.CharField(_("language"), max_length=8, default="sq")
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    api_key = models.ForeignKey(
        "ApiKey",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("Open311 API key"),
    )
    idempotency_key = models.CharField(
        max_length=100, null=True, blank=True, unique=True
    )
    submitted_at = models.DateTimeField(_("submitted"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("concern")
        verbose_name_plural = _("concerns")
        # The back-office inbox (staff_selectors) reads a page's ids, and
        # counts, from these alone (index-only scans on PostgreSQL): the
        # INCLUDE columns are those its filters test. Measured on a million
        # concerns by bench/inbox.py.
        indexes = [
            # Newest first across many sectors (a station, a region).
            models.Index(
                fields=["-submitted_at", "-id"],
                include=["sector", "status", "category", "assigned_to"],
                name="concern_newest_idx",
            ),
            # A status (or the open ones) in some sectors; the figures.
            models.Index(
                fields=["sector", "status", "-submitted_at", "-id"],
                include=["category", "assigned_to", "acknowledged_at"],
                name="concern_sector_status_idx",
            ),
            # Counting a category in some sectors.
            models.Index(
                fields=["sector", "category"], name="concern_sector_category_idx"
            ),
            # "Assigned to me".
            models.Index(
                fields=["assigned_to", "-submitted_at", "-id"],
                include=["sector", "status", "category"],
                name="concern_assigned_newest_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    def get_absolute_url(self) -> str:
        return reverse("concerns:track", args=[self.tracking_code])

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def open311_id(self) -> str:
        """Return the public Open311 ``service_request_id``.

        Never the tracking code: that is the reporter's secret, and whoever
        holds it may write to and reopen the concern.
        """
        return str(self.pk)


class ConcernUpdate(models.Model):
    """One step in a concern's history: a status change, a reply or a note."""

    class Kind(models.TextChoices):
        STATUS = "status", _("status change")
        REPLY = "reply", _("reply from the police")
        NOTE = "note", _("internal note")
        CITIZEN = "citizen", _("message from the reporter")

    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="updates"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"), max_length=DESCRIPTION_LIMIT, blank=True)
    from_status = models.CharField(max_length=14, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=14, choices=Status.choices, blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    at = models.DateTimeField(_("when"), db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("concern update")
        verbose_name_plural = _("concern updates")

    def __str__(self) -> str:
        return f"{self.concern} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ConcernPhoto(models.Model):
    concern = models.ForeignKey(
        Concern, on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to="concerns/")
    at = models.DateTimeField(_("added"))

    def __str__(self) -> str:
        return self.image.name


class ApiKey(models.Model):
    """A key an Open311 client presents to raise concerns.

    Only the SHA-256 of the key is stored: the key itself is shown once, when
    ``manage.py create_api_key`` makes it.
    """

    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(
        _("key (SHA-256)"), max_length=64, unique=True, editable=False
    )
    created_at = models.DateTimeField(_("created"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["name", "created_at"]
        verbose_name = _("Open311 API key")
        verbose_name_plural = _("Open311 API keys")

    def __str__(self) -> str:
        return self.name

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
